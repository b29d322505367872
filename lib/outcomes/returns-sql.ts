import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "Returned to production" (issue #36): a status change `h` from IDLE or SEMI_ACTIVE to ACTIVE
 * on or after the day of the unit's first resolution (cancelled ones aside). A unit running
 * again before the working group decided anything is not the working group's return. The one
 * definition the dashboard, the public figures, the national comparison and the weekly report
 * share.
 */
export const RETURN_CONDITION = Prisma.sql`h."fromStatus" in ('IDLE', 'SEMI_ACTIVE') and h."toStatus" = 'ACTIVE'
  and h."changedOn" >= (select min((r."createdAt" at time zone 'Asia/Tehran')::date) from "Resolution" r
                        where r."unitId" = h."unitId" and r.status <> 'CANCELLED')`;
