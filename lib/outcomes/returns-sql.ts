import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "Returned to production" (issue #36): a status change `h` from IDLE or SEMI_ACTIVE to ACTIVE
 * on or after the day of the unit's first resolution (cancelled ones aside). A unit running
 * again before the working group decided anything is not the working group's return. The one
 * definition the dashboard, the public figures, the national comparison and the weekly report
 * share (RETURNS_SQL below applies it per unit).
 *
 * The first resolution's day is the Tehran day of the unit's earliest resolution: the same as
 * the earliest of their Tehran days (a later instant is never on an earlier Tehran day), and
 * read in one probe of the partial index "Resolution_uncancelled_unitId_createdAt_idx" instead of
 * every resolution of the unit (issue #34: 35,000 changes probed 1.4 s at ten-year size).
 */
export const RETURN_CONDITION = Prisma.sql`h."fromStatus" in ('IDLE', 'SEMI_ACTIVE') and h."toStatus" = 'ACTIVE'
  and h."changedOn" >= (select (min(r."createdAt") at time zone 'Asia/Tehran')::date from "Resolution" r
                        where r."unitId" = h."unitId" and r.status <> 'CANCELLED')`;

/** The columns of one return: jobs kept (the smaller of employees at registration and now) and created. */
const RETURN_COLUMNS = Prisma.sql`u."provinceId" as province_id,
    coalesce(least(u."employeesAtRegistration", u.employees), u.employees, 0) as kept,
    greatest(coalesce(u.employees, 0) - coalesce(u."employeesAtRegistration", u.employees, 0), 0) as created`;

/**
 * Each unit's return to production (RETURN_CONDITION): its first such change; a unit that
 * returns twice counts once. Columns: unit_id, province_id, changed_on, kept, created — jobs
 * kept (the smaller of employees at registration and now) and created (now minus then, when more).
 * `provinceIds` (null: every province) keeps only those provinces' units, before the first
 * change of each is picked: a province's page reads its own units, not the country's.
 */
export function returnsSql(provinceIds: readonly string[] | null = null): Prisma.Sql {
  return Prisma.sql`
  select distinct on (h."unitId") h."unitId" as unit_id, h."changedOn" as changed_on, ${RETURN_COLUMNS}
  from "UnitStatusChange" h join "ProductionUnit" u on u.id = h."unitId"
  where ${RETURN_CONDITION}
    ${provinceIds !== null ? Prisma.sql`and u."provinceId" = any(${[...provinceIds]}::text[])` : Prisma.empty}
  order by h."unitId", h."changedOn", h."createdAt"`;
}

/** Every province's returns (returnsSql(null)). */
export const RETURNS_SQL = returnsSql(null);

/**
 * The returns of RETURNS_SQL whose day falls between `from` and `to` (Tehran days, inclusive),
 * same columns: a unit's first return is in the window when it has a return in the window and
 * none before it. Reads the window's changes by "UnitStatusChange_toStatus_changedOn_idx", not
 * every unit's history: the weekly report's week (issue #34).
 */
export function returnsBetween(from: string, to: string): Prisma.Sql {
  return Prisma.sql`
  select c.unit_id, c.changed_on, ${RETURN_COLUMNS}
  from (
    select h."unitId" as unit_id, min(h."changedOn") as changed_on
    from "UnitStatusChange" h
    where ${RETURN_CONDITION} and h."changedOn" between ${from}::date and ${to}::date
    group by 1
  ) c join "ProductionUnit" u on u.id = c.unit_id
  where not exists (
    select 1 from "UnitStatusChange" h
    where h."unitId" = c.unit_id and h."changedOn" < ${from}::date and ${RETURN_CONDITION}
  )`;
}
