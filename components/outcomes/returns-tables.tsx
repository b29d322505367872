import { formatJalaliMonth, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { returnsFigures } from "@/lib/outcomes/queries";

type Returns = Awaited<ReturnType<typeof returnsFigures>>;

const HEAD = "p-2 text-start font-medium";
const CELL = "p-2 tabular-nums";

/** One table of returns to production: a row per month, category or province. */
export function ReturnsTable({
  caption,
  label,
  rows,
  testId,
  className,
  t,
  locale,
}: {
  caption: string;
  /** The first column's heading (month, category, province). */
  label: string;
  rows: { id: string; name: string; units: number; kept: number; created: number }[];
  testId: string;
  className: string;
  t: Translate;
  locale: Locale;
}) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <table className={className} data-testid={testId}>
      <caption className="mb-1 text-start font-medium">{caption}</caption>
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th className={HEAD}>{label}</th>
          <th className={HEAD}>{t("outcomes.dashboard.units")}</th>
          <th className={HEAD}>{t("outcomes.dashboard.jobsKept")}</th>
          <th className={HEAD}>{t("outcomes.dashboard.jobsCreated")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <th scope="row" className={HEAD}>
              {r.name}
            </th>
            <td className={CELL}>{n(r.units)}</td>
            <td className={CELL}>{n(r.kept)}</td>
            <td className={CELL}>{n(r.created)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Units back in production and jobs kept and created, by month, by obstacle category and (on a
 * page of several provinces) by province, as
 * plain tables: the public figures page shows them (issue #36) with the same numbers as the
 * dashboard (lib/outcomes/queries.ts returnsFigures), and a table reads on any phone.
 */
export function ReturnsTables({ returns, t, locale }: { returns: Returns; t: Translate; locale: Locale }) {
  const tables = [
    {
      key: "month",
      title: t("outcomes.dashboard.returnedTitle"),
      label: t("outcomes.dashboard.month"),
      rows: returns.months.map((m) => ({ ...m, id: m.start, name: formatJalaliMonth(m.start, locale) })),
    },
    {
      key: "category",
      title: t("outcomes.dashboard.byCategory"),
      label: t("outcomes.dashboard.category"),
      rows: returns.byCategory.map((r) => ({ ...r, id: r.code, name: localName(r, locale) })),
    },
    // By province when the page covers more than one (the published provinces, issue #36).
    ...(returns.byProvince.length > 1
      ? [
          {
            key: "province",
            title: t("outcomes.dashboard.byProvince"),
            label: t("outcomes.dashboard.province"),
            rows: returns.byProvince.map((r) => ({ ...r, name: localName(r, locale) })),
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-4">
      {tables
        .filter((x) => x.rows.length > 0)
        .map((x) => (
          <ReturnsTable
            key={x.key}
            caption={x.title}
            label={x.label}
            rows={x.rows}
            testId={`public-returns-by-${x.key}`}
            className="w-full text-sm"
            t={t}
            locale={locale}
          />
        ))}
    </div>
  );
}
