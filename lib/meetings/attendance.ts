import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { auditSessionWrite, lockMeetingForWrite } from "./guard";
import { attendanceSchema, inviteesSchema } from "./schema";
import { publishChange } from "@/lib/live/publish";

// Who a session expects (its body's members and invited agencies) and who came.

/** Who a session expects: its body's members and the agencies invited to it. */
async function expectedAgencyIds(tx: Tx, meetingId: string, bodyId: string): Promise<Set<string>> {
  const [members, invitees] = await Promise.all([
    tx.bodyMember.findMany({ where: { bodyId }, select: { agencyId: true } }),
    tx.meetingInvitee.findMany({ where: { meetingId }, select: { agencyId: true } }),
  ]);
  return new Set([...members, ...invitees].map((m) => m.agencyId));
}

/**
 * Sets the agencies invited to a session beyond its body's members (the page proposes those
 * named in its cases). An agency no longer invited loses the attendance recorded for it: it was
 * not expected after all, and the scorecard counts only sessions an agency was expected at.
 */
export async function saveInvitees(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = inviteesSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        parsed.data.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      const members = new Set(
        (await tx.bodyMember.findMany({ where: { bodyId: meeting.bodyId }, select: { agencyId: true } })).map(
          (m) => m.agencyId,
        ),
      );
      // A member is expected anyway; inviting it too would list it twice.
      const wanted = [...new Set(parsed.data.agencyIds)].filter((id) => !members.has(id));
      if (
        (await tx.agency.count({ where: { id: { in: wanted }, provinceId: meeting.provinceId } })) !==
        wanted.length
      )
        throw new UserFacingError(t("validation.invalidInput"), {
          agencyIds: [t("meetings.entry.agencyInvalid")],
        });
      const before = (
        await tx.meetingInvitee.findMany({ where: { meetingId: meeting.id }, select: { agencyId: true } })
      ).map((i) => i.agencyId);
      const dropped = before.filter((id) => !wanted.includes(id));
      await tx.meetingInvitee.deleteMany({ where: { meetingId: meeting.id, agencyId: { in: dropped } } });
      await tx.attendance.deleteMany({ where: { meetingId: meeting.id, agencyId: { in: dropped } } });
      await tx.meetingInvitee.createMany({
        data: wanted.map((agencyId) => ({ meetingId: meeting.id, agencyId })),
        skipDuplicates: true,
      });
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "meeting.invitees",
        entityType: "Meeting",
        entityId: meeting.id,
        before: { invitees: before },
        after: { invitees: wanted },
      });
      await publishChange(tx, { meetingId: meeting.id, what: "attendance", by: actor?.id ?? null });
    });
    return { ok: true, message: t("meetings.invitees.saved") };
  });
}

/**
 * Records attendance row by row. Several clerks mark the room at once (one the left side of the
 * table, one the right), each from the grid as they loaded it: the form sends only the rows its
 * clerk changed, each with the version it was drawn from, so two clerks' rows merge. The same
 * agency changed by both is a conflict — unless both wrote the same — and nothing is written.
 */
export async function saveAttendance(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = attendanceSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const entries = [...new Map(parsed.data.entries.map((e) => [e.agencyId, e])).values()];
    await db.$transaction(async (tx) => {
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        parsed.data.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      const expected = await expectedAgencyIds(tx, meeting.id, meeting.bodyId);
      if (entries.some((e) => !expected.has(e.agencyId)))
        throw new UserFacingError(t("meetings.attendance.notMember"));
      const agencyIds = entries.map((e) => e.agencyId).sort();
      // Row locks in one order: two clerks saving overlapping rows queue instead of deadlocking,
      // and the second compares against what the first wrote.
      await tx.$queryRaw`SELECT "agencyId" FROM "Attendance"
        WHERE "meetingId" = ${meeting.id} AND "agencyId" = ANY(${agencyIds}) ORDER BY "agencyId" FOR UPDATE`;
      const rows = await tx.attendance.findMany({
        where: { meetingId: meeting.id, agencyId: { in: agencyIds } },
        select: { agencyId: true, mode: true, attendeeName: true, version: true },
      });
      const current = new Map(rows.map((r) => [r.agencyId, r]));
      const before: { agencyId: string; mode: string | null; attendeeName: string | null }[] = [];
      const after: typeof before = [];
      for (const entry of entries) {
        const row = current.get(entry.agencyId);
        const same = (row?.mode ?? null) === entry.mode && (row?.attendeeName ?? null) === entry.attendeeName;
        if (same) continue;
        if (entry.version !== undefined && entry.version !== (row?.version ?? 0))
          throw new UserFacingError(t("meetings.attendance.conflict"), {
            [`mode:${entry.agencyId}`]: [t("meetings.attendance.conflict")],
          });
        before.push({
          agencyId: entry.agencyId,
          mode: row?.mode ?? null,
          attendeeName: row?.attendeeName ?? null,
        });
        after.push({ agencyId: entry.agencyId, mode: entry.mode, attendeeName: entry.attendeeName });
        if (entry.mode === null)
          await tx.attendance.deleteMany({ where: { meetingId: meeting.id, agencyId: entry.agencyId } });
        else
          await tx.attendance.upsert({
            where: { meetingId_agencyId: { meetingId: meeting.id, agencyId: entry.agencyId } },
            create: {
              meetingId: meeting.id,
              agencyId: entry.agencyId,
              mode: entry.mode,
              attendeeName: entry.attendeeName,
            },
            update: { mode: entry.mode, attendeeName: entry.attendeeName, version: { increment: 1 } },
          });
      }
      if (after.length === 0) return;
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "attendance.save",
        entityType: "Meeting",
        entityId: meeting.id,
        before,
        after,
      });
      await publishChange(tx, { meetingId: meeting.id, what: "attendance", by: actor?.id ?? null });
    });
    return { ok: true, message: t("meetings.attendance.saved") };
  });
}
