import "server-only";
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Actor } from "@/lib/auth/policy";
import { keptFigures } from "@/lib/cache";
import { todayInTehran } from "@/lib/i18n/format";
import { workingDaySql } from "@/lib/calendar/sql";

// The dashboard's figures of units' own requests (issue #32): how many wait for intake, and
// how many working days a request takes to reach the committee and its first resolution
// (medians: a few stuck cases must not hide how long an ordinary one takes). Counted in SQL
// over every accepted request of the scope, each province on its own calendar (decision 103's
// working_calendars), and kept like the dashboard's other figures until PostgreSQL says the
// province changed (decision 130: UnitRequest and agenda links notify too; decision 241).

export type IntakeFigures = {
  waiting: number;
  toCommitteeDays: number | null;
  toResolutionDays: number | null;
};

type Loaded = { pooled: IntakeFigures; byProvince: Map<string, IntakeFigures> };

const NONE: IntakeFigures = { waiting: 0, toCommitteeDays: null, toResolutionDays: null };

/** Figures for each province in the actor's reach, keyed by province id. */
export async function intakeFiguresByProvince(actor: Actor): Promise<Map<string, IntakeFigures>> {
  return (await keptIntake(actor)).byProvince;
}

/** The same figures for the actor's whole scope: a province, or the country's requests pooled. */
export async function intakeFigures(actor: Actor): Promise<IntakeFigures> {
  return (await keptIntake(actor)).pooled;
}

function keptIntake(actor: Actor, today = todayInTehran()): Promise<Loaded> {
  return keptFigures(actor, ["intake", today], () => loadIntake(actor, today));
}

type Row = {
  province_id: string | null;
  pooled: number;
  waiting: number;
  to_committee: number | null;
  to_resolution: number | null;
};

/** One statement: per province and pooled (grouping sets), read from the rows as they are. */
export async function loadIntake(actor: Pick<Actor, "provinceId">, today = todayInTehran()): Promise<Loaded> {
  const scope =
    actor.provinceId === null ? Prisma.empty : Prisma.sql`and r."provinceId" = ${actor.provinceId}`;
  const tehranDay = (column: Prisma.Sql) => Prisma.sql`(${column} at time zone 'Asia/Tehran')::date`;
  // The calendars run from the earliest accepted request's day to today (one look-up).
  const [first] = await db.$queryRaw<{ day: string | null }[]>`
    select to_char(min(${tehranDay(Prisma.sql`r."submittedAt"`)}), 'YYYY-MM-DD') as day
    from "UnitRequest" r where r.status = 'ACCEPTED' and r."submittedAt" is not null ${scope}`;
  const from = first?.day && first.day < today ? first.day : today;
  const wd = workingDaySql(actor.provinceId, from, today);
  // Working days after the request's day up to the event's day; an event on or before it is 0.
  const days = (event: Prisma.Sql) =>
    Prisma.sql`case when ${event} is null then null when ${event} <= f.from_day then 0 else ${wd.between(Prisma.sql`f.from_day`, event)} end`;
  const rows = await db.$queryRaw<Row[]>`
    with ${wd.cte},
    accepted as (
      select r.id, r."provinceId", ${tehranDay(Prisma.sql`r."submittedAt"`)} as from_day
      from "UnitRequest" r
      where r.status = 'ACCEPTED' and r."submittedAt" is not null ${scope}
    ),
    firsts as (
      select a."provinceId", a.from_day,
        -- The first committee session any of its obstacles is on, once held (up to today).
        (select min(${tehranDay(Prisma.sql`m."startsAt"`)})
           from "UnitRequestObstacle" ro
           join "AgendaItemObstacle" aio on aio."obstacleId" = ro."obstacleId"
           join "AgendaItem" ai on ai.id = aio."agendaItemId"
           join "Meeting" m on m.id = ai."meetingId"
           join "Body" b on b.id = m."bodyId"
          where ro."requestId" = a.id and b.kind = 'COMMITTEE') as committee_day,
        (select min(${tehranDay(Prisma.sql`x."createdAt"`)})
           from "UnitRequestObstacle" ro
           join "ResolutionObstacle" rx on rx."obstacleId" = ro."obstacleId"
           join "Resolution" x on x.id = rx."resolutionId"
          where ro."requestId" = a.id) as resolution_day
      from accepted a
    ),
    durations as (
      select f."provinceId",
        ${days(Prisma.sql`(case when f.committee_day <= ${today}::date then f.committee_day end)`)} as to_committee,
        ${days(Prisma.sql`f.resolution_day`)} as to_resolution,
        0 as waiting
      from firsts f
      ${wd.joins(Prisma.sql`f."provinceId"`)}
      union all
      select r."provinceId", null, null, 1 from "UnitRequest" r where r.status = 'SUBMITTED' ${scope}
    )
    select "provinceId" as province_id, grouping("provinceId")::int as pooled,
      coalesce(sum(waiting), 0)::int as waiting,
      percentile_cont(0.5) within group (order by to_committee)::float8 as to_committee,
      percentile_cont(0.5) within group (order by to_resolution)::float8 as to_resolution
    from durations
    group by grouping sets (("provinceId"), ())`;
  const figures = (r: Row): IntakeFigures => ({
    waiting: r.waiting,
    toCommitteeDays: r.to_committee,
    toResolutionDays: r.to_resolution,
  });
  const pooled = rows.find((r) => r.pooled === 1);
  return {
    pooled: pooled ? figures(pooled) : NONE,
    byProvince: new Map(rows.filter((r) => r.pooled === 0).map((r) => [r.province_id ?? "", figures(r)])),
  };
}

/** The national comparison: one row per province, with the figures above. */
export async function intakeComparison(actor: Actor) {
  const [byProvince, provinces] = await Promise.all([
    intakeFiguresByProvince(actor),
    db.province.findMany({
      where: actor.provinceId ? { id: actor.provinceId } : {},
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  return provinces.map((p) => ({ ...p, ...(byProvince.get(p.id) ?? NONE) }));
}
