import "server-only";
import { z } from "zod";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { saveSetting } from "@/lib/settings/mutations";
import { multilineText, settingVersionField, wholeNumberInAnyDigits } from "@/lib/validation";
import { stalledDaysKey, weeklyRecipientsKey } from "./settings";

const version = settingVersionField();

export const stalledDaysSchema = z.object({
  days: wholeNumberInAnyDigits(1, 120, "outcomes.v.stalledDays"),
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
    await saveSetting(
      actor,
      actor.provinceId,
      { key, value: parsed.data.days, version: parsed.data.version },
      t,
    );
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
    await saveSetting(actor, provinceId, { key, value: emails, version: parsed.data.version }, t);
    return { ok: true, message: t("outcomes.weekly.recipientsSaved") };
  });
}
