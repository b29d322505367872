import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { conflictError, mutation } from "@/lib/mutation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settingVersionField, wholeNumberInAnyDigits } from "@/lib/validation";
import { digestHourKey, noticeAckDaysKey, publicFiguresKey } from "./queries";

export const publicFiguresSchema = z.object({
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
  // 0 when the setting had never been saved as the form was drawn.
  version: settingVersionField(),
});

/**
 * Compare-and-set of one setting: the save names the version the admin saw (0: not stored
 * yet). Another admin's save in between makes this one a conflict, not a silent overwrite.
 */
export async function writeSetting(
  tx: Prisma.TransactionClient,
  key: string,
  value: Prisma.InputJsonValue,
  version: number,
  t: Translate,
) {
  const before = await tx.appSetting.findUnique({ where: { key } });
  if ((before?.version ?? 0) !== version) throw conflictError(t);
  if (!before) {
    // Two first saves at once: the primary key lets one through, the other is a conflict.
    const created = await tx.appSetting.createMany({ data: [{ key, value }], skipDuplicates: true });
    if (created.count === 0) throw conflictError(t);
  } else {
    const updated = await tx.appSetting.updateMany({
      where: { key, version },
      data: { value, version: { increment: 1 } },
    });
    if (updated.count === 0) throw conflictError(t);
  }
  return before?.value;
}

/**
 * One setting saved the way every settings form saves it: compare-and-set (`writeSetting`)
 * and its audit event, in one transaction. `unset` is what the audit shows as "before" when
 * the setting had never been stored.
 */
export async function saveSetting(
  actor: { id: string },
  provinceId: string | null,
  setting: {
    key: string;
    value: Prisma.InputJsonValue;
    version: number;
    unset?: Prisma.InputJsonValue | null;
  },
  t: Translate,
) {
  const { key, value, version, unset = null } = setting;
  await db.$transaction(async (tx) => {
    const before = await writeSetting(tx, key, value, version, t);
    await recordAudit(tx, {
      actorId: actor.id,
      provinceId,
      action: "settings.update",
      entityType: "AppSetting",
      entityId: key,
      before: before ?? unset,
      after: value,
    });
  });
}

export async function setPublicFigures(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = publicFiguresSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const { enabled, version } = parsed.data;
    // A provincial admin publishes their own province's figures, never the country's.
    const key = publicFiguresKey(actor.provinceId);
    await saveSetting(actor, actor.provinceId, { key, value: enabled, version, unset: false }, t);
    return { ok: true, message: t(enabled ? "settings.publicOn" : "settings.publicOff") };
  });
}

export const noticeAckDaysSchema = z.object({
  days: z.coerce
    .number("settings.v.ackDays")
    .int("settings.v.ackDays")
    .min(1, "settings.v.ackDays")
    .max(60, "settings.v.ackDays"),
  version: settingVersionField(),
});

/** How many working days an agency has to acknowledge a notice before the dashboard flags it. */
export async function setNoticeAckDays(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = noticeAckDaysSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const key = noticeAckDaysKey(actor.provinceId);
    const { days, version } = parsed.data;
    await saveSetting(actor, actor.provinceId, { key, value: days, version }, t);
    return { ok: true, message: t("settings.ackDaysSaved") };
  });
}

export const digestHourSchema = z.object({
  // Typed in any digits ("۸" or "8"); a whole hour of the Tehran day.
  hour: wholeNumberInAnyDigits(0, 23, "settings.v.digestHour"),
  version: settingVersionField(),
});

/** The Tehran hour from which the province's daily reminder and overdue digests go out. */
export async function setDigestHour(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = digestHourSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const key = digestHourKey(actor.provinceId);
    const { hour, version } = parsed.data;
    await saveSetting(actor, actor.provinceId, { key, value: hour, version }, t);
    return { ok: true, message: t("settings.digestHourSaved") };
  });
}
