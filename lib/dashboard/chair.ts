import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { lastWorkingGroupMeeting } from "@/lib/meetings/queries";
import { RESOLUTION_LIST_SELECT } from "@/lib/resolutions/queries";
import { agencyScorecard } from "./queries";

/** The chair's home: the next session and its agenda, the last session's resolutions, the scorecard. */
export async function chairHome(actor: Actor) {
  authorize(actor, "case.read");
  // The chair chairs the working group: its next session, not the weekly committee's.
  const [upcoming, last, scorecard] = await Promise.all([
    db.meeting.findFirst({
      where: {
        ...provinceWhere(actor),
        status: "PLANNED",
        startsAt: { gte: new Date() },
        body: { kind: "WORKING_GROUP" },
      },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        number: true,
        jalaliYear: true,
        startsAt: true,
        place: true,
        body: { select: { kind: true } },
      },
    }),
    lastWorkingGroupMeeting(actor),
    agencyScorecard(actor, {}, "onTime"),
  ]);
  const [agenda, lastResolutions] = await Promise.all([
    upcoming
      ? db.agendaItem.findMany({
          where: { meetingId: upcoming.id },
          orderBy: { position: "asc" },
          select: {
            id: true,
            position: true,
            unit: {
              select: {
                id: true,
                name: true,
                sector: true,
                county: { select: { nameFa: true, nameEn: true } },
              },
            },
            obstacles: {
              select: {
                obstacle: {
                  select: {
                    id: true,
                    description: true,
                    amountRials: true,
                    category: { select: { nameFa: true, nameEn: true } },
                  },
                },
              },
            },
          },
        })
      : [],
    last
      ? db.resolution.findMany({
          where: { meetingId: last.id, ...provinceWhere(actor) },
          orderBy: [{ sequence: "asc" }, { deadline: "asc" }],
          take: 100,
          select: RESOLUTION_LIST_SELECT,
        })
      : [],
  ]);
  return { upcoming, agenda, last, lastResolutions, scorecard };
}
