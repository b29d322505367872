import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation } from "@/lib/mutation";
import { text } from "@/lib/validation";

// A user's own notifications: marking them read and choosing how e-mail comes. Only ever the
// signed-in user's rows (`userId: actor.id` in every where), whatever ids the form names.

export const markReadSchema = z.object({
  /** One notification, or "all". */
  id: text().trim().min(1, "validation.required").max(64),
});

export const mailFrequencySchema = z.object({
  mailFrequency: z.enum(["IMMEDIATE", "DAILY"], "validation.required"),
});

export async function markNotificationsRead(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = markReadSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "notifications.own");
    const { id } = parsed.data;
    // Reading state is not a record of the case: no audit entry, as for opening a page.
    await db.notification.updateMany({
      where: { userId: actor.id, readAt: null, ...(id === "all" ? {} : { id }) },
      data: { readAt: new Date() },
    });
    return { ok: true, message: t("notifications.markedRead") };
  });
}

export async function setMailFrequency(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = mailFrequencySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "notifications.own");
    const { mailFrequency } = parsed.data;
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({
        where: { id: actor.id },
        select: { mailFrequency: true },
      });
      await tx.user.update({ where: { id: actor.id }, data: { mailFrequency } });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "user.mailFrequency",
        entityType: "User",
        entityId: actor.id,
        before,
        after: { mailFrequency },
      });
    });
    return { ok: true, message: t("notifications.preferenceSaved") };
  });
}
