import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { Card, EmptyState } from "@/components/ui/card";
import { BarChart, type ChartRow, type Series } from "./bar-chart";

/** A chart with its data table as the accessible (and printable) alternative. */
export function ChartFigure({
  title,
  data,
  series,
  labelHeader,
  t,
  locale,
  stacked,
}: {
  title: string;
  data: ChartRow[];
  series: Series[];
  labelHeader: string;
  t: Translate;
  locale: Locale;
  stacked?: boolean;
}) {
  const empty = data.every((row) => series.every((s) => Number(row[s.key] ?? 0) === 0));
  return (
    // Below the fold on a phone: the browser skips laying out and painting each chart until
    // it nears the viewport (content-visibility), which shortens the dashboard's first main-
    // thread work (issue #15, Total Blocking Time). The reserved height keeps the page from
    // jumping as they render.
    <Card title={title} className="min-w-0 [contain-intrinsic-size:auto_22rem] [content-visibility:auto]">
      {empty ? (
        <EmptyState>{t("dashboard.chartEmpty")}</EmptyState>
      ) : (
        <>
          <BarChart data={data} series={series} locale={locale} stacked={stacked} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">{t("dashboard.showTable")}</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    <th scope="col" className="p-1 text-start font-medium">
                      {labelHeader}
                    </th>
                    {series.map((s) => (
                      <th key={s.key} scope="col" className="p-1 text-start font-medium">
                        {s.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.map((row) => (
                    <tr key={row.label} className="border-b border-slate-100">
                      <th scope="row" className="p-1 text-start font-normal">
                        {row.label}
                      </th>
                      {series.map((s) => (
                        <td key={s.key} className="p-1">
                          {formatNumber(Number(row[s.key] ?? 0), locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </Card>
  );
}
