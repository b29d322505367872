import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { isDatabaseUnavailable } from "@/lib/outage";
import { loginSchema } from "@/lib/users/schema";
import { verifyPassword } from "./password";
import { checkThrottle, recordLoginAttempt } from "./throttle";
import { metrics } from "@/lib/observability/metrics";

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks a sign-in attempt: throttled, then password, then whether the account is active.
 * An unknown e-mail takes the same steps as a wrong password (a dummy hash is verified and an
 * attempt and audit event are written), so neither the answer nor its timing tells them apart.
 */
export async function verifyCredentials(raw: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email } });
  const audit = (action: string, after: Record<string, unknown>) =>
    recordAudit(db, {
      actorId: user?.id ?? null,
      provinceId: user?.provinceId ?? null,
      action,
      entityType: "User",
      // The audit trail of a sign-in to an unknown e-mail hangs off the e-mail itself.
      entityId: user?.id ?? email,
      after: { email, ip, ...after },
    });

  const verdict = await checkThrottle(email, ip);
  if (!verdict.ok) {
    await audit("auth.signInThrottled", { reason: verdict.reason });
    return { ok: false, reason: "throttled" };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const success = passwordOk && user !== null && user.active;
  await recordLoginAttempt(email, ip, success);
  if (!success || !user) {
    await audit("auth.signInFailed", { reason: user && passwordOk ? "inactive" : "invalid" });
    return { ok: false, reason: "invalid" };
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit("auth.signIn", {});
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
  };
}

/** Thrown so the login form can tell "too many attempts" from "wrong password". */
class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/**
 * The database is out of reach: said as a sign-in failure with its own code, since any
 * other error thrown from `authorize` makes Auth.js answer with its "Configuration" page.
 */
class UnavailableSignin extends CredentialsSignin {
  code = "unavailable";
}

/** Auth.js's `authorize`: the user, null for a refusal, or a sign-in error with a code. */
export async function authorizeSignIn(raw: unknown, ip: string | null) {
  const result = await verifyCredentials(raw, ip).catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) throw new UnavailableSignin();
    throw err;
  });
  if (result.ok) return result.user;
  metrics.signInFailures.inc({ reason: result.reason });
  if (result.reason === "throttled") throw new ThrottledSignin();
  return null;
}
