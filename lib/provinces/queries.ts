import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/policy";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import type { ComparisonFilters, ProvinceSort } from "./schema";
import { earliestLateDeadline, workingDaySql } from "@/lib/calendar/sql";
import { RETURNS_SQL } from "@/lib/outcomes/returns-sql";

// The national headquarters' comparison: one row per province, all figures from one SQL
// statement of grouped aggregates, so 31 provinces cost one round trip at any data size
// (decision 070). The definitions are the dashboard's (lib/dashboard/queries.ts), so a
// province's row and its drilled-down dashboard agree: open and overdue among the
// resolutions of the period's sessions, on time = reported done by the deadline among those
// due, days late as in the agency scorecard. Cancelled resolutions count nowhere.

export type ProvinceRow = {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
  open: number;
  overdue: number;
  onTime: number;
  due: number;
  onTimePct: number | null;
  medianDaysLate: number | null;
  unitsReturned: number;
  /** Jobs in the returned units: kept (then and now) and created since registration (issue #36). */
  jobsKept: number;
  jobsCreated: number;
  sessionsHeld: number;
  headsAttended: number;
  attendances: number;
  headsPct: number | null;
};

const sqlList = (values: readonly string[]) => Prisma.raw(`(${values.map((v) => `'${v}'`).join(", ")})`);
const OPEN = sqlList(OPEN_STATUSES);
const DONE = Prisma.sql`('DONE_REPORTED', 'VERIFIED')`;
const tehranMidnight = (iso: string) => Prisma.sql`(${iso}::date::timestamp at time zone 'Asia/Tehran')`;

const ORDER: Record<ProvinceSort, string> = {
  name: `"nameFa"`,
  open: "open",
  overdue: "overdue",
  onTime: "on_time_pct",
  medianDaysLate: "median_days_late",
  unitsReturned: "units_returned",
  jobsKept: "jobs_kept",
  jobsCreated: "jobs_created",
  sessionsHeld: "sessions_held",
  headsPct: "heads_pct",
};

export async function compareProvinces(
  actor: Actor,
  f: Partial<Pick<ComparisonFilters, "from" | "to" | "late">> & Pick<ComparisonFilters, "sort" | "dir">,
  today = todayInTehran(),
): Promise<ProvinceRow[]> {
  authorize(actor, "province.compare");
  const meetingPeriod: Prisma.Sql[] = [];
  if (f.from) meetingPeriod.push(Prisma.sql`m."startsAt" >= ${tehranMidnight(f.from)}`);
  if (f.to) meetingPeriod.push(Prisma.sql`m."startsAt" < ${tehranMidnight(addDays(f.to, 1))}`);
  // Without a period the resolutions need no join to their sessions (200,000 rows nationally).
  const and = (conditions: Prisma.Sql[]) =>
    conditions.length ? Prisma.sql`and ${Prisma.join(conditions, " and ")}` : Prisma.empty;
  const changePeriod: Prisma.Sql[] = [];
  if (f.from) changePeriod.push(Prisma.sql`changed_on >= ${f.from}::date`);
  if (f.to) changePeriod.push(Prisma.sql`changed_on <= ${f.to}::date`);
  // Sort keys are our own constants (never user text), so they are inlined.
  const order = Prisma.raw(`${ORDER[f.sort]} ${f.dir === "asc" ? "asc" : "desc"} nulls last, "nameFa" asc`);
  const doneOn = Prisma.sql`(r."doneReportedAt" at time zone 'Asia/Tehran')::date`;
  // In working days on request, each province with its own calendar (lib/calendar/sql.ts).
  const working =
    f.late === "working" ? workingDaySql(null, await earliestLateDeadline(null, today), today) : null;
  const daysLate = working
    ? Prisma.sql`case when r.status in ${DONE} then case when ${doneOn} > r.deadline
               then ${working.between(Prisma.sql`r.deadline`, Prisma.sql`least(${doneOn}, ${today}::date)`)} else 0 end
             when r.status in ${OPEN} and r.deadline < ${today}::date then ${working.between(Prisma.sql`r.deadline`, Prisma.sql`${today}::date`)} end`
    : Prisma.sql`case when r.status in ${DONE} then ${doneOn} - r.deadline
             when r.status in ${OPEN} and r.deadline < ${today}::date then ${today}::date - r.deadline end`;
  const rows = await db.$queryRaw<
    {
      id: string;
      code: string;
      nameFa: string;
      nameEn: string;
      open: bigint;
      overdue: bigint;
      on_time: bigint;
      due: bigint;
      on_time_pct: number | null;
      median_days_late: number | null;
      units_returned: bigint;
      jobs_kept: bigint;
      jobs_created: bigint;
      sessions_held: bigint;
      heads: bigint;
      attendances: bigint;
      heads_pct: number | null;
    }[]
  >`
    with ${working ? Prisma.sql`${working.cte},` : Prisma.empty} r as (
      select r."provinceId" as pid, r.status, r.deadline,
        ${daysLate} as days_late,
        r.status in ${DONE} and ${doneOn} <= r.deadline as on_time
      from "Resolution" r
      ${meetingPeriod.length ? Prisma.sql`join "Meeting" m on m.id = r."meetingId"` : Prisma.empty}
      ${working ? working.joins(Prisma.sql`r."provinceId"`) : Prisma.empty}
      where r.status <> 'CANCELLED' ${and(meetingPeriod)}
    ),
    resolutions as (
      select pid,
        count(*) filter (where status in ${OPEN}) as open,
        count(*) filter (where status in ${OPEN} and deadline < ${today}::date) as overdue,
        count(*) filter (where on_time) as on_time,
        count(*) filter (where status in ${DONE} or deadline < ${today}::date) as due,
        percentile_cont(0.5) within group (order by days_late) filter (where days_late > 0) as median_days_late
      from r group by pid
    ),
    sessions as (
      select m."provinceId" as pid, count(*) as held
      from "Meeting" m where m.status <> 'PLANNED' ${and(meetingPeriod)} group by 1
    ),
    attendance as (
      select m."provinceId" as pid, count(*) filter (where a.mode = 'HEAD') as heads, count(*) as total
      from "Attendance" a join "Meeting" m on m.id = a."meetingId"
      where m.status <> 'PLANNED' ${and(meetingPeriod)} group by 1
    ),
    -- The dashboard's returns (lib/outcomes/returns-sql.ts): each unit once, at its first
    -- return after its first resolution, with the jobs it kept and created.
    returned as (
      select province_id as pid, count(*) as n, sum(kept) as kept, sum(created) as created
      from (${RETURNS_SQL}) x
      where true ${and(changePeriod)}
      group by 1
    )
    select p.id, p.code, p."nameFa", p."nameEn",
      coalesce(x.open, 0) as open, coalesce(x.overdue, 0) as overdue,
      coalesce(x.on_time, 0) as on_time, coalesce(x.due, 0) as due,
      round(100.0 * x.on_time / nullif(x.due, 0))::float8 as on_time_pct,
      round(x.median_days_late::numeric, 1)::float8 as median_days_late,
      coalesce(ret.n, 0) as units_returned, coalesce(ret.kept, 0) as jobs_kept,
      coalesce(ret.created, 0) as jobs_created, coalesce(s.held, 0) as sessions_held,
      coalesce(a.heads, 0) as heads, coalesce(a.total, 0) as attendances,
      round(100.0 * a.heads / nullif(a.total, 0))::float8 as heads_pct
    from "Province" p
    left join resolutions x on x.pid = p.id
    left join sessions s on s.pid = p.id
    left join attendance a on a.pid = p.id
    left join returned ret on ret.pid = p.id
    order by ${order}`;
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameFa: r.nameFa,
    nameEn: r.nameEn,
    open: Number(r.open),
    overdue: Number(r.overdue),
    onTime: Number(r.on_time),
    due: Number(r.due),
    onTimePct: r.on_time_pct,
    medianDaysLate: r.median_days_late,
    unitsReturned: Number(r.units_returned),
    jobsKept: Number(r.jobs_kept),
    jobsCreated: Number(r.jobs_created),
    sessionsHeld: Number(r.sessions_held),
    headsAttended: Number(r.heads),
    attendances: Number(r.attendances),
    headsPct: r.heads_pct,
  }));
}

/** Country-wide totals of the comparison; rates from the summed counts, not averaged rates. */
export function nationalTotals(rows: ProvinceRow[]) {
  const sum = (
    k:
      | "open"
      | "overdue"
      | "onTime"
      | "due"
      | "unitsReturned"
      | "jobsKept"
      | "jobsCreated"
      | "sessionsHeld"
      | "headsAttended"
      | "attendances",
  ) => rows.reduce((acc, r) => acc + r[k], 0);
  const pct = (a: number, b: number) => (b === 0 ? null : Math.round((100 * a) / b));
  return {
    open: sum("open"),
    overdue: sum("overdue"),
    onTimePct: pct(sum("onTime"), sum("due")),
    unitsReturned: sum("unitsReturned"),
    jobsKept: sum("jobsKept"),
    jobsCreated: sum("jobsCreated"),
    sessionsHeld: sum("sessionsHeld"),
    headsPct: pct(sum("headsAttended"), sum("attendances")),
  };
}

/** A province a national viewer may drill into (every province), or null. */
export async function getProvinceForDrillDown(actor: Actor, id: string) {
  authorize(actor, "province.compare");
  return db.province.findUnique({
    where: { id },
    select: { id: true, code: true, nameFa: true, nameEn: true },
  });
}

/** The admin's list of provinces with how much each holds. */
export async function listProvinces(actor: Actor) {
  authorize(actor, "province.manage");
  return db.province.findMany({
    orderBy: [{ nameFa: "asc" }],
    select: {
      id: true,
      code: true,
      nameFa: true,
      nameEn: true,
      createdAt: true,
      _count: { select: { units: true, users: true, counties: true } },
    },
  });
}

/**
 * A province's names for a document's letterhead (reference data; the page that prints has
 * already checked what its reader may see). Null for the national office.
 */
export async function provinceNames(provinceId: string | null) {
  if (provinceId === null) return null;
  return db.province.findUnique({ where: { id: provinceId }, select: { nameFa: true, nameEn: true } });
}
