import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { auditSessionWrite, lockMeetingForWrite } from "./guard";
import { attendanceSchema, inviteesSchema } from "./schema";

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
    });
    return { ok: true, message: t("meetings.invitees.saved") };
  });
}

export async function saveAttendance(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = attendanceSchema.safeParse(raw);
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
      const expected = await expectedAgencyIds(tx, meeting.id, meeting.bodyId);
      if (parsed.data.entries.some((e) => !expected.has(e.agencyId)))
        throw new UserFacingError(t("meetings.attendance.notMember"));
      const before = await tx.attendance.findMany({
        where: { meetingId: meeting.id },
        select: { agencyId: true, mode: true, attendeeName: true },
      });
      for (const entry of parsed.data.entries) {
        const key = { meetingId_agencyId: { meetingId: meeting.id, agencyId: entry.agencyId } };
        if (entry.mode === null)
          await tx.attendance.deleteMany({ where: { meetingId: meeting.id, agencyId: entry.agencyId } });
        else
          await tx.attendance.upsert({
            where: key,
            create: {
              meetingId: meeting.id,
              agencyId: entry.agencyId,
              mode: entry.mode,
              attendeeName: entry.attendeeName,
            },
            update: { mode: entry.mode, attendeeName: entry.attendeeName },
          });
      }
      const after = await tx.attendance.findMany({
        where: { meetingId: meeting.id },
        select: { agencyId: true, mode: true, attendeeName: true },
      });
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "attendance.save",
        entityType: "Meeting",
        entityId: meeting.id,
        before,
        after,
      });
    });
    return { ok: true, message: t("meetings.attendance.saved") };
  });
}
