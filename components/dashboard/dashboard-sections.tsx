import Link from "next/link";
import type { Actor } from "@/lib/auth/policy";
import type { getProvinceForDrillDown } from "@/lib/provinces/queries";
import { SUMMARY_ROWS, type loadDashboard, type ScorecardSort } from "@/lib/dashboard/queries";
import type { IntakeFigures } from "@/lib/requests/figures";
import type { listUnacknowledgedNotices } from "@/lib/notices/queries";
import { listHref } from "@/lib/units/url";
import { formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { Card, Stat } from "@/components/ui/card";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { ScorecardTable } from "@/components/dashboard/scorecard-table";
import { NoticeList } from "@/components/notices/notice-list";
import { CountInNav } from "@/components/ui/count-in-nav";

// The dashboard's sections (app/(app)/dashboard/page.tsx reads the figures and lays them out):
// the heading with the exports, the headline figures, the overdue resolutions, the notices
// not yet received and the agencies' scorecard.

type Speech = { t: Translate; locale: Locale };
type Params = Record<string, string | string[] | undefined>;
type Drilled = NonNullable<Awaited<ReturnType<typeof getProvinceForDrillDown>>>;
type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
/** The dashboard's address with its current parameters and `extra` over them. */
type Query = (extra: Record<string, string>) => string;

/** The title (a drilled province's name), the way back to the provinces, the exports. */
export function DashboardHeading({
  user,
  drilled,
  raw,
  query,
  t,
  locale,
}: Speech & { user: Actor; drilled: Drilled | null; raw: Params; query: Query }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">
          {drilled ? t("provinces.drillTitle", { name: localName(drilled, locale) }) : t("nav.dashboard")}
        </h1>
        {drilled && (
          <Link
            href={listHref("/provinces", {
              from: typeof raw.from === "string" ? raw.from : undefined,
              to: typeof raw.to === "string" ? raw.to : undefined,
            })}
            className="no-print text-sm text-brand-700 underline-offset-4 hover:underline"
          >
            {t("provinces.back")}
          </Link>
        )}
      </div>
      {/* The exports read the signed-in user's own scope; a drill-down stays on screen. */}
      <div className={`no-print flex gap-2 ${drilled ? "hidden" : ""}`}>
        {/* A plain link, not next/link: <Link> prefetches what it shows in production, so every
            dashboard view built the scorecard workbook in the background (issue #30). */}
        <a className={buttonClass("secondary")} href={`/api/reports/scorecard?${query({})}`}>
          {t("dashboard.exportXlsx")}
        </a>
        <a className={buttonClass("secondary")} href="/api/reports/returns">
          {t("outcomes.dashboard.exportReturns")}
        </a>
        <ButtonLink variant="secondary" href={`/reports?${query({})}`}>
          {t("dashboard.print")}
        </ButtonLink>
        {user.provinceId !== null && (
          <ButtonLink variant="secondary" href="/reports/weekly">
            {t("outcomes.weekly.title")}
          </ButtonLink>
        )}
      </div>
    </div>
  );
}

/** The headline figures and the units' own requests. */
export function DashboardFigures({
  data,
  requests,
  t,
  locale,
}: Speech & { data: Dashboard; requests: IntakeFigures }) {
  const n = (v: number) => formatNumber(v, locale);
  const days = (v: number | null) => (v === null ? t("requests.figNone") : formatNumber(v, locale));
  return (
    <>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        <Stat label={t("home.openResolutions")} value={n(data.figures.open)} />
        <Stat label={t("home.overdue")} value={n(data.figures.overdue)} tone="danger" />
        <Stat label={t("home.dueSoon")} value={n(data.figures.dueSoon)} tone="warning" />
        <Stat label={t("outcomes.dashboard.stalled")} value={n(data.stalled.count)} tone="warning" />
        <Stat label={t("home.verifiedThisMonth")} value={n(data.figures.verifiedThisMonth)} tone="success" />
        <Stat label={t("dashboard.unitsReturned")} value={n(data.impact.total.units)} tone="success" />
        <Stat label={t("outcomes.dashboard.jobsKept")} value={n(data.impact.total.kept)} />
        <Stat label={t("outcomes.dashboard.jobsCreated")} value={n(data.impact.total.created)} />
      </dl>
      <p className="-mt-3 text-xs text-slate-600">
        {t("outcomes.progress.stalledHint", { days: n(data.stalled.days) })}
      </p>
      <section aria-label={t("requests.figuresTitle")}>
        <h2 className="mb-2 text-base font-semibold text-slate-800">{t("requests.figuresTitle")}</h2>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Stat
            label={t("requests.figWaiting")}
            value={n(requests.waiting)}
            tone={requests.waiting ? "warning" : "default"}
          />
          <Stat label={t("requests.figToCommittee")} value={days(requests.toCommitteeDays)} />
          <Stat label={t("requests.figToResolution")} value={days(requests.toResolutionDays)} />
        </dl>
      </section>
    </>
  );
}

/** "10 of 214", when the card shows only the first rows of a longer list. */
function ShownOf({ shown, total, t, locale }: Speech & { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="mb-2 text-xs text-slate-600">
      {t("dashboard.shownOf", { shown: formatNumber(shown, locale), total: formatNumber(total, locale) })}
    </p>
  );
}

const ALL_LINK = "no-print mt-2 inline-block text-sm text-brand-700 underline-offset-4 hover:underline";

/**
 * The most overdue resolutions (SUMMARY_ROWS), longest late first, counted in calendar or
 * working days; the register lists them all.
 */
export function OverdueCard({
  data,
  drilled,
  countWorking,
  query,
  t,
  locale,
}: Speech & { data: Dashboard; drilled: boolean; countWorking: boolean; query: Query }) {
  const shown = data.overdue.slice(0, SUMMARY_ROWS);
  return (
    <Card title={t("dashboard.overdueSorted")}>
      <ShownOf shown={shown.length} total={data.figures.overdue} t={t} locale={locale} />
      <ResolutionTable
        items={shown}
        locale={locale}
        t={t}
        empty={t("home.noOverdue")}
        workingDaysLate={data.workingDaysLate}
      />
      {data.figures.overdue > shown.length && !drilled && (
        <Link href="/resolutions?overdue=1" className={ALL_LINK}>
          {t("dashboard.allOverdue")}
        </Link>
      )}
      <CountInNav
        current={countWorking ? "working" : "calendar"}
        href={(k) => `/dashboard?${query({ late: k })}`}
        className="no-print mt-2"
        t={t}
      />
    </Card>
  );
}

/**
 * The oldest notices an agency has not acknowledged in time (listUnacknowledgedNotices reads
 * the first rows and the total); the notices index lists them all.
 */
export function UnacknowledgedCard({
  notices,
  drilled,
  t,
  locale,
}: Speech & { notices: Awaited<ReturnType<typeof listUnacknowledgedNotices>>; drilled: boolean }) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Card title={t("dashboard.unacknowledged")}>
      <p className="mb-2 text-xs text-slate-600">
        {t("dashboard.unacknowledgedHint", { days: n(notices.days) })}
      </p>
      <ShownOf shown={notices.items.length} total={notices.total} t={t} locale={locale} />
      <NoticeList
        items={notices.items}
        t={t}
        locale={locale}
        empty={t("dashboard.unacknowledgedNone")}
        showAgency
      />
      {/* The index reads the signed-in user's own scope, like the register's link above. */}
      {notices.total > notices.items.length && !drilled && (
        <Link href="/notices?receipt=late" className={ALL_LINK}>
          {t("dashboard.allUnacknowledged")}
        </Link>
      )}
    </Card>
  );
}

/**
 * The agencies' scorecard, sortable: the first SUMMARY_ROWS in the chosen order (the worst
 * first by default); the spreadsheet has every agency.
 */
export function ScorecardCard({
  data,
  sort,
  drilled,
  countWorking,
  query,
  t,
  locale,
}: Speech & { data: Dashboard; sort: ScorecardSort; drilled: boolean; countWorking: boolean; query: Query }) {
  const shown = data.scorecard.slice(0, SUMMARY_ROWS);
  return (
    <Card title={t("dashboard.scorecard")}>
      <p className="mb-2 text-xs text-slate-600">{t("dashboard.scorecardHint")}</p>
      <ShownOf shown={shown.length} total={data.scorecardTotal} t={t} locale={locale} />
      <ScorecardTable
        rows={shown}
        sort={sort}
        sortHref={(s) => `/dashboard?${query({ sort: s })}`}
        late={countWorking ? "working" : "calendar"}
        trend={data.trend}
        t={t}
        locale={locale}
      />
      {/* The export reads the signed-in user's own scope: not offered in a drill-down. A plain
          link, like the heading's export: <Link> would build the workbook on prefetch. */}
      {data.scorecardTotal > shown.length && !drilled && (
        <a href={`/api/reports/scorecard?${query({})}`} className={ALL_LINK}>
          {t("dashboard.allScorecard")}
        </a>
      )}
    </Card>
  );
}
