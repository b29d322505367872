import { pageContext, pageTitle } from "@/lib/page";
import { formatDate, formatJalaliMonth, formatNumber, localName } from "@/lib/i18n/format";
import { dashboardViewParams, parseDashboardFilters } from "@/lib/dashboard/filters";
import { loadDashboard } from "@/lib/dashboard/queries";
import { Stat } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { DashboardFilterForm } from "@/components/dashboard/filter-form";
import { ScorecardTable } from "@/components/dashboard/scorecard-table";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { TableHead } from "@/components/ui/table-head";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import { daysUntil } from "@/lib/resolutions/queries";
import "@/components/meetings/print.css";

/** How many overdue resolutions the first page summarises; the full list follows. */
const OVERDUE_ON_FIRST_PAGE = 8;

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
  const n = (v: number) => formatNumber(v, locale);
  const period =
    filters.from || filters.to
      ? t("dashboard.reportPeriod", {
          from: filters.from ? formatDate(filters.from, locale) : "…",
          to: filters.to ? formatDate(filters.to, locale) : "…",
        })
      : t("dashboard.reportAllTime");
  // Tables may run over pages (rows never split, headings go with their table): a section
  // kept whole would leave the first page with a title and nothing else.
  const section = "space-y-2";
  const firstOverdue = data.overdue.slice(0, OVERDUE_ON_FIRST_PAGE);
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
      <section aria-label={t("print.headline")}>
        <dl className="grid grid-cols-3 gap-3">
          <Stat label={t("home.openResolutions")} value={n(data.figures.open)} />
          <Stat label={t("home.overdue")} value={n(data.figures.overdue)} tone="danger" />
          <Stat label={t("home.dueSoon")} value={n(data.figures.dueSoon)} tone="warning" />
          <Stat
            label={t("home.verifiedThisMonth")}
            value={n(data.figures.verifiedThisMonth)}
            tone="success"
          />
          <Stat label={t("dashboard.unitsReturned")} value={n(data.impact.total.units)} tone="success" />
          <Stat label={t("outcomes.dashboard.jobsKept")} value={n(data.impact.total.kept)} />
          <Stat label={t("outcomes.dashboard.jobsCreated")} value={n(data.impact.total.created)} />
        </dl>
      </section>
      <section className={section}>
        <h2 className="font-semibold">{t("print.overdueSummary")}</h2>
        {firstOverdue.length === 0 ? (
          <p className="text-sm text-slate-600">{t("home.noOverdue")}</p>
        ) : (
          <table className="w-full text-sm">
            <TableHead
              compact
              className="border-b border-slate-300"
              labels={[
                t("resolution.unit"),
                t("resolution.agency"),
                t("resolution.deadline"),
                t(working ? "print.workingDaysLate" : "print.daysLate"),
              ]}
            />
            <tbody>
              {firstOverdue.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="p-1" dir="auto">
                    {r.unit.name}
                  </td>
                  <td className="p-1">{localName(r.responsibleAgency, locale)}</td>
                  <td className="p-1">{formatDate(r.deadline, locale, { style: "short" })}</td>
                  <td className="p-1">{n(working?.get(r.id) ?? -daysUntil(r.deadline))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.overdue.length > firstOverdue.length && (
          <p className="text-xs text-slate-600">
            {t("print.overdueMore", { count: n(data.overdue.length - firstOverdue.length) })}
          </p>
        )}
      </section>
      <section className={section}>
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
      <section className={section}>
        <h2 className="font-semibold">{t("dashboard.monthly")}</h2>
        <table className="w-full text-sm">
          <TableHead
            compact
            className="border-b border-slate-300"
            labels={[
              t("dashboard.month"),
              t("dashboard.issued"),
              t("dashboard.verified"),
              t("dashboard.unitsReturned"),
            ]}
          />
          <tbody>
            {data.monthly.map((m, i) => (
              <tr key={m.start} className="border-b border-slate-100">
                <th scope="row" className="p-1 text-start font-normal">
                  {formatJalaliMonth(m.start, locale)}
                </th>
                <td className="p-1">{n(m.issued)}</td>
                <td className="p-1">{n(m.verified)}</td>
                <td className="p-1">{n(data.impact.perMonth[i]?.units ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.overdue.length > firstOverdue.length && (
        <section className={section}>
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
