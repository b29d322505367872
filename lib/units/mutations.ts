import "server-only";
import { assertNotSubmitted, claimSubmission, rememberAnswer, submissionKey } from "@/lib/idempotency";
import { db, type Tx } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, todayInTehran } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";
import {
  assertCurrentVersion,
  conflictError,
  isUniqueViolation,
  mutation,
  UserFacingError,
} from "@/lib/mutation";
import { changeUnitStatusSchema, createUnitSchema, updateUnitSchema, type CreateUnitInput } from "./schema";

// Domain mutations take the actor so tests and jobs share the code; only ./actions.ts is
// reachable from the browser and it passes the signed-in user.

export const UNIT_AUDITED = {
  id: true,
  provinceId: true,
  countyId: true,
  name: true,
  nationalId: true,
  sector: true,
  activity: true,
  industrialPark: true,
  status: true,
  employees: true,
  capacityUsePct: true,
  managerName: true,
  phone: true,
  address: true,
  archivedAt: true,
} as const;

type UnitFields = Omit<CreateUnitInput, "status" | "confirmDuplicate">;

/**
 * The registry's duplicate rules: a national id names one unit; the same name in the same
 * county is most likely the same unit typed again, so it is refused until the user confirms.
 */
export async function assertNotDuplicate(
  tx: Tx,
  t: Translate,
  {
    provinceId,
    input,
    confirmDuplicate,
    exceptId,
  }: {
    provinceId: string;
    input: Pick<UnitFields, "name" | "nationalId" | "countyId">;
    confirmDuplicate: boolean;
    exceptId?: string;
  },
) {
  const county = await tx.county.findFirst({
    where: { id: input.countyId, provinceId },
    select: { id: true },
  });
  if (!county)
    throw new UserFacingError(t("validation.invalidInput"), { countyId: [t("units.countyUnknown")] });
  if (input.nationalId) {
    const same = await tx.productionUnit.findUnique({
      where: { nationalId: input.nationalId },
      select: { id: true, name: true, provinceId: true },
    });
    if (same && same.id !== exceptId) {
      const text =
        same.provinceId === provinceId
          ? t("units.nationalIdTaken", { name: same.name })
          : t("units.nationalIdTakenElsewhere");
      throw new UserFacingError(t("validation.invalidInput"), { nationalId: [text] });
    }
  }
  if (!confirmDuplicate) {
    const same = await tx.productionUnit.findFirst({
      where: {
        provinceId,
        countyId: input.countyId,
        nameNormalized: normalizeText(input.name),
        archivedAt: null,
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { name: true },
    });
    if (same)
      throw new UserFacingError(t("units.duplicateName", { name: same.name }), {
        name: [t("units.duplicateName", { name: same.name })],
        confirmDuplicate: [],
      });
  }
}

const nationalIdRace = (t: Translate) =>
  new UserFacingError(t("validation.invalidInput"), { nationalId: [t("units.nationalIdTakenElsewhere")] });

export async function createUnit(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    const parsed = createUnitSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const { confirmDuplicate, ...input } = parsed.data;
    const key = submissionKey(raw);
    await assertNotSubmitted(key);
    try {
      return await db.$transaction(async (tx) => {
        await claimSubmission(tx, key, actor.id);
        await assertNotDuplicate(tx, t, { provinceId, input, confirmDuplicate });
        const created = await tx.productionUnit.create({
          // Employees at registration stay as they were when later edits change the count:
          // the two together say how many jobs the working group kept and created.
          data: {
            ...input,
            provinceId,
            nameNormalized: normalizeText(input.name),
            employeesAtRegistration: input.employees,
          },
          select: UNIT_AUDITED,
        });
        // The first status is history too, so "returned to production" counts start right.
        await tx.unitStatusChange.create({
          data: {
            unitId: created.id,
            fromStatus: null,
            toStatus: input.status,
            changedOn: calendarDate(todayInTehran()),
            cause: "SECRETARIAT",
            userId: actor.id,
          },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "unit.create",
          entityType: "ProductionUnit",
          entityId: created.id,
          after: created,
        });
        return rememberAnswer(tx, key, { ok: true, message: t("units.created"), id: created.id });
      });
    } catch (err) {
      if (isUniqueViolation(err, "nationalId")) throw nationalIdRace(t);
      throw err;
    }
  });
}

export async function updateUnit(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = updateUnitSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const { id, version, confirmDuplicate, ...input } = parsed.data;
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.productionUnit.findFirstOrThrow({
          where: { id, provinceId, archivedAt: null },
          select: { ...UNIT_AUDITED, version: true },
        });
        authorize(actor, "unit.write", { provinceId: before.provinceId });
        // Stale before anything else: the duplicate warning may be about a name since changed.
        if (before.version !== version) throw conflictError(t);
        await assertNotDuplicate(tx, t, { provinceId, input, confirmDuplicate, exceptId: id });
        assertCurrentVersion(
          await tx.productionUnit.updateMany({
            where: { id, version },
            data: { ...input, nameNormalized: normalizeText(input.name), version: { increment: 1 } },
          }),
          t,
        );
        const after = await tx.productionUnit.findUniqueOrThrow({ where: { id }, select: UNIT_AUDITED });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "unit.update",
          entityType: "ProductionUnit",
          entityId: id,
          before,
          after,
        });
      });
      return { ok: true, message: t("units.updated") };
    } catch (err) {
      if (isUniqueViolation(err, "nationalId")) throw nationalIdRace(t);
      throw err;
    }
  });
}

/** Archived units leave the lists; their obstacles, resolutions and history stay. */
export async function archiveUnit(actor: Actor | null, id: string, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    await db.$transaction(async (tx) => {
      const before = await tx.productionUnit.findFirstOrThrow({
        where: { id, provinceId, archivedAt: null },
        select: UNIT_AUDITED,
      });
      const after = await tx.productionUnit.update({
        where: { id },
        data: { archivedAt: new Date(), version: { increment: 1 } },
        select: UNIT_AUDITED,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "unit.archive",
        entityType: "ProductionUnit",
        entityId: id,
        before,
        after,
      });
    });
    return { ok: true, message: t("units.archived") };
  });
}

export async function changeUnitStatus(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  today = todayInTehran(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = changeUnitStatusSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const { id, toStatus, reason, changedOn, cause } = parsed.data;
    if (changedOn > today)
      throw new UserFacingError(t("validation.invalidInput"), { changedOn: [t("units.dateFuture")] });
    await db.$transaction(async (tx) => {
      const before = await tx.productionUnit.findFirstOrThrow({
        where: { id, provinceId, archivedAt: null },
        select: UNIT_AUDITED,
      });
      if (before.status === toStatus)
        throw new UserFacingError(t("validation.invalidInput"), { toStatus: [t("units.statusSame")] });
      const change = await tx.unitStatusChange.create({
        data: {
          unitId: id,
          fromStatus: before.status,
          toStatus,
          changedOn: calendarDate(changedOn),
          reason,
          cause,
          userId: actor.id,
        },
        select: { id: true, fromStatus: true, toStatus: true, changedOn: true, reason: true, cause: true },
      });
      const after = await tx.productionUnit.update({
        where: { id },
        data: { status: toStatus, version: { increment: 1 } },
        select: UNIT_AUDITED,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "unit.status",
        entityType: "ProductionUnit",
        entityId: id,
        before,
        after: { ...after, change },
      });
    });
    return { ok: true, message: t("units.statusChanged") };
  });
}
