import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";
import { listOverdueResolutions, resolutionFigures } from "@/lib/resolutions/queries";
import { Card, Stat } from "@/components/ui/card";
import { ResolutionTable } from "@/components/resolutions/resolution-table";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("nav.dashboard") };
}

export default async function DashboardPage() {
  const user = await requirePermission("dashboard.view");
  const { t, locale } = await getTranslator();
  const [figures, overdue] = await Promise.all([resolutionFigures(user), listOverdueResolutions(user)]);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("nav.dashboard")}</h1>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("home.openResolutions")} value={n(figures.open)} />
        <Stat label={t("home.overdue")} value={n(figures.overdue)} tone="danger" />
        <Stat label={t("home.dueSoon")} value={n(figures.dueSoon)} tone="warning" />
        <Stat label={t("home.verifiedThisMonth")} value={n(figures.verifiedThisMonth)} tone="success" />
      </dl>
      <Card title={t("home.overdueList")}>
        <ResolutionTable items={overdue} locale={locale} t={t} empty={t("home.noOverdue")} />
      </Card>
    </div>
  );
}
