import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "Returned to production" (issue #36): a status change `h` from IDLE or SEMI_ACTIVE to ACTIVE
 * on or after the day of the unit's first resolution (cancelled ones aside). A unit running
 * again before the working group decided anything is not the working group's return. The one
 * definition the dashboard, the public figures, the national comparison and the weekly report
 * share (RETURNS_SQL below applies it per unit).
 */
export const RETURN_CONDITION = Prisma.sql`h."fromStatus" in ('IDLE', 'SEMI_ACTIVE') and h."toStatus" = 'ACTIVE'
  and h."changedOn" >= (select min((r."createdAt" at time zone 'Asia/Tehran')::date) from "Resolution" r
                        where r."unitId" = h."unitId" and r.status <> 'CANCELLED')`;

/**
 * Each unit's return to production (RETURN_CONDITION): its first such change; a unit that
 * returns twice counts once. Columns: unit_id, province_id, changed_on, kept, created — jobs
 * kept (the smaller of employees at registration and now) and created (now minus then, when more).
 */
export const RETURNS_SQL = Prisma.sql`
  select distinct on (h."unitId") h."unitId" as unit_id, u."provinceId" as province_id, h."changedOn" as changed_on,
    coalesce(least(u."employeesAtRegistration", u.employees), u.employees, 0) as kept,
    greatest(coalesce(u.employees, 0) - coalesce(u."employeesAtRegistration", u.employees, 0), 0) as created
  from "UnitStatusChange" h join "ProductionUnit" u on u.id = h."unitId"
  where ${RETURN_CONDITION}
  order by h."unitId", h."changedOn", h."createdAt"`;
