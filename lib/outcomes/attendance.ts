import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/policy";

// Who came to the table (issue #36): per agency, how it attended the last sessions that
// expected it — as a body member, an invitee, or with a recorded row — newest first. The chair
// insists that heads attend: an agency whose head missed at least 2 of its last 4 sessions
// is named on the chair's page, with a letter to that head.

export type Mode = "HEAD" | "REPRESENTATIVE" | "ABSENT" | "NONE";
export type SessionAttendance = { meetingId: string; startsAt: Date; mode: Mode };

/**
 * The last `sessions` held sessions of each agency in reach that expected it; of the agencies
 * `agencyIds` names when given.
 */
async function lastSessions(actor: Actor, sessions: number, agencyIds?: readonly string[]) {
  const rows = await db.$queryRaw<{ agency_id: string; meeting_id: string; starts_at: Date; mode: Mode }[]>`
    with held as (
      select m.id, m."startsAt", m."bodyId" from "Meeting" m
      where m.status <> 'PLANNED'
        ${actor.provinceId !== null ? Prisma.sql`and m."provinceId" = ${actor.provinceId}` : Prisma.empty}
    ),
    expected as (
      select h.id as meeting_id, h."startsAt" as starts_at, bm."agencyId" as agency_id
        from held h join "BodyMember" bm on bm."bodyId" = h."bodyId"
      union select h.id, h."startsAt", mi."agencyId" from held h join "MeetingInvitee" mi on mi."meetingId" = h.id
      union select h.id, h."startsAt", at."agencyId" from held h join "Attendance" at on at."meetingId" = h.id
    ),
    ranked as (
      select e.*, row_number() over (partition by e.agency_id order by e.starts_at desc, e.meeting_id) as rn
      from expected e ${agencyIds ? Prisma.sql`where e.agency_id = any(${[...agencyIds]}::text[])` : Prisma.empty}
    )
    select r.agency_id, r.meeting_id, r.starts_at, coalesce(at.mode::text, 'NONE') as mode
    from ranked r left join "Attendance" at on at."meetingId" = r.meeting_id and at."agencyId" = r.agency_id
    where r.rn <= ${sessions}
    order by r.agency_id, r.starts_at desc, r.meeting_id`;
  const byAgency = new Map<string, SessionAttendance[]>();
  for (const r of rows) {
    const list = byAgency.get(r.agency_id) ?? [];
    list.push({ meetingId: r.meeting_id, startsAt: r.starts_at, mode: r.mode });
    byAgency.set(r.agency_id, list);
  }
  return byAgency;
}

/**
 * The scorecard's trend: each agency's last `sessions` attendances, newest first; only the
 * agencies `agencyIds` names when given (the scorecard's rows shown: every agency's ranked
 * sessions took 10 s nationally at ten-year size, issue #34).
 */
export async function attendanceTrend(actor: Actor, sessions = 6, agencyIds?: readonly string[]) {
  authorize(actor, "dashboard.view");
  if (agencyIds?.length === 0) return new Map<string, SessionAttendance[]>();
  return lastSessions(actor, sessions, agencyIds);
}

/** A head's absence: anyone else in the chair, or nobody. */
export const headMissed = (mode: Mode) => mode !== "HEAD";

export const HEADS_WINDOW = 4;
export const HEADS_MISSED = 2;

/** Agencies whose head missed at least 2 of their last 4 sessions, most missed first. */
export async function headsMissing(actor: Actor) {
  authorize(actor, "chairDesk.view");
  const byAgency = await lastSessions(actor, HEADS_WINDOW);
  const flagged = [...byAgency.entries()]
    .map(([agencyId, list]) => ({
      agencyId,
      sessions: list,
      missed: list.filter((s) => headMissed(s.mode)).length,
    }))
    .filter((a) => a.missed >= HEADS_MISSED);
  const agencies = await db.agency.findMany({
    where: { id: { in: flagged.map((a) => a.agencyId) } },
    select: { id: true, nameFa: true, nameEn: true, headName: true },
  });
  const byId = new Map(agencies.map((a) => [a.id, a]));
  return flagged
    .flatMap((a) => {
      const agency = byId.get(a.agencyId);
      return agency ? [{ ...a, agency }] : [];
    })
    .sort((x, y) => y.missed - x.missed || x.agency.nameFa.localeCompare(y.agency.nameFa, "fa"));
}

/** One agency's letter: its head and the last 4 sessions; null unless its head missed 2 or more. */
export async function absenceLetter(actor: Actor, agencyId: string) {
  authorize(actor, "chairDesk.view");
  const agency = await db.agency.findFirst({
    where: { id: agencyId, ...(actor.provinceId !== null ? { provinceId: actor.provinceId } : {}) },
    select: { id: true, provinceId: true, nameFa: true, nameEn: true, headName: true },
  });
  if (!agency) return null;
  const sessions = (await lastSessions(actor, HEADS_WINDOW, [agencyId])).get(agencyId) ?? [];
  const missed = sessions.filter((s) => headMissed(s.mode));
  if (missed.length < HEADS_MISSED) return null;
  const meetings = await db.meeting.findMany({
    where: { id: { in: sessions.map((s) => s.meetingId) } },
    select: { id: true, number: true, jalaliYear: true, startsAt: true, body: { select: { kind: true } } },
  });
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return {
    agency,
    sessions: sessions.flatMap((s) => {
      const meeting = byId.get(s.meetingId);
      return meeting ? [{ ...s, meeting }] : [];
    }),
    missed: missed.length,
  };
}
