import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation } from "@/lib/mutation";
import { noticeAckDaysKey, publicFiguresKey } from "./queries";

export const publicFiguresSchema = z.object({
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export async function setPublicFigures(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = publicFiguresSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const { enabled } = parsed.data;
    // A provincial admin publishes their own province's figures, never the country's.
    const key = publicFiguresKey(actor.provinceId);
    await db.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key } });
      await tx.appSetting.upsert({
        where: { key },
        create: { key, value: enabled },
        update: { value: enabled },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "settings.update",
        entityType: "AppSetting",
        entityId: key,
        before: before?.value ?? false,
        after: enabled,
      });
    });
    return { ok: true, message: t(enabled ? "settings.publicOn" : "settings.publicOff") };
  });
}

export const noticeAckDaysSchema = z.object({
  days: z.coerce
    .number("settings.v.ackDays")
    .int("settings.v.ackDays")
    .min(1, "settings.v.ackDays")
    .max(60, "settings.v.ackDays"),
});

/** How many working days an agency has to acknowledge a notice before the dashboard flags it. */
export async function setNoticeAckDays(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = noticeAckDaysSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const key = noticeAckDaysKey(actor.provinceId);
    const { days } = parsed.data;
    await db.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key } });
      await tx.appSetting.upsert({ where: { key }, create: { key, value: days }, update: { value: days } });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "settings.update",
        entityType: "AppSetting",
        entityId: key,
        before: before?.value ?? null,
        after: days,
      });
    });
    return { ok: true, message: t("settings.ackDaysSaved") };
  });
}
