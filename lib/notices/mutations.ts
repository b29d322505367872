import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { text } from "@/lib/validation";

export const acknowledgeNoticeSchema = z.object({ id: text().trim().min(1, "validation.required") });

/** An agency user confirms the notice reached the agency: who and when, once. */
export async function acknowledgeNotice(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = acknowledgeNoticeSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    if (!actor) throw new UserFacingError(t("errors.forbidden"));
    await db.$transaction(async (tx) => {
      const notice = await tx.notice.findFirst({
        where: { id: parsed.data.id, ...provinceWhere(actor) },
        select: { id: true, provinceId: true, agencyId: true },
      });
      if (!notice) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "notice.acknowledge", {
        provinceId: notice.provinceId,
        responsibleAgencyId: notice.agencyId,
      });
      const at = new Date();
      // The first acknowledgement stands; a colleague's later click changes nothing.
      const { count } = await tx.notice.updateMany({
        where: { id: notice.id, acknowledgedAt: null },
        data: { acknowledgedAt: at, acknowledgedById: actor.id },
      });
      if (count === 0) throw new UserFacingError(t("notices.alreadyAcknowledged"));
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: notice.provinceId,
        action: "notice.acknowledge",
        entityType: "Notice",
        entityId: notice.id,
        after: { acknowledgedAt: at, acknowledgedById: actor.id },
      });
    });
    return { ok: true, message: t("notices.acknowledged") };
  });
}
