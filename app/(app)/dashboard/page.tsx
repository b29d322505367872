import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageContext, pageTitle } from "@/lib/page";
import { narrowToProvince, type Actor } from "@/lib/auth/policy";
import { getProvinceForDrillDown } from "@/lib/provinces/queries";
import { listHref } from "@/lib/units/url";
import { formatNumber, localName, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { dashboardViewParams, parseDashboardFilters } from "@/lib/dashboard/filters";
import { keptFigures } from "@/lib/cache";
import { loadDashboard, loadOutcomes, SCORECARD_SORTS, type ScorecardSort } from "@/lib/dashboard/queries";
import { Card, Stat } from "@/components/ui/card";
import { intakeFigures } from "@/lib/requests/figures";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { DashboardFilterForm } from "@/components/dashboard/filter-form";
import { ScorecardTable } from "@/components/dashboard/scorecard-table";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { listUnacknowledgedNotices } from "@/lib/notices/queries";
import { NoticeList } from "@/components/notices/notice-list";
import { PageSkeleton } from "@/components/ui/skeleton";
import { OutcomesDashboard } from "@/components/outcomes/outcomes-dashboard";

export const generateMetadata = pageTitle("nav.dashboard");

type Params = Record<string, string | string[] | undefined>;

type Drilled = NonNullable<Awaited<ReturnType<typeof getProvinceForDrillDown>>>;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { user, t, locale } = await pageContext("dashboard.view");
  const raw = await searchParams;
  // A national viewer drilling into one province (from /provinces): the same queries, scoped
  // to that province by a narrowed, read-only actor. Provincial users have no such parameter.
  // Looked up before anything streams, so an unknown or malformed province (or two of them)
  // answers a real 404: below the skeleton the status is already sent.
  let drilled: Drilled | null = null;
  if (user.provinceId === null && raw.province !== undefined) {
    drilled = typeof raw.province === "string" ? await getProvinceForDrillDown(user, raw.province) : null;
    if (!drilled) notFound();
  }
  return (
    <Suspense fallback={<PageSkeleton shape="dashboard" />}>
      <Dashboard user={user} drilled={drilled} raw={raw} t={t} locale={locale} />
    </Suspense>
  );
}

async function Dashboard({
  user,
  drilled,
  raw,
  t,
  locale,
}: {
  user: Actor;
  drilled: Drilled | null;
  raw: Params;
  t: Translate;
  locale: Locale;
}) {
  const filters = parseDashboardFilters(raw);
  const sort: ScorecardSort = SCORECARD_SORTS.find((s) => s === raw.sort) ?? "onTime";
  const viewer = drilled ? narrowToProvince(user, drilled.id) : user;
  // Figures are kept until PostgreSQL says the province changed (a national viewer's also up
  // to a minute, lib/cache.ts); the notices below are always read live.
  const today = todayInTehran();
  const [data, unacknowledged, requests] = await Promise.all([
    keptFigures(viewer, ["dashboard", filters, sort, today], () =>
      loadDashboard(viewer, filters, sort, today),
    ),
    listUnacknowledgedNotices(viewer),
    // Units' own requests (issue #32): kept the same way (filing and intake notify too).
    intakeFigures(viewer),
  ]);
  const days = (v: number | null) => (v === null ? t("requests.figNone") : formatNumber(v, locale));
  // Delays in working days on request, counted in the queries (the overdue list and the
  // scorecard's average alike).
  const countWorking = filters.late === "working";
  const n = (v: number) => formatNumber(v, locale);
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && v) q.set(k, v);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  return (
    <div className="space-y-6">
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
      {/* The drilled province and the view choices (delays in working days, the scorecard's
          sort) are kept when the filters are applied or cleared. */}
      <DashboardFilterForm
        action="/dashboard"
        raw={raw}
        options={data.options}
        hidden={{ ...(drilled ? { province: drilled.id } : {}), ...dashboardViewParams(raw) }}
        t={t}
        locale={locale}
      />
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
      <Card title={t("dashboard.overdueSorted")}>
        <ResolutionTable
          items={data.overdue}
          locale={locale}
          t={t}
          empty={t("home.noOverdue")}
          workingDaysLate={data.workingDaysLate}
        />
        {data.figures.overdue > data.overdue.length && !drilled && (
          <Link
            href="/resolutions?overdue=1"
            className="no-print mt-2 inline-block text-sm text-brand-700 underline-offset-4 hover:underline"
          >
            {t("dashboard.allOverdue")}
          </Link>
        )}
        <nav aria-label={t("calendar.countIn")} className="no-print mt-2 flex gap-3 text-sm">
          <span className="text-slate-600">{t("calendar.countIn")}:</span>
          {(["calendar", "working"] as const).map((k) => (
            <Link
              key={k}
              href={`/dashboard?${query({ late: k })}`}
              aria-current={(k === "working") === countWorking ? "true" : undefined}
              className="text-brand-700 underline-offset-4 hover:underline aria-[current=true]:font-bold aria-[current=true]:text-slate-900 aria-[current=true]:no-underline"
            >
              {t(k === "working" ? "calendar.countWorking" : "calendar.countCalendar")}
            </Link>
          ))}
        </nav>
      </Card>
      <Card title={t("dashboard.unacknowledged")}>
        <p className="mb-2 text-xs text-slate-600">
          {t("dashboard.unacknowledgedHint", { days: n(unacknowledged.days) })}
        </p>
        <NoticeList
          items={unacknowledged.items}
          t={t}
          locale={locale}
          empty={t("dashboard.unacknowledgedNone")}
          showAgency
        />
      </Card>
      <Card title={t("dashboard.scorecard")}>
        <p className="mb-2 text-xs text-slate-600">{t("dashboard.scorecardHint")}</p>
        {data.scorecardTotal > data.scorecard.length && (
          <p className="mb-2 text-xs text-slate-600">
            {t("dashboard.scorecardShown", {
              shown: n(data.scorecard.length),
              total: n(data.scorecardTotal),
            })}
          </p>
        )}
        <ScorecardTable
          rows={data.scorecard}
          sort={sort}
          sortHref={(s) => `/dashboard?${query({ sort: s })}`}
          late={countWorking ? "working" : "calendar"}
          trend={data.trend}
          t={t}
          locale={locale}
        />
      </Card>
      <DashboardCharts data={data} t={t} locale={locale} />
      <Suspense fallback={<PageSkeleton shape="dashboard" title={false} />}>
        <Outcomes viewer={viewer} exportable={!drilled} today={today} t={t} locale={locale} />
      </Suspense>
    </div>
  );
}

/** Money per bank and returns to production (issue #36), streamed after the filtered figures. */
async function Outcomes({
  viewer,
  exportable,
  today,
  t,
  locale,
}: {
  viewer: Actor;
  exportable: boolean;
  today: string;
  t: Translate;
  locale: Locale;
}) {
  const { money, returns } = await keptFigures(viewer, ["outcomes", today], () =>
    loadOutcomes(viewer, today),
  );
  return (
    <OutcomesDashboard
      money={money}
      returns={returns}
      national={viewer.provinceId === null}
      exportable={exportable}
      t={t}
      locale={locale}
    />
  );
}
