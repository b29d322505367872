import { formatDate, formatJalaliMonth, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { loadDashboard } from "@/lib/dashboard/queries";
import { daysUntil } from "@/lib/resolutions/queries";
import { Stat } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { ScorecardTable } from "./scorecard-table";

// The printed report's sections (app/(app)/reports/page.tsx): the headline figures, the
// first page's summary of overdue resolutions and the month-by-month table.

type Section = { data: Awaited<ReturnType<typeof loadDashboard>>; t: Translate; locale: Locale };

/** How many overdue resolutions the first page summarises; the full list follows. */
export const OVERDUE_ON_FIRST_PAGE = 8;

/**
 * Tables may run over pages (rows never split, headings go with their table): a section
 * kept whole would leave the first page with a title and nothing else.
 */
export const REPORT_SECTION = "space-y-2";

export function ReportHeadline({ data, t, locale }: Section) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section aria-label={t("print.headline")}>
      <dl className="grid grid-cols-3 gap-3">
        <Stat label={t("home.openResolutions")} value={n(data.figures.open)} />
        <Stat label={t("home.overdue")} value={n(data.figures.overdue)} tone="danger" />
        <Stat label={t("home.dueSoon")} value={n(data.figures.dueSoon)} tone="warning" />
        <Stat label={t("home.verifiedThisMonth")} value={n(data.figures.verifiedThisMonth)} tone="success" />
        <Stat label={t("dashboard.unitsReturned")} value={n(data.impact.total.units)} tone="success" />
        <Stat label={t("outcomes.dashboard.jobsKept")} value={n(data.impact.total.kept)} />
        <Stat label={t("outcomes.dashboard.jobsCreated")} value={n(data.impact.total.created)} />
      </dl>
    </section>
  );
}

export function OverdueSummary({ data, t, locale }: Section) {
  // Delays in working days when the dashboard that sent here counted them so.
  const working = data.workingDaysLate;
  const n = (v: number) => formatNumber(v, locale);
  const firstOverdue = data.overdue.slice(0, OVERDUE_ON_FIRST_PAGE);
  return (
    <section className={REPORT_SECTION}>
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
  );
}

export function MonthlyTable({ data, t, locale }: Section) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section className={REPORT_SECTION}>
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
  );
}

/** The report's title, its period and when it was printed. */
export function ReportTitle({ period, t, locale }: { period: string; t: Translate; locale: Locale }) {
  return (
    <header className="border-b border-slate-300 pb-3 text-center">
      <h1 className="text-xl font-bold">{t("dashboard.reportTitle")}</h1>
      <p className="text-sm">{period}</p>
      <p className="text-xs text-slate-600">
        {t("dashboard.generatedAt", { date: formatDate(new Date(), locale) })}
      </p>
    </header>
  );
}

/** The agencies' scorecard by on-time share, and how many of them the page shows. */
export function ReportScorecard({ data, t, locale }: Section) {
  return (
    <section className={REPORT_SECTION}>
      <h2 className="font-semibold">{t("dashboard.scorecard")}</h2>
      <ScorecardTable
        rows={data.scorecard}
        sort="onTime"
        late={data.workingDaysLate ? "working" : "calendar"}
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
  );
}

/** Every overdue resolution, after the first page's summary, when there are more than it holds. */
export function OverdueList({ data, t, locale }: Section) {
  if (data.overdue.length <= OVERDUE_ON_FIRST_PAGE) return null;
  return (
    <section className={REPORT_SECTION}>
      <h2 className="font-semibold">{t("print.overdueList")}</h2>
      <ResolutionTable
        items={data.overdue}
        locale={locale}
        t={t}
        empty={t("home.noOverdue")}
        workingDaysLate={data.workingDaysLate}
      />
    </section>
  );
}
