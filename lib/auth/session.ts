import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "./auth";
import { can, type Action, type Actor, type Resource } from "./policy";
import {
  absoluteLifetimeSeconds,
  idleTimeoutSeconds,
  nowSeconds,
  pastAbsoluteLifetime,
  type SessionClaims,
} from "./session-config";
import type { Locale } from "@/lib/i18n/messages";
import { noteRequestUser } from "@/lib/observability/context";

export type SessionUser = Actor & { name: string; email: string; locale: Locale };

/** Where a user whose password an administrator set goes before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The user behind the request's session token, however far along: null when there is no
 * valid session — no token, the user gone or deactivated, the token issued before the user's
 * sessions were ended (sign-out, deactivation, role or password change), or past the
 * absolute lifetime. The idle timeout is the token's own expiry, checked by auth().
 */
const loadSession = cache(async (): Promise<(SessionUser & { mustChangePassword: boolean }) | null> => {
  const session = (await auth()) as (SessionClaims & { user?: { id?: string } }) | null;
  const id = session?.user?.id;
  if (!id || pastAbsoluteLifetime(session.authTime)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      agencyId: true,
      provinceId: true,
      locale: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
    },
  });
  if (!user || !user.active || user.sessionVersion !== (session.sv ?? 0)) return null;
  noteRequestUser(user.id);
  const { active: _active, sessionVersion: _version, ...rest } = user;
  return rest;
});

/**
 * The signed-in, active user, or null. Read once per request. A user who must change the
 * password an administrator gave them counts as not signed in here, so no page, action or
 * route handler serves them until they have (only the password page uses the session below).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const user = await loadSession();
  if (!user || user.mustChangePassword) return null;
  const { mustChangePassword: _must, ...rest } = user;
  return rest;
});

/** What a long-lived response (the live stream) must end with: the session it was opened in. */
export type SessionBounds = { userId: string; sessionVersion: number; endsAt: Date };

/**
 * The request's session as the live stream needs it: whose, which version (a sign-out,
 * deactivation, role or password change bumps it), and when it ends by itself — the token's
 * idle expiry or the absolute lifetime, whichever comes first. Null without a valid session.
 */
export async function currentSessionBounds(): Promise<SessionBounds | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const session = (await auth()) as SessionClaims | null;
  const authTime = session?.authTime ?? nowSeconds();
  const idleUntil = session?.idleUntil ?? nowSeconds() + idleTimeoutSeconds();
  const endsAt = Math.min(idleUntil, authTime + absoluteLifetimeSeconds());
  return { userId: user.id, sessionVersion: session?.sv ?? 0, endsAt: new Date(endsAt * 1000) };
}

/** For the change-password page and action: the user even while a new password is due. */
export async function getUserForPasswordChange(): Promise<
  (SessionUser & { mustChangePassword: boolean }) | null
> {
  return loadSession();
}

/** For pages: the user, or a redirect to the sign-in page (or to choose a password). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  if ((await loadSession())?.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  redirect("/login");
}

/** For pages: the user if `can(user, action, resource)`, otherwise the 403 page. */
export async function requirePermission(action: Action, resource?: Resource): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, resource)) forbidden();
  return user;
}
