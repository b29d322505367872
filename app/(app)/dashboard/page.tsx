import { Suspense } from "react";
import { notFound } from "next/navigation";
import { pageContext, pageTitle } from "@/lib/page";
import { narrowToProvince, type Actor } from "@/lib/auth/policy";
import { getProvinceForDrillDown } from "@/lib/provinces/queries";
import { todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { dashboardViewParams, parseDashboardFilters } from "@/lib/dashboard/filters";
import { keptFigures } from "@/lib/cache";
import {
  loadDashboard,
  loadOutcomes,
  SCORECARD_SORTS,
  SUMMARY_ROWS,
  type ScorecardSort,
} from "@/lib/dashboard/queries";
import { intakeFigures } from "@/lib/requests/figures";
import { DashboardFilterForm } from "@/components/dashboard/filter-form";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import {
  DashboardFigures,
  DashboardHeading,
  OverdueCard,
  ScorecardCard,
  UnacknowledgedCard,
} from "@/components/dashboard/dashboard-sections";
import { listUnacknowledgedNotices } from "@/lib/notices/queries";
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
    listUnacknowledgedNotices(viewer, today, { take: SUMMARY_ROWS }),
    // Units' own requests (issue #32): kept the same way (filing and intake notify too).
    intakeFigures(viewer),
  ]);
  // Delays in working days on request, counted in the queries (the overdue list and the
  // scorecard's average alike).
  const countWorking = filters.late === "working";
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && v) q.set(k, v);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  return (
    <div className="space-y-6">
      <DashboardHeading user={user} drilled={drilled} raw={raw} query={query} t={t} locale={locale} />
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
      <DashboardFigures data={data} requests={requests} t={t} locale={locale} />
      <OverdueCard
        data={data}
        drilled={drilled !== null}
        countWorking={countWorking}
        query={query}
        t={t}
        locale={locale}
      />
      <UnacknowledgedCard notices={unacknowledged} drilled={drilled !== null} t={t} locale={locale} />
      <ScorecardCard
        data={data}
        sort={sort}
        drilled={drilled !== null}
        countWorking={countWorking}
        query={query}
        t={t}
        locale={locale}
      />
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
