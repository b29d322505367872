import "server-only";
import { db } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";
import { assertCurrentVersion, isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import { createAgencySchema, updateAgencySchema } from "./schema";

const AUDITED = {
  id: true,
  provinceId: true,
  kind: true,
  nameFa: true,
  nameEn: true,
  headName: true,
  headTitle: true,
  headMobile: true,
  phone: true,
  email: true,
  address: true,
  active: true,
} as const;

// Agency names are unique per province once normalised (schema: @@unique([provinceId, nameNormalized])).
const nameTaken = (t: Translate) =>
  new UserFacingError(t("validation.invalidInput"), { nameFa: [t("agencies.nameTaken")] });

export async function createAgency(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    const parsed = createAgencySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "agency.write");
    const provinceId = writeProvince(actor, "agency.write");
    try {
      const agency = await db.$transaction(async (tx) => {
        const created = await tx.agency.create({
          data: { ...parsed.data, provinceId, nameNormalized: normalizeText(parsed.data.nameFa) },
          select: AUDITED,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "agency.create",
          entityType: "Agency",
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return { ok: true, message: t("agencies.created"), id: agency.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(t);
      throw err;
    }
  });
}

export async function updateAgency(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = updateAgencySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "agency.write");
    const provinceId = writeProvince(actor, "agency.write");
    const { id, version, ...input } = parsed.data;
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.agency.findFirstOrThrow({ where: { id, provinceId }, select: AUDITED });
        assertCurrentVersion(
          await tx.agency.updateMany({
            where: { id, version },
            data: { ...input, nameNormalized: normalizeText(input.nameFa), version: { increment: 1 } },
          }),
          t,
        );
        const after = await tx.agency.findUniqueOrThrow({ where: { id }, select: AUDITED });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "agency.update",
          entityType: "Agency",
          entityId: id,
          before,
          after,
        });
      });
      return { ok: true, message: t("agencies.updated") };
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(t);
      throw err;
    }
  });
}
