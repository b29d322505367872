import "server-only";
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { translator, type Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { text } from "@/lib/validation";
import { sendSms } from "./outbox";
import { smsProviderFromEnv, type SmsProvider } from "./providers";
import { maskMobile, normalizeMobile } from "./rules";

// A user's own mobile for SMS (issue #37): it counts only once a code sent to it came back, so
// nobody can point another person's phone at the working group's messages. Only the hash of a
// code is stored; five wrong tries or ten minutes end it; one code a minute.

const CODE_TTL_MS = 10 * 60_000;
const RESEND_AFTER_MS = 60_000;
const MAX_TRIES = 5;

export const requestMobileCodeSchema = z.object({
  mobile: text()
    .trim()
    .min(1, "validation.required")
    .refine((v) => normalizeMobile(v) !== null, "validation.mobile")
    .transform((v) => normalizeMobile(v) ?? ""),
});
export const verifyMobileCodeSchema = z.object({
  code: text()
    .trim()
    .transform((v) =>
      v
        .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
        .replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d))),
    )
    .pipe(z.string().regex(/^\d{6}$/, "sms.mobile.wrongCode")),
});
export const smsOptInSchema = z.object({
  smsOptIn: text()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

const hashCode = (userId: string, code: string) => createHash("sha256").update(`${userId}:${code}`).digest();

/** Sends a six-digit code to the number the user typed; the number is not theirs until it returns. */
export async function requestMobileCode(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  { provider = smsProviderFromEnv(), now = new Date() }: { provider?: SmsProvider | null; now?: Date } = {},
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = requestMobileCodeSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "notifications.own");
    const { mobile } = parsed.data;
    const recent = await db.mobileVerification.findFirst({
      where: { userId: actor.id, createdAt: { gt: new Date(now.getTime() - RESEND_AFTER_MS) } },
      select: { id: true },
    });
    if (recent) throw new UserFacingError(t("sms.mobile.tooSoon"));
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true } });
    const verification = await db.mobileVerification.create({
      data: {
        userId: actor.id,
        mobile,
        codeHash: hashCode(actor.id, code).toString("hex"),
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      },
      select: { id: true },
    });
    const tr = translator(user.locale);
    const sent = await sendSms(
      {
        eventKey: `mobile.code:${verification.id}`,
        to: mobile,
        // Latin digits: phones offer a code in them for one-tap filling, whatever the language.
        text: tr("sms.texts.code", { code }),
        userId: actor.id,
        provinceId: actor.provinceId,
        urgent: true,
      },
      { provider, now },
    );
    if (sent.status === "FAILED") return { ok: false, message: t("sms.mobile.codeNotSent") };
    const shown = maskMobile(mobile);
    return {
      ok: true,
      message:
        sent.status === "SENT"
          ? t("sms.mobile.codeSent", { mobile: shown })
          : t("sms.mobile.codeQueued", { mobile: shown }),
    };
  });
}

/** The code came back: the number is the user's, and SMS is switched on for them. */
export async function verifyMobileCode(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  now = new Date(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = verifyMobileCodeSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "notifications.own");
    const pending = await db.mobileVerification.findFirst({
      where: { userId: actor.id, usedAt: null },
      orderBy: { createdAt: "desc" },
    });
    if (!pending || pending.expiresAt <= now || pending.attempts >= MAX_TRIES)
      throw new UserFacingError(t("sms.mobile.expired"));
    const expected = Buffer.from(pending.codeHash, "hex");
    const given = hashCode(actor.id, parsed.data.code);
    if (!timingSafeEqual(expected, given)) {
      // Counted with a compare-and-set, so parallel guesses cannot share one try.
      await db.mobileVerification.updateMany({
        where: { id: pending.id, attempts: pending.attempts },
        data: { attempts: { increment: 1 } },
      });
      throw new UserFacingError(t("sms.mobile.wrongCode"), { code: [t("sms.mobile.wrongCode")] });
    }
    await db.$transaction(async (tx) => {
      const used = await tx.mobileVerification.updateMany({
        where: { id: pending.id, usedAt: null },
        data: { usedAt: now },
      });
      if (used.count === 0) throw new UserFacingError(t("sms.mobile.expired"));
      const before = await tx.user.findUniqueOrThrow({
        where: { id: actor.id },
        select: { mobile: true, smsOptIn: true },
      });
      await tx.user.update({
        where: { id: actor.id },
        data: { mobile: pending.mobile, mobileVerifiedAt: now, smsOptIn: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "user.mobile",
        entityType: "User",
        entityId: actor.id,
        before,
        after: { mobile: pending.mobile, smsOptIn: true },
      });
    });
    return { ok: true, message: t("sms.mobile.mobileVerified", { mobile: maskMobile(pending.mobile) }) };
  });
}

/** SMS on or off; on only with a verified number. */
export async function setSmsOptIn(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = smsOptInSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "notifications.own");
    const { smsOptIn } = parsed.data;
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({
        where: { id: actor.id },
        select: { smsOptIn: true, mobile: true, mobileVerifiedAt: true },
      });
      if (smsOptIn && !(before.mobile && before.mobileVerifiedAt))
        throw new UserFacingError(t("sms.mobile.needVerified"));
      await tx.user.update({ where: { id: actor.id }, data: { smsOptIn } });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: actor.provinceId,
        action: "user.smsOptIn",
        entityType: "User",
        entityId: actor.id,
        before: { smsOptIn: before.smsOptIn },
        after: { smsOptIn },
      });
    });
    return { ok: true, message: t("sms.mobile.optInSaved") };
  });
}

/** What the SMS card on /notifications shows: the verified number (masked) and the choice. */
export async function mySmsSettings(actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { mobile: true, mobileVerifiedAt: true, smsOptIn: true },
  });
  const verified = user?.mobile && user.mobileVerifiedAt ? maskMobile(user.mobile) : null;
  return { verified, smsOptIn: Boolean(verified && user?.smsOptIn) };
}
