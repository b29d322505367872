import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/locale";
import { compareProvinces, nationalTotals } from "@/lib/provinces/queries";
import { comparisonFilterSchema } from "@/lib/provinces/schema";
import { listHref } from "@/lib/units/url";
import { keptFigures } from "@/lib/cache";
import { formatNumber, localName, todayInTehran } from "@/lib/i18n/format";
import { intakeComparison } from "@/lib/requests/figures";
import { Card, EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ComparisonTable } from "@/components/provinces/comparison-table";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("provinces.title") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function ProvinceComparisonPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requirePermission("province.compare");
  const { t, locale } = await getTranslator();
  const raw = await searchParams;
  const text = (k: string) => (typeof raw[k] === "string" ? raw[k] : undefined);
  const filters = comparisonFilterSchema.parse({
    from: text("from"),
    to: text("to"),
    sort: text("sort"),
    dir: text("dir"),
    late: text("late"),
  });
  // Every province's resolutions aggregated: kept while unchanged, and up to a minute (lib/cache.ts).
  const today = todayInTehran();
  // Units' own requests by province (issue #32), kept the same way (decision 241).
  const intake = await intakeComparison(viewer);
  const days = (v: number | null) => (v === null ? t("requests.figNone") : formatNumber(v, locale));
  const rows = await keptFigures(viewer, ["provinces", filters, today], () =>
    compareProvinces(viewer, filters, today),
  );
  // Period as the user typed it (Jalali), and how delays are counted, carried into sort links
  // and the drill-down.
  const late = filters.late === "working" ? "working" : undefined;
  const period = { from: text("from"), to: text("to"), late };
  const drill = can(viewer, "dashboard.view")
    ? (id: string) => listHref("/dashboard", { province: id, ...period })
    : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("provinces.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("provinces.intro")}</p>
      </div>
      <form
        method="get"
        aria-label={t("provinces.period")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        {late && <input type="hidden" name="late" value={late} />}
        {(["from", "to"] as const).map((k) => (
          <div key={k} className="space-y-1">
            <label htmlFor={`cmp-${k}`} className="block text-xs font-medium text-slate-700">
              {t(`provinces.${k}`)}
            </label>
            <input
              id={`cmp-${k}`}
              name={k}
              defaultValue={period[k] ?? ""}
              placeholder={t("dashboard.datePlaceholder")}
              inputMode="numeric"
              dir="ltr"
              className={inputClass}
            />
          </div>
        ))}
        <button type="submit" className={buttonClass("primary")}>
          {t("provinces.show")}
        </button>
        <Link href={listHref("/provinces", { late })} className={buttonClass("ghost")}>
          {t("dashboard.clear")}
        </Link>
      </form>
      <Card>
        <p className="mb-2 text-xs text-slate-600">{t("provinces.hint")}</p>
        <nav aria-label={t("calendar.countIn")} className="mb-2 flex gap-3 text-sm">
          <span className="text-slate-600">{t("calendar.countIn")}:</span>
          {(["calendar", "working"] as const).map((k) => (
            <Link
              key={k}
              href={listHref("/provinces", {
                ...period,
                sort: filters.sort,
                dir: filters.dir,
                late: k === "working" ? k : undefined,
              })}
              aria-current={k === filters.late ? "true" : undefined}
              className="text-brand-700 underline-offset-4 hover:underline aria-[current=true]:font-bold aria-[current=true]:text-slate-900 aria-[current=true]:no-underline"
            >
              {t(k === "working" ? "calendar.countWorking" : "calendar.countCalendar")}
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? (
          <EmptyState>{t("provinces.none")}</EmptyState>
        ) : (
          <ComparisonTable
            rows={rows}
            totals={nationalTotals(rows)}
            sort={filters.sort}
            dir={filters.dir}
            sortHref={(sort, dir) => listHref("/provinces", { ...period, sort, dir })}
            drillHref={drill}
            late={filters.late}
            t={t}
            locale={locale}
          />
        )}
      </Card>
      <Card title={t("requests.figuresTitle")}>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="p-2 text-start">
                  {t("requests.figProvince")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.figWaiting")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.figToCommittee")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.figToResolution")}
                </th>
              </tr>
            </thead>
            <tbody>
              {intake.map((p) => (
                <tr key={p.id} className="border-b border-slate-100">
                  <th scope="row" className="p-2 text-start font-normal">
                    {localName(p, locale)}
                  </th>
                  <td className="p-2">{formatNumber(p.waiting, locale)}</td>
                  <td className="p-2">{days(p.toCommitteeDays)}</td>
                  <td className="p-2">{days(p.toResolutionDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
