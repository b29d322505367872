import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/locale";
import { compareProvinces, nationalTotals } from "@/lib/provinces/queries";
import { comparisonFilterSchema } from "@/lib/provinces/schema";
import { listHref } from "@/lib/units/url";
import { keptFigures } from "@/lib/cache";
import { todayInTehran } from "@/lib/i18n/format";
import { intakeComparison } from "@/lib/requests/figures";
import { Card, EmptyState } from "@/components/ui/card";
import { ComparisonTable } from "@/components/provinces/comparison-table";
import { IntakeComparison, PeriodForm } from "@/components/provinces/comparison-sections";
import { CountInNav } from "@/components/ui/count-in-nav";

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
      <PeriodForm sort={filters.sort} dir={filters.dir} late={late} period={period} t={t} />
      <Card>
        <p className="mb-2 text-xs text-slate-600">{t("provinces.hint")}</p>
        <CountInNav
          current={filters.late}
          href={(k) =>
            listHref("/provinces", {
              ...period,
              sort: filters.sort,
              dir: filters.dir,
              late: k === "working" ? k : undefined,
            })
          }
          className="mb-2"
          t={t}
        />
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
      <IntakeComparison intake={intake} t={t} locale={locale} />
    </div>
  );
}
