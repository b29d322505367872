import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { toLatinDigits } from "@/lib/i18n/format";
import { mutation, UserFacingError } from "@/lib/mutation";
import { writeSetting } from "@/lib/settings/mutations";
import { multilineText, text } from "@/lib/validation";
import { stalledDaysKey, weeklyRecipientsKey } from "./settings";

const version = z.coerce
  .number("validation.invalidInput")
  .int("validation.invalidInput")
  .min(0)
  .max(2_147_483_647);

export const stalledDaysSchema = z.object({
  days: text()
    .trim()
    .transform((v) => Number(toLatinDigits(v) || "x"))
    .pipe(
      z
        .number("outcomes.v.stalledDays")
        .int("outcomes.v.stalledDays")
        .min(1, "outcomes.v.stalledDays")
        .max(120, "outcomes.v.stalledDays"),
    ),
  version,
});

export const weeklyRecipientsSchema = z.object({
  emails: multilineText()
    .max(4000, "validation.tooLong")
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,،;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]),
  version,
});

export async function setStalledDays(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = stalledDaysSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const key = stalledDaysKey(actor.provinceId);
    await db.$transaction(async (tx) => {
      const before = await writeSetting(tx, key, parsed.data.days, parsed.data.version, t);
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "settings.update",
        entityType: "AppSetting",
        entityId: key,
        before: before ?? null,
        after: parsed.data.days,
      });
    });
    return { ok: true, message: t("outcomes.settings.stalledSaved") };
  });
}

/** The governor's weekly report goes to a province's list; a national admin has no province to send. */
export async function setWeeklyRecipients(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = weeklyRecipientsSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "settings.manage");
    const provinceId = writeProvince(actor, "settings.manage");
    const emails = parsed.data.emails;
    const wrong = emails.find((e) => !z.email().safeParse(e).success);
    if (wrong)
      throw new UserFacingError(t("validation.invalidInput"), {
        emails: [t("outcomes.weekly.recipientsInvalid", { email: wrong })],
      });
    const key = weeklyRecipientsKey(provinceId);
    await db.$transaction(async (tx) => {
      const before = await writeSetting(tx, key, emails, parsed.data.version, t);
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "settings.update",
        entityType: "AppSetting",
        entityId: key,
        before: before ?? null,
        after: emails,
      });
    });
    return { ok: true, message: t("outcomes.weekly.recipientsSaved") };
  });
}
