import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";

const MEETING_SELECT = {
  id: true,
  number: true,
  jalaliYear: true,
  startsAt: true,
  place: true,
  status: true,
  body: { select: { kind: true } },
  _count: { select: { agendaItems: true, resolutions: true } },
} as const;

export async function nextMeeting(actor: Actor, now = new Date()) {
  authorize(actor, "case.read");
  return db.meeting.findFirst({
    where: { ...provinceWhere(actor), status: "PLANNED", startsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
    select: MEETING_SELECT,
  });
}

/** The latest working-group session that has been held, with its resolutions by status. */
export async function lastWorkingGroupMeeting(actor: Actor, now = new Date()) {
  authorize(actor, "case.read");
  const meeting = await db.meeting.findFirst({
    where: { ...provinceWhere(actor), body: { kind: "WORKING_GROUP" }, startsAt: { lt: now } },
    orderBy: { startsAt: "desc" },
    select: MEETING_SELECT,
  });
  if (!meeting) return null;
  const byStatus = await db.resolution.groupBy({ by: ["status"], where: { meetingId: meeting.id }, _count: true });
  return { ...meeting, byStatus: byStatus.map((g) => ({ status: g.status, count: g._count })) };
}
