import { pageContext, pageTitle } from "@/lib/page";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { dashboardViewParams, parseDashboardFilters } from "@/lib/dashboard/filters";
import { loadDashboard } from "@/lib/dashboard/queries";
import { PrintButton } from "@/components/ui/print-button";
import { DashboardFilterForm } from "@/components/dashboard/filter-form";
import { ScorecardTable } from "@/components/dashboard/scorecard-table";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import {
  MonthlyTable,
  OVERDUE_ON_FIRST_PAGE,
  OverdueSummary,
  ReportHeadline,
  REPORT_SECTION,
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
  // Delays in working days when the dashboard that sent here counted them so.
  const working = data.workingDaysLate;
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
      <header className="border-b border-slate-300 pb-3 text-center">
        <h1 className="text-xl font-bold">{t("dashboard.reportTitle")}</h1>
        <p className="text-sm">{period}</p>
        <p className="text-xs text-slate-600">
          {t("dashboard.generatedAt", { date: formatDate(new Date(), locale) })}
        </p>
      </header>
      <ReportHeadline data={data} t={t} locale={locale} />
      <OverdueSummary data={data} t={t} locale={locale} />
      <section className={REPORT_SECTION}>
        <h2 className="font-semibold">{t("dashboard.scorecard")}</h2>
        <ScorecardTable
          rows={data.scorecard}
          sort="onTime"
          late={working ? "working" : "calendar"}
          t={t}
          locale={locale}
        />
        {data.scorecardTotal > data.scorecard.length && (
          <p className="text-xs text-slate-600">
            {t("dashboard.scorecardShown", {
              shown: formatNumber(data.scorecard.length, locale),
              total: formatNumber(data.scorecardTotal, locale),
            })}
          </p>
        )}
      </section>
      <MonthlyTable data={data} t={t} locale={locale} />
      {data.overdue.length > OVERDUE_ON_FIRST_PAGE && (
        <section className={REPORT_SECTION}>
          <h2 className="font-semibold">{t("print.overdueList")}</h2>
          <ResolutionTable
            items={data.overdue}
            locale={locale}
            t={t}
            empty={t("home.noOverdue")}
            workingDaysLate={working}
          />
        </section>
      )}
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
