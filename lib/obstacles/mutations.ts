import "server-only";
import { tellApplicantsOfObstacles } from "@/lib/requests/follow";
import { assertNotSubmitted, claimSubmission, rememberAnswer, submissionKey } from "@/lib/idempotency";
import { db, type Tx } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { storeUploads } from "@/lib/attachments/store";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";
import { mutation, UserFacingError } from "@/lib/mutation";
import { changeObstacleStatusSchema, createObstacleSchema, type CreateObstacleInput } from "./schema";
import { canMoveObstacleByHand } from "./transitions";

const AUDITED = {
  id: true,
  provinceId: true,
  unitId: true,
  categoryId: true,
  subCategoryId: true,
  description: true,
  amountRials: true,
  moneyKind: true,
  status: true,
} as const;

/** Category, sub-category and agencies must come from the reference lists of this province. */
export async function checkObstacleReferences(
  tx: Tx,
  t: Translate,
  provinceId: string,
  input: Pick<CreateObstacleInput, "categoryId" | "subCategoryId" | "agencyIds">,
) {
  const category = await tx.obstacleCategory.findFirst({
    where: { id: input.categoryId, parentId: null, active: true },
    select: { id: true },
  });
  if (!category)
    throw new UserFacingError(t("validation.invalidInput"), { categoryId: [t("obstacles.categoryInvalid")] });
  if (input.subCategoryId) {
    const sub = await tx.obstacleCategory.findFirst({
      where: { id: input.subCategoryId, parentId: input.categoryId, active: true },
      select: { id: true },
    });
    if (!sub)
      throw new UserFacingError(t("validation.invalidInput"), {
        subCategoryId: [t("obstacles.subCategoryInvalid")],
      });
  }
  if (input.agencyIds.length) {
    const found = await tx.agency.count({ where: { id: { in: input.agencyIds }, provinceId } });
    if (found !== input.agencyIds.length)
      throw new UserFacingError(t("validation.invalidInput"), { agencyIds: [t("obstacles.agencyInvalid")] });
  }
}

export async function createObstacle(
  actor: Actor | null,
  raw: unknown,
  files: File[],
  t: Translate,
): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    const parsed = createObstacleSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "obstacle.write");
    const provinceId = writeProvince(actor, "obstacle.write");
    const { agencyIds, ...input } = parsed.data;
    const key = submissionKey(raw);
    await assertNotSubmitted(key);
    const { stored, discard } = await storeUploads(files, t);
    try {
      return await db.$transaction(async (tx) => {
        await claimSubmission(tx, key, actor.id);
        const unit = await tx.productionUnit.findFirst({
          where: { id: input.unitId, provinceId, archivedAt: null },
          select: { id: true },
        });
        if (!unit) throw new UserFacingError(t("errors.notFoundRecord"));
        await checkObstacleReferences(tx, t, provinceId, { ...input, agencyIds });
        const created = await tx.obstacle.create({
          data: {
            ...input,
            provinceId,
            descriptionNormalized: normalizeText(input.description),
            createdById: actor.id,
            agencies: { create: agencyIds.map((agencyId) => ({ agencyId })) },
            attachments: { create: stored.map((f) => ({ ...f, uploadedById: actor.id })) },
          },
          select: AUDITED,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "obstacle.create",
          entityType: "Obstacle",
          entityId: created.id,
          after: { ...created, agencyIds, attachments: stored.map((f) => f.fileName) },
        });
        return rememberAnswer(tx, key, { ok: true, message: t("obstacles.created"), id: created.id });
      });
    } catch (err) {
      await discard();
      throw err;
    }
  });
}

/**
 * The moves a user makes by hand (see ./transitions.ts): withdraw, unresolvable, and resolved
 * once the follow-up has verified every resolution about the obstacle.
 */
export async function changeObstacleStatus(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = changeObstacleStatusSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "obstacle.write");
    const provinceId = writeProvince(actor, "obstacle.write");
    const { id, from, to } = parsed.data;
    if (!canMoveObstacleByHand(from, to))
      throw new UserFacingError(
        t("obstacles.invalidTransition", {
          from: t(`obstacleStatus.${from}`),
          to: t(`obstacleStatus.${to}`),
        }),
      );
    await db.$transaction(async (tx) => {
      const before = await writableObstacle(tx, t, id, provinceId);
      if (to === "RESOLVED") {
        // The same row lock verifyResolution takes (settleObstacles): a resolution sent back
        // at this moment either waits for this change and reopens the obstacle, or commits
        // first and is counted here.
        await tx.$queryRaw`SELECT id FROM "Obstacle" WHERE id = ${id} FOR UPDATE`;
        const unverified = await tx.resolution.count({
          where: { obstacles: { some: { obstacleId: id } }, status: { notIn: ["VERIFIED", "CANCELLED"] } },
        });
        if (unverified > 0) throw new UserFacingError(t("obstacles.resolutionsStillOpen"));
      }
      // Conditional update: if someone moved it meanwhile, nothing changes and the user is told.
      const { count } = await tx.obstacle.updateMany({ where: { id, status: from }, data: { status: to } });
      if (count === 0) throw new UserFacingError(t("obstacles.staleStatus"));
      await tellApplicantsOfObstacles(tx, [id]);
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "obstacle.status",
        entityType: "Obstacle",
        entityId: id,
        before,
        after: { ...before, status: to },
      });
    });
    return { ok: true, message: t("obstacles.statusChanged") };
  });
}

/** An obstacle of the writer's province whose unit is still in the register (not archived). */
async function writableObstacle(tx: Tx, t: Translate, id: string, provinceId: string) {
  const obstacle = await tx.obstacle.findFirst({
    where: { id, provinceId },
    select: { ...AUDITED, unit: { select: { archivedAt: true } } },
  });
  if (!obstacle) throw new UserFacingError(t("errors.notFoundRecord"));
  const { unit, ...audited } = obstacle;
  if (unit.archivedAt !== null) throw new UserFacingError(t("obstacles.unitArchived"));
  return audited;
}

export async function addObstacleAttachments(
  actor: Actor | null,
  obstacleId: string,
  files: File[],
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    authorize(actor, "obstacle.write");
    const provinceId = writeProvince(actor, "obstacle.write");
    if (files.length === 0)
      throw new UserFacingError(t("obstacles.fileRequired"), { files: [t("obstacles.fileRequired")] });
    const { stored, discard } = await storeUploads(files, t);
    try {
      await db.$transaction(async (tx) => {
        await writableObstacle(tx, t, obstacleId, provinceId);
        await tx.attachment.createMany({
          data: stored.map((f) => ({ ...f, obstacleId, uploadedById: actor.id })),
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "obstacle.attach",
          entityType: "Obstacle",
          entityId: obstacleId,
          after: { attachments: stored },
        });
      });
    } catch (err) {
      await discard();
      throw err;
    }
    return { ok: true, message: t("obstacles.attachmentAdded") };
  });
}
