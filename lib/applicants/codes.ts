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
import { sendSms } from "@/lib/sms/outbox";
import { smsProviderFromEnv, type SmsProvider } from "@/lib/sms/providers";
import type { Tx } from "@/lib/db";
import { codeRequestSchema, codeSchema, isMobileAddress, signUpSchema, type SignUpInput } from "./schema";

// Password-less sign-up and sign-in of a unit's applicant (issue #32): a six-digit code is
// e-mailed or texted, good for ten minutes and five tries. Only an HMAC of the code is stored
// (keyed with the session secret: a million codes are too few to survive an unkeyed hash of a
// leaked table), and the code is never shown anywhere but in that e-mail or SMS — not on a
// page, not in the admin's outboxes (once handed over), not in the audit trail.
//
// An "address" is where a code goes and whose account it opens: an e-mail, or an Iranian
// mobile (09xxxxxxxxx) that the account verified by entering a code sent to it. Every rule —
// TTL, tries, throttles, "staff get nothing" — is the same for both; only the carrier differs.

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_ATTEMPTS = 5;
/** Codes sent to one address, and from one client address, per throttle window (15 min). */
export const MAX_CODES_PER_EMAIL = 5;
export const MAX_CODES_PER_ADDRESS = 20;

/** The key guesses at codes are throttled under: like sign-in's, per e-mail and address. */
const throttleKey = (address: string) => `code:${address}`;

function codeHash(email: string, code: string): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "tashil-applicant-code")
    .update(`${email}\n${code}`)
    .digest("hex");
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));

export type CodeRequestState = FormState & { address?: string };

type Carriers = { transport: MailTransport | null; sms: SmsProvider | null };

/**
 * The code by SMS (decision 232: a one-time code goes at any hour and past the daily cap).
 * The outbox row must carry the text until the gateway has it; once handed over (or failed
 * for good) its body is replaced, so the admin's SMS outbox never shows a live code.
 */
async function textCode(
  mobile: string,
  code: string,
  locale: Locale,
  provider: SmsProvider | null,
  codeId: string,
  provinceId: string | null,
) {
  const t = translator(locale);
  if (!provider) {
    // As without SMTP: a developer's machine logs it; production writes it nowhere.
    if (process.env.NODE_ENV !== "production") log.info({ mobile, code }, "applicant code (no SMS gateway)");
    return;
  }
  const sent = await sendSms(
    {
      eventKey: `applicant.code:${codeId}`,
      to: mobile,
      text: t("applicants.codeMail.sms", { code, minutes: String(CODE_TTL_MS / 60000) }),
      provinceId,
      urgent: true,
    },
    { provider },
  );
  // A row still waiting for a retry keeps its text (the worker sends what the row holds);
  // it expires with the code's urgency window (15 minutes) at most.
  if (sent.id && sent.status !== "PENDING" && sent.status !== "SENDING")
    await db.smsMessage.update({ where: { id: sent.id }, data: { body: t("applicants.codeMail.redacted") } });
}

/**
 * The applicant account an address opens, or what stands in the way. A mobile counts only
 * once verified, and a number any staff account holds (verified or not) is never an
 * applicant's door: a code must not go to a staff phone, as to a staff e-mail.
 */
async function accountAt(
  client: Tx | typeof db,
  address: string,
): Promise<
  | { kind: "none" }
  | { kind: "other" }
  | { kind: "applicant"; user: { id: string; provinceId: string | null } }
> {
  const select = { id: true, roles: true, active: true, provinceId: true, mobileVerifiedAt: true };
  const users = isMobileAddress(address)
    ? await client.user.findMany({ where: { mobile: address }, select, take: 5 })
    : await client.user.findMany({ where: { email: address }, select, take: 1 });
  if (users.some((u) => !u.roles.includes("APPLICANT"))) return { kind: "other" };
  const owners = isMobileAddress(address) ? users.filter((u) => u.mobileVerifiedAt) : users;
  if (owners.length === 0) return { kind: "none" };
  const [user] = owners;
  if (owners.length > 1 || !user?.active) return { kind: "other" };
  return { kind: "applicant", user };
}

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
async function mayIssue(address: string, ip: string | null, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const key = `send:${address}`;
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
  address: string,
  ip: string | null,
  signUp: SignUpInput | null,
  locale: Locale,
  carriers: Carriers,
  now: Date,
  provinceId: string | null,
) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const row = await db.$transaction(async (tx) => {
    // A new code replaces the ones before it: only the latest can be entered.
    await tx.oneTimeCode.updateMany({
      where: { email: address, consumedAt: null },
      data: { consumedAt: now },
    });
    const created = await tx.oneTimeCode.create({
      data: {
        // The column holds the address, e-mail or mobile (named before SMS codes existed).
        email: address,
        ip,
        codeHash: codeHash(address, code),
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
      after: isMobileAddress(address) ? { mobile: address, ip } : { email: address, ip },
    });
    return created;
  });
  if (isMobileAddress(address)) await textCode(address, code, locale, carriers.sms, row.id, provinceId);
  else await mailCode(address, code, locale, carriers.transport, row.id);
}

type Options = { transport?: MailTransport | null; sms?: SmsProvider | null; now?: Date };
const carriersOf = (o: Options): Carriers => ({
  transport: o.transport === undefined ? transportFromEnv() : o.transport,
  sms: o.sms === undefined ? smsProviderFromEnv() : o.sms,
});

/**
 * The sign-up form: who the applicant is and which unit they speak for. A code goes to the
 * e-mail, or by SMS to the mobile if they chose so; the account exists only once the code
 * comes back (and a texted code's return is what verifies the mobile). An address that already
 * has an applicant account is sent a sign-in code instead; a staff address is sent nothing —
 * the answer is the same in every case, so the form tells no one which addresses are registered.
 */
export async function requestSignUpCode(
  raw: unknown,
  ip: string | null,
  t: Translate,
  locale: Locale,
  options: Options = {},
): Promise<CodeRequestState> {
  const carriers = carriersOf(options);
  const now = options.now ?? new Date();
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
  const address = input.channel === "sms" && input.mobile ? input.mobile : input.email;
  if (!(await mayIssue(address, ip, now))) return { ok: false, message: t("applicants.codeThrottled") };
  const byEmail = await accountAt(db, input.email);
  // The mobile is checked too: a number a staff account or another applicant holds opens no
  // new account (it would be that account's door as well).
  const byMobile = input.mobile ? await accountAt(db, input.mobile) : ({ kind: "none" } as const);
  if (byEmail.kind === "none" && byMobile.kind === "none")
    await issueCode(address, ip, { ...input, provinceId }, locale, carriers, now, provinceId);
  else if (
    byEmail.kind === "applicant" &&
    (address === input.email || (byMobile.kind === "applicant" && byMobile.user.id === byEmail.user.id))
  )
    // Already signed up: a sign-in code, by the way asked if the account has it verified.
    await issueCode(address, ip, null, locale, carriers, now, byEmail.user.provinceId);
  return { ok: true, message: t("applicants.codeSent"), address };
}

/**
 * The sign-in form: a code for an applicant's e-mail or verified mobile; the same answer for
 * any other (a staff e-mail or phone, an unknown one).
 */
export async function requestSignInCode(
  raw: unknown,
  ip: string | null,
  t: Translate,
  locale: Locale,
  options: Options = {},
): Promise<CodeRequestState> {
  const now = options.now ?? new Date();
  const parsed = codeRequestSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, t);
  const { address } = parsed.data;
  if (!(await mayIssue(address, ip, now))) return { ok: false, message: t("applicants.codeThrottled") };
  const account = await accountAt(db, address);
  if (account.kind === "applicant")
    await issueCode(address, ip, null, locale, carriersOf(options), now, account.user.provinceId);
  return { ok: true, message: t("applicants.codeSent"), address };
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
  const { address, code } = parsed.data;
  const verdict = await checkThrottle(throttleKey(address), ip, now);
  if (!verdict.ok) return { ok: false, reason: "throttled" };

  const row = await db.oneTimeCode.findFirst({
    where: { email: address, consumedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!row || row.expiresAt <= now) {
    await recordLoginAttempt(throttleKey(address), ip, false);
    return { ok: false, reason: row ? "expired" : "invalid" };
  }
  if (row.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "attempts" };
  if (!sameHash(row.codeHash, codeHash(address, code))) {
    const spent = await db.oneTimeCode.update({
      where: { id: row.id },
      data: { attempts: { increment: 1 } },
      select: { attempts: true },
    });
    await recordLoginAttempt(throttleKey(address), ip, false);
    await recordAudit(db, {
      actorId: null,
      provinceId: null,
      action: "applicant.codeFailed",
      entityType: "OneTimeCode",
      entityId: row.id,
      after: { address, ip, attempts: spent.attempts },
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
    const account = await accountAt(tx, address);
    let found =
      account.kind === "applicant" ? await tx.user.findUnique({ where: { id: account.user.id } }) : null;
    // A sign-up opens an account only if neither its e-mail nor its mobile has become anyone's
    // since the code was sent (checked again here, inside the transaction that creates it).
    const texted = isMobileAddress(address);
    if (
      !found &&
      signUp &&
      signUp.provinceId &&
      (await accountAt(tx, signUp.email)).kind === "none" &&
      (!signUp.mobile || (await accountAt(tx, signUp.mobile)).kind === "none")
    ) {
      found = await tx.user.create({
        data: {
          email: signUp.email,
          // Typed at sign-up; verified only if the code came by SMS to it.
          mobile: signUp.mobile ?? null,
          mobileVerifiedAt: texted ? now : null,
          smsOptIn: texted,
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
        after: {
          email: signUp.email,
          mobile: signUp.mobile ?? null,
          name: signUp.name,
          position: signUp.position,
          unitNationalId: signUp.unitNationalId,
        },
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
      after: { address, ip },
    });
    return found;
  });
  await recordLoginAttempt(throttleKey(address), ip, user !== null);
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
