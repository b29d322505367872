import { pageContext, pageTitle } from "@/lib/page";
import { formatDate } from "@/lib/i18n/format";
import { dashboardViewParams, parseDashboardFilters } from "@/lib/dashboard/filters";
import { loadDashboard } from "@/lib/dashboard/queries";
import { PrintButton } from "@/components/ui/print-button";
import { DashboardFilterForm } from "@/components/dashboard/filter-form";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import {
  MonthlyTable,
  OverdueList,
  OverdueSummary,
  ReportHeadline,
  ReportScorecard,
  ReportTitle,
} from "@/components/dashboard/report-sections";
import "@/components/meetings/print.css";

export const generateMetadata = pageTitle("nav.reports");

/** The A4 report for a Jalali period, for the governor's office: the dashboard's tables on paper. */
export default async function ReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, t, locale } = await pageContext("dashboard.view");
  const raw = await searchParams;
  const filters = parseDashboardFilters(raw);
  const data = await loadDashboard(user, filters, "onTime");
  const period =
    filters.from || filters.to
      ? t("dashboard.reportPeriod", {
          from: filters.from ? formatDate(filters.from, locale) : "…",
          to: filters.to ? formatDate(filters.to, locale) : "…",
        })
      : t("dashboard.reportAllTime");
  return (
    <article className="print-document mx-auto max-w-4xl space-y-6 bg-white p-6 print:max-w-none print:p-0">
      <DashboardFilterForm
        action="/reports"
        raw={raw}
        options={data.options}
        hidden={dashboardViewParams(raw)}
        t={t}
        locale={locale}
      />
      <div className="no-print flex justify-end">
        <PrintButton label={t("dashboard.print")} />
      </div>
      <Letterhead provinceId={user.provinceId} date={new Date()} locale={locale} t={t} />
      <ReportTitle period={period} t={t} locale={locale} />
      <ReportHeadline data={data} t={t} locale={locale} />
      <OverdueSummary data={data} t={t} locale={locale} />
      <ReportScorecard data={data} t={t} locale={locale} />
      <MonthlyTable data={data} t={t} locale={locale} />
      <OverdueList data={data} t={t} locale={locale} />
      <SignatureBlock
        t={t}
        signers={[
          { role: t("print.secretary"), name: user.name },
          { role: t("print.chair"), name: "" },
        ]}
      />
    </article>
  );
}
