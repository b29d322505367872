import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { assertCurrentVersion, mutation, UserFacingError } from "@/lib/mutation";
import { updateBodySchema } from "./schema";

const AUDITED = {
  id: true,
  provinceId: true,
  kind: true,
  nameFa: true,
  nameEn: true,
  chairName: true,
  secretaryName: true,
  members: { select: { agencyId: true }, orderBy: { agencyId: "asc" } },
} as const;

/**
 * Names, chair, secretary and member agencies of the working group or the committee. Members
 * are who each session of the body expects: its attendance lists them and the scorecard counts
 * their presence. Sessions already held keep the attendance they recorded.
 */
export async function updateBody(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = updateBodySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "body.manage");
    const { bodyId, memberIds, version, ...fields } = parsed.data;
    await db.$transaction(async (tx) => {
      const before = await tx.body.findFirst({
        where: { id: bodyId, ...provinceWhere(actor) },
        select: AUDITED,
      });
      if (!before) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "body.manage", { provinceId: before.provinceId });
      const usable = await tx.agency.count({
        where: { id: { in: memberIds }, provinceId: before.provinceId },
      });
      if (usable !== memberIds.length)
        throw new UserFacingError(t("validation.invalidInput"), {
          memberIds: [t("bodies.memberInvalid")],
        });
      // Members are part of what the editor saw: a save over someone else's is refused whole.
      assertCurrentVersion(
        await tx.body.updateMany({
          where: { id: bodyId, version },
          data: { ...fields, version: { increment: 1 } },
        }),
        t,
      );
      await tx.bodyMember.deleteMany({ where: { bodyId, agencyId: { notIn: memberIds } } });
      await tx.bodyMember.createMany({
        data: memberIds.map((agencyId) => ({ bodyId, agencyId })),
        skipDuplicates: true,
      });
      const after = await tx.body.findUniqueOrThrow({ where: { id: bodyId }, select: AUDITED });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: before.provinceId,
        action: "body.update",
        entityType: "Body",
        entityId: bodyId,
        before,
        after,
      });
    });
    return { ok: true, message: t("bodies.saved") };
  });
}
