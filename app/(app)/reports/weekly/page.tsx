import { pageContext, pageTitle } from "@/lib/page";
import { weeklyBodyHtml, weeklyReportFor } from "@/lib/outcomes/weekly";
import { isRtl } from "@/lib/i18n/format";
import { PrintButton } from "@/components/ui/print-button";
import { EmptyState } from "@/components/ui/card";
import "@/components/meetings/print.css";

export const generateMetadata = pageTitle("outcomes.weekly.title");

/**
 * The governor's weekly report as an A4 page, on demand: the same markup the Saturday e-mail
 * carries (lib/outcomes/weekly.ts, every value escaped there). `?week=` names a day of the
 * week wanted (ISO); a national viewer adds `?province=`.
 */
export default async function WeeklyReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, t, locale } = await pageContext("dashboard.view");
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const report = await weeklyReportFor(user, { provinceId: one(raw.province), week: one(raw.week) });
  // Below the reports' loading skeleton the status is already sent: a province out of reach
  // (or none named by a national viewer) gets a sentence rather than a 404.
  if (!report) return <EmptyState>{t("outcomes.weekly.noProvince")}</EmptyState>;
  return (
    <div className="space-y-4">
      <div className="no-print flex justify-end">
        <PrintButton label={t("outcomes.weekly.print")} />
      </div>
      <article
        dir={isRtl(locale) ? "rtl" : "ltr"}
        className="print-page mx-auto max-w-3xl rounded border border-slate-200 bg-white p-6 text-sm"
        data-testid="weekly-report"
        dangerouslySetInnerHTML={{ __html: weeklyBodyHtml(report, locale, t) }}
      />
    </div>
  );
}
