import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { addDays, jalaliParts, jalaliToGregorian, todayInTehran } from "@/lib/i18n/format";
import type { DashboardFilters } from "./filters";
import { RESOLUTION_LIST_SELECT } from "@/lib/resolutions/queries";
import { OPEN_STATUSES } from "@/lib/resolutions/status";

// Every figure here is one aggregate SQL query over the filtered resolutions, so the
// dashboard costs the same number of round trips at 50 units or 50,000 (DESIGN.md §6).
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
function resolutionConditions(actor: Actor, f: DashboardFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
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

const filteredResolutions = (actor: Actor, f: DashboardFilters) => Prisma.sql`
  select r.* from "Resolution" r
  join "Meeting" m on m.id = r."meetingId"
  join "Body" b on b.id = m."bodyId"
  join "ProductionUnit" u on u.id = r."unitId"
  ${resolutionConditions(actor, f)}`;

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

/** Overdue resolutions, most days late first; ids from SQL, rows hydrated in one query. */
export async function overdueResolutionIds(
  actor: Actor,
  filters: DashboardFilters = {},
  { take = 50 } = {},
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const rows = await db.$queryRaw<{ id: string }[]>`
    with r as (${filteredResolutions(actor, filters)})
    select id from r where status in ${OPEN} and deadline < ${today}::date
    order by deadline asc, id asc limit ${take}`;
  return rows.map((r) => r.id);
}

export type ScorecardRow = {
  agencyId: string;
  nameFa: string;
  nameEn: string;
  issued: number;
  /** Reported done on or before the (possibly extended) deadline, of those due by now. */
  onTimePct: number | null;
  overdueNow: number;
  avgDaysLate: number | null;
  extensionRequests: number;
  /** Held sessions (in the filter) that expected the agency: as a member or an invitee. */
  sessionsExpected: number;
  attendedHead: number;
  attendedRepresentative: number;
  absent: number;
};

export const SCORECARD_SORTS = ["onTime", "overdue", "daysLate", "issued", "absent", "name"] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

/**
 * Per agency: resolutions issued, on-time rate, overdue now, average days late, extension
 * requests, and attendance at the filtered sessions. Worst performers first by default.
 * Cancelled resolutions count nowhere. A resolution is "due" once its deadline has passed or
 * it has been reported done; it was on time if reported done by its deadline.
 */
export async function agencyScorecard(
  actor: Actor,
  filters: DashboardFilters = {},
  sort: ScorecardSort = "onTime",
  today = todayInTehran(),
): Promise<ScorecardRow[]> {
  authorize(actor, "dashboard.view");
  const doneOn = tehranDate(Prisma.sql`"doneReportedAt"`);
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
    with r as (select * from (${filteredResolutions(actor, filters)}) f where status <> 'CANCELLED'),
    per_resolution as (
      select "responsibleAgencyId" as agency_id, id,
        status in ${DONE} and ${doneOn} <= deadline as on_time,
        status in ${DONE} or deadline < ${today}::date as due,
        status in ${OPEN} and deadline < ${today}::date as overdue,
        case when status in ${DONE} then greatest(${doneOn} - deadline, 0)
             when deadline < ${today}::date then ${today}::date - deadline end as days_late
      from r
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
    expected as (
      select h.id as meeting_id, bm."agencyId" as agency_id from held h join "BodyMember" bm on bm."bodyId" = h."bodyId"
      union
      select h.id, mi."agencyId" from held h join "MeetingInvitee" mi on mi."meetingId" = h.id
      union
      select h.id, at."agencyId" from held h join "Attendance" at on at."meetingId" = h.id
    ),
    attendance as (
      select e.agency_id, count(*) as expected,
        count(*) filter (where at.mode = 'HEAD') as head,
        count(*) filter (where at.mode = 'REPRESENTATIVE') as representative,
        count(*) filter (where at.mode = 'ABSENT') as absent
      from expected e left join "Attendance" at on at."meetingId" = e.meeting_id and at."agencyId" = e.agency_id
      group by 1
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
  const rows = await db.$queryRaw<{ bucket: number; issued: bigint; verified: bigint }[]>`
    with r as (${filteredResolutions(actor, filters)}),
    issued as (select width_bucket(${tehranDate(Prisma.sql`"createdAt"`)}, ${thresholds}) as bucket, count(*) as n from r group by 1),
    verified as (select width_bucket(${tehranDate(Prisma.sql`"verifiedAt"`)}, ${thresholds}) as bucket, count(*) as n from r where status = 'VERIFIED' group by 1)
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
    with r as (${filteredResolutions(actor, filters)})
    select c.code, c."nameFa", c."nameEn", count(distinct r.id) as n
    from r join "ResolutionObstacle" ro on ro."resolutionId" = r.id
    join "Obstacle" o on o.id = ro."obstacleId" join "ObstacleCategory" c on c.id = o."categoryId"
    where r.status in ${OPEN} and r.deadline < ${today}::date
    group by c.code, c."nameFa", c."nameEn", c."sortOrder" order by n desc, c."sortOrder"`;
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
    select c.code, c."nameFa", c."nameEn", u.sector::text as sector, count(*) as n
    from "Obstacle" o join "ProductionUnit" u on u.id = o."unitId" join "ObstacleCategory" c on c.id = o."categoryId"
    ${conditions.length ? Prisma.sql`where ${Prisma.join(conditions, " and ")}` : Prisma.empty}
    group by c.code, c."nameFa", c."nameEn", c."sortOrder", u.sector order by c."sortOrder", u.sector`;
  return rows.map((r) => ({
    code: r.code,
    nameFa: r.nameFa,
    nameEn: r.nameEn,
    sector: r.sector,
    count: Number(r.n),
  }));
}

/**
 * Units returned to production: a status change from IDLE or SEMI_ACTIVE to ACTIVE, per
 * Jalali month; each unit counts once per month, with its current number of employees.
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
  const conditions: Prisma.Sql[] = [
    Prisma.sql`h."fromStatus" in ('IDLE', 'SEMI_ACTIVE')`,
    Prisma.sql`h."toStatus" = 'ACTIVE'`,
  ];
  if (actor.provinceId !== null) conditions.push(Prisma.sql`u."provinceId" = ${actor.provinceId}`);
  if (filters.county) conditions.push(Prisma.sql`u."countyId" = ${filters.county}`);
  if (filters.sector) conditions.push(Prisma.sql`u.sector::text = ${filters.sector}`);
  if (filters.from) conditions.push(Prisma.sql`h."changedOn" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`h."changedOn" <= ${filters.to}::date`);
  const rows = await db.$queryRaw<{ bucket: number; units: bigint; employees: bigint }[]>`
    with returned as (
      select distinct width_bucket(h."changedOn", ${bounds}::date[]) as bucket, u.id, coalesce(u.employees, 0) as employees
      from "UnitStatusChange" h join "ProductionUnit" u on u.id = h."unitId"
      where ${Prisma.join(conditions, " and ")}
    )
    select bucket, count(*) as units, sum(employees) as employees from returned group by bucket`;
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  const perMonth = months.map((m, i) => ({
    ...m,
    units: Number(byBucket.get(i + 1)?.units ?? 0),
    employees: Number(byBucket.get(i + 1)?.employees ?? 0),
  }));
  // All-time totals include changes outside the charted window (bucket 0 and count+1).
  const total = rows.reduce(
    (acc, r) => ({ units: acc.units + Number(r.units), employees: acc.employees + Number(r.employees) }),
    { units: 0, employees: 0 },
  );
  return { perMonth, total };
}

/** Lists for the filter form. */
export async function dashboardFilterOptions(actor: Actor) {
  authorize(actor, "dashboard.view");
  const scope = provinceWhere(actor);
  const [counties, agencies, categories] = await Promise.all([
    db.county.findMany({
      where: scope,
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
    db.agency.findMany({
      where: scope,
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
    db.obstacleCategory.findMany({
      where: { parentId: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  return { counties, agencies, categories };
}

/** Everything the dashboard and the printed report show, fetched in parallel. */
export async function loadDashboard(
  actor: Actor,
  filters: DashboardFilters,
  sort: ScorecardSort,
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const [figures, overdueIds, scorecard, monthly, overdue, obstacles, impact, options] = await Promise.all([
    resolutionFigures(actor, filters, today),
    overdueResolutionIds(actor, filters, { take: 50 }, today),
    agencyScorecard(actor, filters, sort, today),
    monthlyIssuedVerified(actor, filters, 12, today),
    overdueByCategory(actor, filters, today),
    obstaclesByCategoryAndSector(actor, filters),
    unitsReturnedToProduction(actor, filters, 12, today),
    dashboardFilterOptions(actor),
  ]);
  const rows = await db.resolution.findMany({
    where: { id: { in: overdueIds } },
    select: RESOLUTION_LIST_SELECT,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const overdueList = overdueIds.flatMap((id) => byId.get(id) ?? []);
  return {
    figures,
    overdue: overdueList,
    scorecard,
    monthly,
    overdueByCategory: overdue,
    obstacles,
    impact,
    options,
  };
}
