import type {
  monthlyIssuedVerified,
  overdueByCategory,
  obstaclesByCategoryAndSector,
  unitsReturnedToProduction,
} from "@/lib/dashboard/queries";
import { formatJalaliMonth, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { ChartFigure } from "./chart-figure";

type Data = {
  monthly: Awaited<ReturnType<typeof monthlyIssuedVerified>>;
  overdueByCategory: Awaited<ReturnType<typeof overdueByCategory>>;
  obstacles: Awaited<ReturnType<typeof obstaclesByCategoryAndSector>>;
  impact: Awaited<ReturnType<typeof unitsReturnedToProduction>>;
};

const SECTORS = ["INDUSTRIAL", "MINING", "AGRICULTURAL", "SERVICES"] as const;
const SECTOR_COLORS = ["#0f766e", "#b45309", "#4d7c0f", "#6d28d9"];

export function DashboardCharts({ data, t, locale }: { data: Data; t: Translate; locale: Locale }) {
  const byCategory = new Map<string, Record<string, number | string>>();
  for (const r of data.obstacles) {
    const row = byCategory.get(r.code) ?? { label: localName(r, locale) };
    row[r.sector] = r.count;
    byCategory.set(r.code, row);
  }
  return (
    // grid-cols-1 (minmax(0, 1fr)), not the implicit track: an implicit column is as wide as
    // its widest chart card's content, 12 px past a 390 px phone (issue #30).
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartFigure
        title={t("dashboard.monthly")}
        labelHeader={t("dashboard.month")}
        data={data.monthly.map((m) => ({
          label: formatJalaliMonth(m.start, locale),
          issued: m.issued,
          verified: m.verified,
        }))}
        series={[
          { key: "issued", name: t("dashboard.issued"), color: "#0f766e" },
          { key: "verified", name: t("dashboard.verified"), color: "#65a30d" },
        ]}
        t={t}
        locale={locale}
      />
      <ChartFigure
        title={t("dashboard.overdueByCategory")}
        labelHeader={t("dashboard.category")}
        data={data.overdueByCategory.map((r) => ({ label: localName(r, locale), count: r.count }))}
        series={[{ key: "count", name: t("dashboard.count"), color: "#b91c1c" }]}
        t={t}
        locale={locale}
      />
      <ChartFigure
        title={t("dashboard.obstaclesByCategory")}
        labelHeader={t("dashboard.category")}
        data={[...byCategory.values()].map((row) => ({
          label: String(row.label),
          ...Object.fromEntries(SECTORS.map((s) => [s, Number(row[s] ?? 0)])),
        }))}
        series={SECTORS.map((s, i) => ({
          key: s,
          name: t(`sector.${s}`),
          color: SECTOR_COLORS[i] ?? "#334155",
        }))}
        stacked
        t={t}
        locale={locale}
      />
      <ChartFigure
        title={t("dashboard.impact")}
        labelHeader={t("dashboard.month")}
        data={data.impact.perMonth.map((m) => ({
          label: formatJalaliMonth(m.start, locale),
          units: m.units,
        }))}
        series={[{ key: "units", name: t("dashboard.unitsReturned"), color: "#0369a1" }]}
        t={t}
        locale={locale}
      />
    </div>
  );
}
