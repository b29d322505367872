import "server-only";
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { checkThrottle, recordLoginAttempt, THROTTLE_WINDOW_MS } from "@/lib/auth/throttle";
import { invalid, type FormState } from "@/lib/forms";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { isDatabaseUnavailable } from "@/lib/outage";
import { mailFrom, transportFromEnv, type MailTransport } from "@/lib/notifications/mailer";
import { htmlBody } from "@/lib/notifications/deliver";
import { log } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { codeRequestSchema, codeSchema, signUpSchema, type SignUpInput } from "./schema";

// Password-less sign-up and sign-in of a unit's applicant (issue #32): a six-digit code is
// e-mailed, good for ten minutes and five tries. Only an HMAC of the code is stored (keyed
// with the session secret: a million codes are too few to survive an unkeyed hash of a
// leaked table), and the code is never shown anywhere but in that e-mail — not on a page,
// not in the admin's outbox, not in the audit trail.

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_ATTEMPTS = 5;
/** Codes sent to one address, and from one client address, per throttle window (15 min). */
export const MAX_CODES_PER_EMAIL = 5;
export const MAX_CODES_PER_ADDRESS = 20;

/** The key guesses at codes are throttled under: like sign-in's, per e-mail and address. */
const throttleKey = (email: string) => `code:${email}`;

function codeHash(email: string, code: string): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "tashil-applicant-code")
    .update(`${email}\n${code}`)
    .digest("hex");
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));

export type CodeRequestState = FormState & { email?: string };

/** Mails the code straight to its recipient; the outbox keeps a row without the code. */
async function mailCode(
  email: string,
  code: string,
  locale: Locale,
  transport: MailTransport | null,
  codeId: string,
) {
  const t = translator(locale);
  const body = t("applicants.codeMail.body", { code, minutes: String(CODE_TTL_MS / 60000) });
  const subject = t("applicants.codeMail.subject");
  const redacted = t("applicants.codeMail.redacted");
  if (!transport) {
    // Without a mail server nobody can receive a code. On a developer's machine the log is
    // the mailbox; in production the code is never written anywhere.
    if (process.env.NODE_ENV !== "production")
      log.info({ email, code }, "applicant code (no SMTP configured)");
    await db.emailMessage.create({
      data: {
        eventKey: `applicant.code:${codeId}`,
        toEmail: email,
        subject,
        body: redacted,
        status: "OUTBOX",
      },
    });
    return;
  }
  await transport.sendMail({ from: mailFrom(), to: email, subject, text: body, html: htmlBody(body) });
  await db.emailMessage.create({
    data: {
      eventKey: `applicant.code:${codeId}`,
      toEmail: email,
      subject,
      body: redacted,
      status: "SENT",
      attempts: 1,
      sentAt: new Date(),
    },
  });
}

/**
 * Whether another code may go to this address from this client now. Every request counts,
 * whether or not a code goes out (an unknown or a staff address gets none), so the
 * throttle answers alike for every address and tells nobody which ones have accounts. The
 * requests are kept in the sign-in attempts' table under their own key.
 */
async function mayIssue(email: string, ip: string | null, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const key = `send:${email}`;
  const [perEmail, perAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email: key, createdAt: { gt: since } } }),
    ip
      ? db.loginAttempt.count({ where: { ip, email: { startsWith: "send:" }, createdAt: { gt: since } } })
      : Promise.resolve(0),
  ]);
  if (perEmail >= MAX_CODES_PER_EMAIL || perAddress >= MAX_CODES_PER_ADDRESS) return false;
  // Recorded as a success: a code request is no failed guess, and must not count towards the
  // sign-in throttle's failures from this address (lib/auth/throttle.ts). This address's
  // requests older than the window count for nothing any more and go.
  await db.loginAttempt.deleteMany({ where: { email: key, createdAt: { lt: since } } });
  await db.loginAttempt.create({ data: { email: key, ip, success: true, createdAt: now } });
  return true;
}

async function issueCode(
  email: string,
  ip: string | null,
  signUp: SignUpInput | null,
  locale: Locale,
  transport: MailTransport | null,
  now: Date,
) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const row = await db.$transaction(async (tx) => {
    // A new code replaces the ones before it: only the latest can be entered.
    await tx.oneTimeCode.updateMany({ where: { email, consumedAt: null }, data: { consumedAt: now } });
    const created = await tx.oneTimeCode.create({
      data: {
        email,
        ip,
        codeHash: codeHash(email, code),
        signUp: signUp ?? undefined,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: null,
      provinceId: signUp?.provinceId ?? null,
      action: signUp ? "applicant.signUpCode" : "applicant.signInCode",
      entityType: "OneTimeCode",
      entityId: created.id,
      after: { email, ip },
    });
    return created;
  });
  await mailCode(email, code, locale, transport, row.id);
}

/**
 * The sign-up form: who the applicant is and which unit they speak for. A code goes to the
 * address; the account exists only once the code comes back. An address that already has an
 * applicant account is sent a sign-in code instead; a staff address is sent nothing — the
 * answer is the same in every case, so the form tells no one which addresses are registered.
 */
export async function requestSignUpCode(
  raw: unknown,
  ip: string | null,
  t: Translate,
  locale: Locale,
  { transport = transportFromEnv(), now = new Date() }: { transport?: MailTransport | null; now?: Date } = {},
): Promise<CodeRequestState> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, t);
  const input = parsed.data;
  const provinces = await db.province.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  const provinceId =
    provinces.length === 1
      ? (provinces[0]?.id ?? null)
      : provinces.find((p) => p.id === input.provinceId)?.id;
  if (!provinceId)
    return {
      ok: false,
      message: t("validation.invalidInput"),
      fieldErrors: { provinceId: [t("applicants.provinceRequired")] },
    };
  if (!(await mayIssue(input.email, ip, now))) return { ok: false, message: t("applicants.codeThrottled") };
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { roles: true, active: true },
  });
  if (!existing) await issueCode(input.email, ip, { ...input, provinceId }, locale, transport, now);
  else if (existing.active && existing.roles.includes("APPLICANT"))
    await issueCode(input.email, ip, null, locale, transport, now);
  return { ok: true, message: t("applicants.codeSent"), email: input.email };
}

/** The sign-in form: a code for an applicant's address; the same answer for any other. */
export async function requestSignInCode(
  raw: unknown,
  ip: string | null,
  t: Translate,
  locale: Locale,
  { transport = transportFromEnv(), now = new Date() }: { transport?: MailTransport | null; now?: Date } = {},
): Promise<CodeRequestState> {
  const parsed = codeRequestSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, t);
  const { email } = parsed.data;
  if (!(await mayIssue(email, ip, now))) return { ok: false, message: t("applicants.codeThrottled") };
  const user = await db.user.findUnique({ where: { email }, select: { roles: true, active: true } });
  if (user?.active && user.roles.includes("APPLICANT"))
    await issueCode(email, ip, null, locale, transport, now);
  return { ok: true, message: t("applicants.codeSent"), email };
}

export type CodeResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "expired" | "attempts" | "throttled" };

/**
 * Checks an entered code. Guesses are throttled like password sign-in (per address and per
 * e-mail, lib/auth/throttle.ts), and each code takes five tries before it is spent. The
 * right code for a sign-up creates the applicant's account (with a password nobody knows,
 * so the staff sign-in form can never open it) in the same transaction that spends it.
 */
export async function verifyCode(raw: unknown, ip: string | null, now = new Date()): Promise<CodeResult> {
  const parsed = codeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, code } = parsed.data;
  const verdict = await checkThrottle(throttleKey(email), ip, now);
  if (!verdict.ok) return { ok: false, reason: "throttled" };

  const row = await db.oneTimeCode.findFirst({
    where: { email, consumedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!row || row.expiresAt <= now) {
    await recordLoginAttempt(throttleKey(email), ip, false);
    return { ok: false, reason: row ? "expired" : "invalid" };
  }
  if (row.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "attempts" };
  if (!sameHash(row.codeHash, codeHash(email, code))) {
    const spent = await db.oneTimeCode.update({
      where: { id: row.id },
      data: { attempts: { increment: 1 } },
      select: { attempts: true },
    });
    await recordLoginAttempt(throttleKey(email), ip, false);
    await recordAudit(db, {
      actorId: null,
      provinceId: null,
      action: "applicant.codeFailed",
      entityType: "OneTimeCode",
      entityId: row.id,
      after: { email, ip, attempts: spent.attempts },
    });
    return { ok: false, reason: spent.attempts >= CODE_MAX_ATTEMPTS ? "attempts" : "invalid" };
  }

  const signUp = row.signUp as SignUpInput | null;
  // Before the transaction: argon2 takes ~100 ms and must not hold a connection meanwhile.
  const unusable = signUp ? await hashPassword(randomBytes(32).toString("hex")) : "";
  const user = await db.$transaction(async (tx) => {
    // Compare-and-set: two tabs entering the same code cannot both sign in with it.
    const spent = await tx.oneTimeCode.updateMany({
      where: { id: row.id, consumedAt: null },
      data: { consumedAt: now },
    });
    if (spent.count === 0) return null;
    let found = await tx.user.findUnique({ where: { email } });
    if (!found && signUp && signUp.provinceId) {
      found = await tx.user.create({
        data: {
          email,
          name: signUp.name,
          passwordHash: unusable,
          roles: ["APPLICANT"],
          provinceId: signUp.provinceId,
          applicantProfile: {
            create: {
              nationalCode: signUp.nationalCode,
              position: signUp.position,
              unitNationalId: signUp.unitNationalId,
            },
          },
        },
      });
      await recordAudit(tx, {
        actorId: found.id,
        provinceId: found.provinceId,
        action: "applicant.signUp",
        entityType: "User",
        entityId: found.id,
        after: { email, name: signUp.name, position: signUp.position, unitNationalId: signUp.unitNationalId },
      });
    }
    if (!found || !found.active || !found.roles.includes("APPLICANT")) return null;
    await tx.user.update({ where: { id: found.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, {
      actorId: found.id,
      provinceId: found.provinceId,
      action: "applicant.signIn",
      entityType: "User",
      entityId: found.id,
      after: { email, ip },
    });
    return found;
  });
  await recordLoginAttempt(throttleKey(email), ip, user !== null);
  if (!user) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
  };
}

/** Thrown so the code form can say why a code was refused. */
class CodeSignin extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

/** Auth.js's `authorize` for the applicant's code: the user, or a sign-in error with a code. */
export async function authorizeApplicantCode(raw: unknown, ip: string | null) {
  const result = await verifyCode(raw, ip).catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) throw new CodeSignin("unavailable");
    throw err;
  });
  if (result.ok) return result.user;
  metrics.signInFailures.inc({ reason: result.reason });
  throw new CodeSignin(result.reason);
}
