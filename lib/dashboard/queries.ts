import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { addDays, jalaliParts, jalaliToGregorian, todayInTehran } from "@/lib/i18n/format";
import type { DashboardFilters, ScorecardSort } from "./filters";
import { RESOLUTION_LIST_SELECT } from "@/lib/resolutions/queries";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { earliestLateDeadline, workingDaySql } from "@/lib/calendar/sql";
import { returnsSql } from "@/lib/outcomes/returns-sql";
import { moneyByBank, returnsToProduction, stalledFigure } from "@/lib/outcomes/queries";
import { attendanceTrend } from "@/lib/outcomes/attendance";

/** Sessions the scorecard's attendance trend shows per agency (issue #36). */
const TREND_SESSIONS = 6;

// Every figure here is one aggregate SQL query over the filtered resolutions, so the
// dashboard costs the same number of round trips at 50 units or 50,000 (decision 132).
// Overdue is derived: an open resolution (OPEN_STATUSES) whose deadline, a Tehran calendar
// date, is before today. A deadline of today is due, not overdue. This is the SQL twin of
// overdueWhere() in lib/resolutions/queries.ts (Prisma); both read the statuses from
// OPEN_STATUSES, and tests/integration/dashboard.test.ts checks they count the same rows.

// The statuses are our own constants, never user input, so they are inlined as SQL literals
// like the other enum values in these queries.
const sqlList = (values: readonly string[]) => Prisma.raw(`(${values.map((v) => `'${v}'`).join(", ")})`);
const OPEN = sqlList(OPEN_STATUSES);
const DONE = Prisma.sql`('DONE_REPORTED', 'VERIFIED')`;
const tehranDate = (column: Prisma.Sql) => Prisma.sql`(${column} at time zone 'Asia/Tehran')::date`;
const tehranMidnight = (iso: string) => Prisma.sql`(${iso}::date::timestamp at time zone 'Asia/Tehran')`;

/** WHERE conditions on `r` (Resolution), `m` (Meeting), `b` (Body) and `u` (ProductionUnit). */
function resolutionConditions(actor: Actor, f: DashboardFilters, extra: Prisma.Sql[] = []): Prisma.Sql {
  const conditions: Prisma.Sql[] = [...extra];
  if (actor.provinceId !== null) conditions.push(Prisma.sql`r."provinceId" = ${actor.provinceId}`);
  if (f.body) conditions.push(Prisma.sql`b.kind::text = ${f.body}`);
  if (f.from) conditions.push(Prisma.sql`m."startsAt" >= ${tehranMidnight(f.from)}`);
  if (f.to) conditions.push(Prisma.sql`m."startsAt" < ${tehranMidnight(addDays(f.to, 1))}`);
  if (f.county) conditions.push(Prisma.sql`u."countyId" = ${f.county}`);
  if (f.sector) conditions.push(Prisma.sql`u.sector::text = ${f.sector}`);
  if (f.agency) conditions.push(Prisma.sql`r."responsibleAgencyId" = ${f.agency}`);
  if (f.category)
    conditions.push(Prisma.sql`exists (select 1 from "ResolutionObstacle" ro join "Obstacle" o on o.id = ro."obstacleId"
      where ro."resolutionId" = r.id and (o."categoryId" = ${f.category} or o."subCategoryId" = ${f.category}))`);
  return conditions.length ? Prisma.sql`where ${Prisma.join(conditions, " and ")}` : Prisma.empty;
}

// Joins only what the filters read: unfiltered, a national dashboard scans the resolutions
// alone instead of joining 200,000 rows to their sessions, bodies and units (issue #15).
// Only the columns the figures use are carried, so the CTEs stay narrow.
const filteredResolutions = (actor: Actor, f: DashboardFilters, extra: Prisma.Sql[] = []) => Prisma.sql`
  select r.id, r."provinceId", r."responsibleAgencyId", r.status, r.deadline, r."doneReportedAt", r."verifiedAt", r."createdAt"
  from "Resolution" r
  ${f.body || f.from || f.to ? Prisma.sql`join "Meeting" m on m.id = r."meetingId"` : Prisma.empty}
  ${f.body ? Prisma.sql`join "Body" b on b.id = m."bodyId"` : Prisma.empty}
  ${f.county || f.sector ? Prisma.sql`join "ProductionUnit" u on u.id = r."unitId"` : Prisma.empty}
  ${resolutionConditions(actor, f, extra)}`;

/** Start of the current Jalali month, as an ISO date. */
function jalaliMonthStart(today: string): string {
  const { year, month } = jalaliParts(today);
  return jalaliToGregorian(year, month, 1);
}

export type Figures = { open: number; overdue: number; dueSoon: number; verifiedThisMonth: number };

/** Headline figures: open, overdue, due within 7 days (today included), verified this Jalali month. */
export async function resolutionFigures(
  actor: Actor,
  filters: DashboardFilters = {},
  today = todayInTehran(),
): Promise<Figures> {
  authorize(actor, "dashboard.view");
  const [row] = await db.$queryRaw<{ open: bigint; overdue: bigint; due_soon: bigint; verified: bigint }[]>`
    with r as (${filteredResolutions(actor, filters)})
    select
      count(*) filter (where status in ${OPEN}) as open,
      count(*) filter (where status in ${OPEN} and deadline < ${today}::date) as overdue,
      count(*) filter (where status in ${OPEN} and deadline between ${today}::date and ${addDays(today, 7)}::date) as due_soon,
      count(*) filter (where status = 'VERIFIED' and "verifiedAt" >= ${tehranMidnight(jalaliMonthStart(today))}) as verified
    from r`;
  return {
    open: Number(row?.open ?? 0),
    overdue: Number(row?.overdue ?? 0),
    dueSoon: Number(row?.due_soon ?? 0),
    verifiedThisMonth: Number(row?.verified ?? 0),
  };
}

/**
 * With `late: "working"`, the working-day calendars (lib/calendar/sql.ts) from the scope's
 * earliest late deadline to today; otherwise null (calendar days, no extra work).
 */
async function workingDays(actor: Actor, filters: DashboardFilters, today: string) {
  if (filters.late !== "working") return null;
  return workingDaySql(actor.provinceId, await earliestLateDeadline(actor.provinceId, today), today);
}

/**
 * Overdue resolutions, most days late first; ids from SQL, rows hydrated in one query. With
 * `late: "working"`, each with its delay in working days, counted in SQL like the scorecard's.
 */
export async function overdueResolutions(
  actor: Actor,
  filters: DashboardFilters = {},
  { take = 50 } = {},
  today = todayInTehran(),
): Promise<{ id: string; workingDaysLate: number | null }[]> {
  authorize(actor, "dashboard.view");
  const working = await workingDays(actor, filters, today);
  const rows = await db.$queryRaw<{ id: string; working_late: number | null }[]>`
    with r as (${filteredResolutions(actor, filters)}) ${working ? Prisma.sql`, ${working.cte}` : Prisma.empty}
    select r.id, ${working ? working.between(Prisma.sql`r.deadline`, Prisma.sql`${today}::date`) : Prisma.sql`null::int`} as working_late
    from r ${working ? working.joins(Prisma.sql`r."provinceId"`) : Prisma.empty}
    where r.status in ${OPEN} and r.deadline < ${today}::date
    order by r.deadline asc, r.id asc limit ${take}`;
  return rows.map((r) => ({
    id: r.id,
    workingDaysLate: r.working_late === null ? null : Number(r.working_late),
  }));
}

/** The ids of overdueResolutions(). */
export async function overdueResolutionIds(
  actor: Actor,
  filters: DashboardFilters = {},
  options: { take?: number } = {},
  today = todayInTehran(),
) {
  return (await overdueResolutions(actor, filters, options, today)).map((r) => r.id);
}

export type ScorecardRow = {
  agencyId: string;
  nameFa: string;
  nameEn: string;
  issued: number;
  /** Reported done on or before the (possibly extended) deadline, of those due by now. */
  onTimePct: number | null;
  overdueNow: number;
  /** In calendar days, or in working days when the filters ask (`late: "working"`). */
  avgDaysLate: number | null;
  extensionRequests: number;
  /** Held sessions (in the filter) that expected the agency: as a member or an invitee. */
  sessionsExpected: number;
  attendedHead: number;
  attendedRepresentative: number;
  absent: number;
};

/** Scorecard rows a page shows; the spreadsheet export has them all. */
export const SCORECARD_ROWS = 30;
/** Overdue resolutions a page lists, most days late first; the register lists them all. */
export const OVERDUE_ROWS = 20;
/**
 * Rows of each long list the dashboard itself shows (the worst agencies, the most overdue
 * resolutions, the oldest unacknowledged notices), each with its total and a link to the
 * whole list: the page is a summary read at a glance. At ten-year national size the full
 * lists made a 591 KB page, drawn anew on every view (docs/performance.md). The printed
 * report keeps its longer lists (SCORECARD_ROWS, OVERDUE_ROWS).
 */
export const SUMMARY_ROWS = 10;

export { SCORECARD_SORTS, type ScorecardSort } from "./filters";

/**
 * Per agency: resolutions issued, on-time rate, overdue now, average days late, extension
 * requests, and attendance at the filtered sessions. Worst performers first by default.
 * Cancelled resolutions count nowhere. A resolution is "due" once its deadline has passed or
 * it has been reported done; it was on time if reported done by its deadline. Days late are
 * counted to the day it was reported done, else to today; in working days on request (the
 * deadline itself, what "on time" and "overdue" mean, is the same either way).
 */
export async function agencyScorecard(
  actor: Actor,
  filters: DashboardFilters = {},
  sort: ScorecardSort = "onTime",
  today = todayInTehran(),
): Promise<ScorecardRow[]> {
  authorize(actor, "dashboard.view");
  const doneOn = tehranDate(Prisma.sql`"doneReportedAt"`);
  const working = await workingDays(actor, filters, today);
  // Late to the day reported done (never after today), else to today.
  const daysLate = working
    ? Prisma.sql`case when status in ${DONE} then case when ${doneOn} > deadline
               then ${working.between(Prisma.sql`deadline`, Prisma.sql`least(${doneOn}, ${today}::date)`)} else 0 end
             when deadline < ${today}::date then ${working.between(Prisma.sql`deadline`, Prisma.sql`${today}::date`)} end`
    : Prisma.sql`case when status in ${DONE} then greatest(${doneOn} - deadline, 0)
             when deadline < ${today}::date then ${today}::date - deadline end`;
  const meetingConditions: Prisma.Sql[] = [Prisma.sql`m.status <> 'PLANNED'`];
  if (actor.provinceId !== null) meetingConditions.push(Prisma.sql`m."provinceId" = ${actor.provinceId}`);
  if (filters.body) meetingConditions.push(Prisma.sql`b.kind::text = ${filters.body}`);
  if (filters.from) meetingConditions.push(Prisma.sql`m."startsAt" >= ${tehranMidnight(filters.from)}`);
  if (filters.to)
    meetingConditions.push(Prisma.sql`m."startsAt" < ${tehranMidnight(addDays(filters.to, 1))}`);
  const order = {
    onTime: Prisma.sql`on_time_pct asc nulls last, overdue_now desc`,
    overdue: Prisma.sql`overdue_now desc, on_time_pct asc nulls last`,
    daysLate: Prisma.sql`avg_days_late desc nulls last`,
    issued: Prisma.sql`issued desc`,
    absent: Prisma.sql`absent desc`,
    name: Prisma.sql`a."nameFa" asc`,
  }[sort];
  const rows = await db.$queryRaw<
    {
      id: string;
      nameFa: string;
      nameEn: string;
      issued: bigint;
      on_time_pct: number | null;
      overdue_now: bigint;
      avg_days_late: number | null;
      extensions: bigint;
      expected: bigint;
      head: bigint;
      representative: bigint;
      absent: bigint;
    }[]
  >`
    with r as not materialized (select * from (${filteredResolutions(actor, filters)}) f where status <> 'CANCELLED')
    ${working ? Prisma.sql`, ${working.cte}` : Prisma.empty},
    per_resolution as (
      select "responsibleAgencyId" as agency_id, id,
        status in ${DONE} and ${doneOn} <= deadline as on_time,
        status in ${DONE} or deadline < ${today}::date as due,
        status in ${OPEN} and deadline < ${today}::date as overdue,
        ${daysLate} as days_late
      from r
      ${working ? working.joins(Prisma.sql`r."provinceId"`) : Prisma.empty}
    ),
    by_agency as (
      select agency_id, count(*) as issued,
        round(100.0 * count(*) filter (where on_time) / nullif(count(*) filter (where due), 0))::float8 as on_time_pct,
        count(*) filter (where overdue) as overdue_now,
        round(avg(days_late) filter (where days_late > 0), 1)::float8 as avg_days_late
      from per_resolution group by agency_id
    ),
    extensions as (
      select r."responsibleAgencyId" as agency_id, count(*) as n
      from "ExtensionRequest" e join r on r.id = e."resolutionId" group by 1
    ),
    held as (
      select m.id, m."bodyId" from "Meeting" m join "Body" b on b.id = m."bodyId"
      where ${Prisma.join(meetingConditions, " and ")}
    ),
    -- Who each held session expected: its body's members, its invitees, and whoever has a
    -- recorded row (a member since removed was expected then). Attendance counts only these.
    -- Counted as the recorded rows plus the members and invitees without one: the same pairs
    -- as their union, without sorting every attendance row to make it distinct.
    recorded as (
      select at."agencyId" as agency_id, count(*) as n,
        count(*) filter (where at.mode = 'HEAD') as head,
        count(*) filter (where at.mode = 'REPRESENTATIVE') as representative,
        count(*) filter (where at.mode = 'ABSENT') as absent
      from held h join "Attendance" at on at."meetingId" = h.id
      group by 1
    ),
    unrecorded as (
      select x.agency_id, count(*) as n from (
        select h.id as meeting_id, bm."agencyId" as agency_id from held h join "BodyMember" bm on bm."bodyId" = h."bodyId"
        union
        select h.id, mi."agencyId" from held h join "MeetingInvitee" mi on mi."meetingId" = h.id
      ) x
      where not exists (select 1 from "Attendance" at where at."meetingId" = x.meeting_id and at."agencyId" = x.agency_id)
      group by 1
    ),
    attendance as (
      select coalesce(rc.agency_id, u.agency_id) as agency_id,
        coalesce(rc.n, 0) + coalesce(u.n, 0) as expected,
        coalesce(rc.head, 0) as head, coalesce(rc.representative, 0) as representative, coalesce(rc.absent, 0) as absent
      from recorded rc full join unrecorded u on u.agency_id = rc.agency_id
    )
    select a.id, a."nameFa", a."nameEn",
      coalesce(s.issued, 0) as issued, s.on_time_pct, coalesce(s.overdue_now, 0) as overdue_now, s.avg_days_late,
      coalesce(e.n, 0) as extensions, coalesce(t.expected, 0) as expected, coalesce(t.head, 0) as head, coalesce(t.representative, 0) as representative, coalesce(t.absent, 0) as absent
    from "Agency" a
    left join by_agency s on s.agency_id = a.id
    left join extensions e on e.agency_id = a.id
    left join attendance t on t.agency_id = a.id
    where (s.issued is not null or t.agency_id is not null)
      ${actor.provinceId !== null ? Prisma.sql`and a."provinceId" = ${actor.provinceId}` : Prisma.empty}
      ${filters.agency ? Prisma.sql`and a.id = ${filters.agency}` : Prisma.empty}
    order by ${order}, a."nameFa" asc`;
  return rows.map((r) => ({
    agencyId: r.id,
    nameFa: r.nameFa,
    nameEn: r.nameEn,
    issued: Number(r.issued),
    onTimePct: r.on_time_pct,
    overdueNow: Number(r.overdue_now),
    avgDaysLate: r.avg_days_late,
    extensionRequests: Number(r.extensions),
    sessionsExpected: Number(r.expected),
    attendedHead: Number(r.head),
    attendedRepresentative: Number(r.representative),
    absent: Number(r.absent),
  }));
}

/** The last `count` Jalali months ending with today's, as [start, end) ISO dates. */
export function jalaliMonths(
  today: string,
  count: number,
): { year: number; month: number; start: string; end: string }[] {
  const { year, month } = jalaliParts(today);
  const months = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const nextIndex = index + 1;
    months.push({
      year: y,
      month: m,
      start: jalaliToGregorian(y, m, 1),
      end: jalaliToGregorian(Math.floor(nextIndex / 12), (nextIndex % 12) + 1, 1),
    });
  }
  return months;
}

/** Resolutions issued (recorded) and verified, per Jalali month, for the last `count` months. */
export async function monthlyIssuedVerified(
  actor: Actor,
  filters: DashboardFilters = {},
  count = 12,
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const months = jalaliMonths(today, count);
  const bounds = [...months.map((m) => m.start), months.at(-1)?.end ?? today];
  // width_bucket puts each date into the month whose [start, next start) holds it; 0 and
  // count+1 are outside the window and dropped.
  const thresholds = Prisma.sql`${bounds}::date[]`;
  // Only the charted months are read (an index on each date): a national database holds ten
  // years of resolutions, and grouping all of them to keep twelve months cost ~0.9 s.
  const since = tehranMidnight(bounds[0] ?? today);
  const rows = await db.$queryRaw<{ bucket: number; issued: bigint; verified: bigint }[]>`
    with issued as (
      select width_bucket(${tehranDate(Prisma.sql`"createdAt"`)}, ${thresholds}) as bucket, count(*) as n
      from (${filteredResolutions(actor, filters, [Prisma.sql`r."createdAt" >= ${since}`])}) r group by 1
    ),
    verified as (
      select width_bucket(${tehranDate(Prisma.sql`"verifiedAt"`)}, ${thresholds}) as bucket, count(*) as n
      from (${filteredResolutions(actor, filters, [Prisma.sql`r."verifiedAt" >= ${since}`, Prisma.sql`r.status = 'VERIFIED'`])}) r group by 1
    )
    select coalesce(i.bucket, v.bucket) as bucket, coalesce(i.n, 0) as issued, coalesce(v.n, 0) as verified
    from issued i full join verified v on v.bucket = i.bucket`;
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  return months.map((m, i) => ({
    ...m,
    issued: Number(byBucket.get(i + 1)?.issued ?? 0),
    verified: Number(byBucket.get(i + 1)?.verified ?? 0),
  }));
}

/** Overdue resolutions per obstacle category (a resolution counts once per category it touches). */
export async function overdueByCategory(
  actor: Actor,
  filters: DashboardFilters = {},
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const rows = await db.$queryRaw<{ code: string; nameFa: string; nameEn: string; n: bigint }[]>`
    with r as (${filteredResolutions(actor, filters, [Prisma.sql`r.status in ${OPEN}`, Prisma.sql`r.deadline < ${today}::date`])}),
    -- Grouped by the category's id, named afterwards: grouping by the names sorted every
    -- row by a Persian collation (~0.4 s nationally).
    -- (resolution, category) pairs made distinct by a hashed GROUP BY, not count(distinct),
    -- which sorts every row.
    pairs as (
      select o."categoryId" as category_id, r.id
      from r join "ResolutionObstacle" ro on ro."resolutionId" = r.id
      join "Obstacle" o on o.id = ro."obstacleId"
      group by 1, 2
    ),
    per_category as (select category_id, count(*) as n from pairs group by 1)
    select c.code, c."nameFa", c."nameEn", p.n
    from per_category p join "ObstacleCategory" c on c.id = p.category_id
    order by p.n desc, c."sortOrder"`;
  return rows.map((r) => ({ code: r.code, nameFa: r.nameFa, nameEn: r.nameEn, count: Number(r.n) }));
}

/** Obstacles per category and sector of their unit (the filters' county, sector, category apply). */
export async function obstaclesByCategoryAndSector(actor: Actor, filters: DashboardFilters = {}) {
  authorize(actor, "dashboard.view");
  const conditions: Prisma.Sql[] = [];
  if (actor.provinceId !== null) conditions.push(Prisma.sql`o."provinceId" = ${actor.provinceId}`);
  if (filters.county) conditions.push(Prisma.sql`u."countyId" = ${filters.county}`);
  if (filters.sector) conditions.push(Prisma.sql`u.sector::text = ${filters.sector}`);
  if (filters.category)
    conditions.push(
      Prisma.sql`(o."categoryId" = ${filters.category} or o."subCategoryId" = ${filters.category})`,
    );
  const rows = await db.$queryRaw<
    { code: string; nameFa: string; nameEn: string; sector: string; n: bigint }[]
  >`
    with per as (
      select o."categoryId" as category_id, u.sector, count(*) as n
      from "Obstacle" o join "ProductionUnit" u on u.id = o."unitId"
      ${conditions.length ? Prisma.sql`where ${Prisma.join(conditions, " and ")}` : Prisma.empty}
      group by 1, 2
    )
    select c.code, c."nameFa", c."nameEn", per.sector::text as sector, per.n
    from per join "ObstacleCategory" c on c.id = per.category_id
    order by c."sortOrder", per.sector`;
  return rows.map((r) => ({
    code: r.code,
    nameFa: r.nameFa,
    nameEn: r.nameEn,
    sector: r.sector,
    count: Number(r.n),
  }));
}

/**
 * Units returned to production (lib/outcomes/returns-sql.ts: a change from IDLE or
 * SEMI_ACTIVE to ACTIVE on or after the unit's first resolution), per Jalali month; each unit
 * once, at its first return, with the jobs kept and created (employees at registration and
 * now), as the outcome tables beside it count them (decision 243).
 */
export async function unitsReturnedToProduction(
  actor: Actor,
  filters: DashboardFilters = {},
  count = 12,
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const months = jalaliMonths(today, count);
  const bounds = [...months.map((m) => m.start), months.at(-1)?.end ?? today];
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (filters.county) conditions.push(Prisma.sql`u."countyId" = ${filters.county}`);
  if (filters.sector) conditions.push(Prisma.sql`u.sector::text = ${filters.sector}`);
  if (filters.from) conditions.push(Prisma.sql`ret.changed_on >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`ret.changed_on <= ${filters.to}::date`);
  const rows = await db.$queryRaw<{ bucket: number; units: bigint; kept: bigint; created: bigint }[]>`
    select width_bucket(ret.changed_on, ${bounds}::date[]) as bucket, count(*) as units,
      sum(ret.kept) as kept, sum(ret.created) as created
    from (${returnsSql(actor.provinceId !== null ? [actor.provinceId] : null)}) ret join "ProductionUnit" u on u.id = ret.unit_id
    where ${Prisma.join(conditions, " and ")}
    group by 1`;
  const num = (v: bigint | null | undefined) => Number(v ?? 0);
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  const perMonth = months.map((m, i) => {
    const r = byBucket.get(i + 1);
    return { ...m, units: num(r?.units), kept: num(r?.kept), created: num(r?.created) };
  });
  // All-time totals include returns outside the charted window (bucket 0 and count+1).
  const total = rows.reduce(
    (acc, r) => ({
      units: acc.units + num(r.units),
      kept: acc.kept + num(r.kept),
      created: acc.created + num(r.created),
    }),
    { units: 0, kept: 0, created: 0 },
  );
  return { perMonth, total };
}

/**
 * Lists for the filter form: counties and categories are short; agencies run to hundreds at
 * national scope, so only the chosen one is named and the rest are searched as people type
 * (lib/search/choices.ts).
 */
export async function dashboardFilterOptions(actor: Actor, filters: DashboardFilters = {}) {
  authorize(actor, "dashboard.view");
  const scope = provinceWhere(actor);
  const [counties, agency, categories] = await Promise.all([
    db.county.findMany({
      where: scope,
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
    filters.agency
      ? db.agency.findFirst({
          where: { ...scope, id: filters.agency },
          select: { id: true, nameFa: true, nameEn: true },
        })
      : null,
    db.obstacleCategory.findMany({
      where: { parentId: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  return { counties, agency, categories };
}

/** Everything the dashboard and the printed report show, fetched in parallel. */
export async function loadDashboard(
  actor: Actor,
  filters: DashboardFilters,
  sort: ScorecardSort,
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const [figures, overdueRows, scorecard, monthly, overdue, obstacles, impact, options, stalled] =
    await Promise.all([
      resolutionFigures(actor, filters, today),
      overdueResolutions(actor, filters, { take: OVERDUE_ROWS }, today),
      agencyScorecard(actor, filters, sort, today),
      monthlyIssuedVerified(actor, filters, 12, today),
      overdueByCategory(actor, filters, today),
      obstaclesByCategoryAndSector(actor, filters),
      unitsReturnedToProduction(actor, filters, 12, today),
      dashboardFilterOptions(actor, filters),
      // What the working group achieved (issue #36): the province's whole record, unfiltered.
      // Money and returns stream in below, apart (loadOutcomes): they do not hold this up.
      stalledFigure(actor, today),
    ]);
  const shown = scorecard.slice(0, SCORECARD_ROWS);
  // The trend of the agencies the dashboard shows only (SUMMARY_ROWS; the printed report has no
  // trend column), once the scorecard has named them.
  const [trend, rows] = await Promise.all([
    attendanceTrend(
      actor,
      TREND_SESSIONS,
      shown.slice(0, SUMMARY_ROWS).map((r) => r.agencyId),
    ),
    db.resolution.findMany({
      where: { id: { in: overdueRows.map((r) => r.id) } },
      select: RESOLUTION_LIST_SELECT,
    }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const overdueList = overdueRows.flatMap((r) => byId.get(r.id) ?? []);
  return {
    figures,
    overdue: overdueList,
    /** Each listed overdue resolution's delay in working days, when the filters ask for them. */
    workingDaysLate:
      filters.late === "working"
        ? new Map(overdueRows.flatMap((r) => (r.workingDaysLate === null ? [] : [[r.id, r.workingDaysLate]])))
        : undefined,
    // The page shows the first rows in the chosen order (worst first by default); a national
    // scorecard of 620 agencies made a 1.1 MB page. The spreadsheet export has every row.
    scorecard: shown,
    scorecardTotal: scorecard.length,
    monthly,
    overdueByCategory: overdue,
    obstacles,
    impact,
    options,
    stalled,
    trend,
  };
}

/**
 * The money and returns of issue #36: the province's whole record, whatever the dashboard's
 * filters, so the page keeps them under a key of their own and streams them in after the
 * figures the filters change.
 */
export async function loadOutcomes(actor: Actor, today = todayInTehran()) {
  authorize(actor, "dashboard.view");
  const [money, returns] = await Promise.all([
    moneyByBank(actor, 12, today),
    returnsToProduction(actor, 12, today),
  ]);
  return { money, returns };
}
