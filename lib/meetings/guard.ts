import "server-only";
import type { Tx } from "@/lib/db";
import { authorize, provinceWhere, type Action, type Actor } from "@/lib/auth/policy";
import type { Translate } from "@/lib/i18n/messages";
import { UserFacingError } from "@/lib/mutation";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { isLocked } from "./lifecycle";

const WRITABLE_SELECT = {
  id: true,
  provinceId: true,
  bodyId: true,
  status: true,
  startsAt: true,
  body: { select: { kind: true } },
} as const;

export type WritableMeeting = {
  id: string;
  provinceId: string;
  bodyId: string;
  status: "PLANNED" | "HELD" | "MINUTES_APPROVED";
  startsAt: Date;
  body: { kind: "COMMITTEE" | "WORKING_GROUP" };
};

/**
 * Every write to a session's records goes through here, inside the transaction: the session
 * must be in the actor's province, the actor must hold `action`, and once the chair has
 * approved the minutes the write is only accepted as an amendment with a reason.
 * `FOR SHARE` makes a concurrent approval (which updates the row) wait for this write or
 * this write see the approval, so nothing slips in after the minutes are locked.
 */
export async function lockMeetingForWrite(
  tx: Tx,
  actor: Actor | null,
  meetingId: string,
  action: Extract<Action, "meeting.write" | "resolution.write">,
  amendmentReason: string | null,
  t: Translate,
): Promise<{ meeting: WritableMeeting; amendmentReason: string | null }> {
  authorize(actor, action);
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR SHARE`;
  if (rows.length === 0) throw new UserFacingError(t("errors.notFoundRecord"));
  const meeting = await tx.meeting.findFirst({
    where: { id: meetingId, ...provinceWhere(actor) },
    select: WRITABLE_SELECT,
  });
  if (!meeting) throw new UserFacingError(t("errors.notFoundRecord"));
  authorize(actor, action, { provinceId: meeting.provinceId });
  if (isLocked(meeting.status)) {
    if (!amendmentReason)
      throw new UserFacingError(t("meetings.amendmentRequired"), {
        amendmentReason: [t("meetings.amendmentRequired")],
      });
    return { meeting, amendmentReason };
  }
  // A reason given for an unlocked session is not an amendment; it is simply not needed.
  return { meeting, amendmentReason: null };
}

/** An audit entry for a session write; amendments are marked so they stand out in the trail. */
export async function auditSessionWrite(
  tx: Tx,
  amendmentReason: string | null,
  entry: AuditEntry,
): Promise<void> {
  await recordAudit(tx, {
    ...entry,
    action: amendmentReason ? `${entry.action}+amendment` : entry.action,
    after: amendmentReason ? { ...(entry.after as object | undefined), amendmentReason } : entry.after,
  });
}
