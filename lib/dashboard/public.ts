import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { returnsSql } from "@/lib/outcomes/returns-sql";

/**
 * Aggregate figures for the public page: counts only, never a name. One query.
 * "Carried out" means verified by the secretariat: an agency's own report of completion is
 * shown apart ("reported, awaiting verification"), or the page would overstate results.
 * Cancelled resolutions count nowhere.
 */
export async function publicFigures({
  provinceIds,
  now = new Date(),
}: { provinceIds?: string[]; now?: Date } = {}) {
  // The whole deployment, or only the provinces whose admins published their figures.
  const inProvince = (column: string) =>
    provinceIds ? Prisma.sql`and ${Prisma.raw(column)} = any(${provinceIds})` : Prisma.empty;
  const [row] = await db.$queryRaw<
    {
      sessions: bigint;
      units: bigint;
      resolutions: bigint;
      completed: bigint;
      reported: bigint;
      returned: bigint;
      kept: bigint | null;
      created: bigint | null;
    }[]
  >`
    select
      (select count(*) from "Meeting" m where m.status <> 'PLANNED' and m."startsAt" < ${now} ${inProvince('m."provinceId"')}) as sessions,
      (select count(distinct a."unitId") from "AgendaItem" a join "Meeting" m on m.id = a."meetingId" where m.status <> 'PLANNED' and m."startsAt" < ${now} ${inProvince('m."provinceId"')}) as units,
      (select count(*) from "Resolution" r where r.status <> 'CANCELLED' ${inProvince('r."provinceId"')}) as resolutions,
      (select count(*) from "Resolution" r where r.status = 'VERIFIED' ${inProvince('r."provinceId"')}) as completed,
      (select count(*) from "Resolution" r where r.status = 'DONE_REPORTED' ${inProvince('r."provinceId"')}) as reported,
      returned.units as returned, returned.kept, returned.created
    from (select count(*) as units, sum(ret.kept) as kept, sum(ret.created) as created
          from (${returnsSql(provinceIds ?? null)}) ret) returned`;
  const resolutions = Number(row?.resolutions ?? 0);
  const completed = Number(row?.completed ?? 0);
  return {
    sessions: Number(row?.sessions ?? 0),
    unitsReviewed: Number(row?.units ?? 0),
    resolutions,
    completed,
    reportedDone: Number(row?.reported ?? 0),
    completionPct: resolutions ? Math.round((100 * completed) / resolutions) : 0,
    unitsReturned: Number(row?.returned ?? 0),
    jobsKept: Number(row?.kept ?? 0),
    jobsCreated: Number(row?.created ?? 0),
  };
}
