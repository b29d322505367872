import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { publishChange } from "@/lib/live/publish";
import { screenSchema } from "./schema";

/**
 * Moves the hall screen (/meetings/[id]/screen) to a case of the session. What the room's
 * projector shows is display state, not a record of the session: it is allowed after the
 * minutes are approved, bumps no version (a form open on the session is not made stale) and
 * writes no audit event — it changes dozens of times a morning and decides nothing
 * (docs/decisions/082-hall-screen.md).
 */
export async function showOnScreen(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = screenSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "meeting.write");
    const { meetingId, itemId } = parsed.data;
    await db.$transaction(async (tx) => {
      const meeting = await tx.meeting.findFirst({
        where: { id: meetingId, ...provinceWhere(actor) },
        select: { id: true, provinceId: true },
      });
      if (!meeting) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "meeting.write", { provinceId: meeting.provinceId });
      if (itemId !== null && (await tx.agendaItem.count({ where: { id: itemId, meetingId } })) !== 1)
        throw new UserFacingError(t("errors.notFoundRecord"));
      // Raw, so neither `version` nor `updatedAt` moves: the session's record did not change.
      await tx.$executeRaw`UPDATE "Meeting" SET "screenItemId" = ${itemId} WHERE id = ${meeting.id}`;
      await publishChange(tx, { meetingId: meeting.id, what: "screen", itemId, by: actor?.id ?? null });
    });
    return { ok: true, message: t("meetings.room.screenMoved") };
  });
}
