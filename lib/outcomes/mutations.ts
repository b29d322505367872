import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, todayInTehran } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { conflictError, mutation, UserFacingError } from "@/lib/mutation";
import { isOpenResolution } from "@/lib/resolutions/status";
import type { Tx } from "@/lib/db";
import { addMilestoneSchema, approvedAmountSchema, closeCaseSchema } from "./schema";

// The secretariat plans how a resolution is carried out (issue #36): its steps, each with a
// due date, and the amount the session approved. Both name the resolution's version, like
// every follow-up write (lib/resolutions/mutations.ts), so a plan made on a stale page is
// refused rather than crossing an agency's report.

async function lockResolution(tx: Tx, actor: Actor, id: string, version: number, t: Translate) {
  const resolution = await tx.resolution.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: { id: true, provinceId: true, status: true, version: true, approvedAmountRials: true },
  });
  if (!resolution) throw new UserFacingError(t("errors.notFoundRecord"));
  authorize(actor, "resolution.plan", { provinceId: resolution.provinceId });
  const { count } = await tx.resolution.updateMany({
    where: { id, version },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw conflictError(t);
  return resolution;
}

export async function addMilestone(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = addMilestoneSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "resolution.plan");
    const { id, version, title, dueOn } = parsed.data;
    await db.$transaction(async (tx) => {
      const before = await lockResolution(tx, actor, id, version, t);
      if (!isOpenResolution(before.status)) throw new UserFacingError(t("outcomes.v.resolutionClosed"));
      // The version bump above serialises writers of this resolution, so max + 1 is free.
      const last = await tx.resolutionMilestone.aggregate({
        where: { resolutionId: id },
        _max: { position: true },
      });
      const milestone = await tx.resolutionMilestone.create({
        data: {
          resolutionId: id,
          position: (last._max.position ?? 0) + 1,
          title,
          dueOn: calendarDate(dueOn),
        },
        select: { id: true, position: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: before.provinceId,
        action: "resolution.addMilestone",
        entityType: "Resolution",
        entityId: id,
        before: { version },
        after: {
          milestoneId: milestone.id,
          position: milestone.position,
          title,
          dueOn,
          version: version + 1,
        },
      });
    });
    return { ok: true, message: t("outcomes.milestones.added") };
  });
}

export async function setApprovedAmount(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = approvedAmountSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "resolution.plan");
    const { id, version, amount } = parsed.data;
    await db.$transaction(async (tx) => {
      const before = await lockResolution(tx, actor, id, version, t);
      await tx.resolution.update({ where: { id }, data: { approvedAmountRials: amount } });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: before.provinceId,
        action: "resolution.approvedAmount",
        entityType: "Resolution",
        entityId: id,
        before: { approvedAmountRials: before.approvedAmountRials?.toString() ?? null, version },
        after: { approvedAmountRials: amount?.toString() ?? null, version: version + 1 },
      });
    });
    return { ok: true, message: t("outcomes.money.approvedSet") };
  });
}

/**
 * The secretariat closes a unit's case with how it ended. "Resolved and producing" must be
 * true of the register: the unit's status says it is running (active or semi-active).
 */
export async function closeCase(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = closeCaseSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const { unitId, outcome, reason } = parsed.data;
    await db.$transaction(async (tx) => {
      const unit = await tx.productionUnit.findFirst({
        where: { id: unitId, provinceId, archivedAt: null },
        select: { id: true, status: true },
      });
      if (!unit) throw new UserFacingError(t("errors.notFoundRecord"));
      if (outcome === "RESOLVED_PRODUCING" && unit.status !== "ACTIVE" && unit.status !== "SEMI_ACTIVE")
        throw new UserFacingError(t("validation.invalidInput"), {
          outcome: [t("outcomes.closure.notProducing")],
        });
      const closure = await tx.caseClosure.create({
        data: {
          provinceId,
          unitId,
          outcome,
          reason: reason || null,
          closedOn: calendarDate(todayInTehran()),
          closedById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "unit.closeCase",
        entityType: "ProductionUnit",
        entityId: unitId,
        after: { closureId: closure.id, outcome, reason: reason || null },
      });
    });
    return { ok: true, message: t("outcomes.closure.closed") };
  });
}
