import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/locale";
import { listMyExportJobs } from "@/lib/exports/queries";
import { Card } from "@/components/ui/card";
import { AutoRefresh } from "@/components/exports/auto-refresh";
import { ExportJobList } from "@/components/exports/export-job-list";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("exports.title") };
}

export default async function ExportsPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  const user = await requirePermission("case.read");
  const { t, locale } = await getTranslator();
  const jobs = await listMyExportJobs(user);
  const active = jobs.some((j) => j.status === "QUEUED" || j.status === "RUNNING");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("exports.title")}</h1>
        <p className="text-sm text-slate-600">{t("exports.intro")}</p>
      </div>
      <Card>
        <ExportJobList jobs={jobs} highlight={(await searchParams).job} locale={locale} t={t} />
      </Card>
      <AutoRefresh active={active} />
    </div>
  );
}
