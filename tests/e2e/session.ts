// A signed-in browser without the login form. Signing in through the form costs an argon2
// verification on the server (deliberately slow) and three page loads; on a busy 2-core
// machine that alone pushed journeys past their time limits (issue #29). Only the tests about
// signing in (auth.spec.ts, the sign-in parts of security.spec.ts, a new account's first
// sign-in) still go through the form, with `signIn` in support.ts.
//
// The token is minted exactly as the app mints it (lib/auth/auth.ts): Auth.js's default
// claims (name, email, sub), Tashil's claims (the user's current session version and the
// sign-in time), encrypted with the server's AUTH_SECRET under the cookie's name as salt and
// with the idle timeout as expiry. So every check the app makes on each request still
// applies: a deactivated user, a bumped session version (sign-out, role or password change)
// or a token past the absolute lifetime is refused like any other.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import {
  idleTimeoutSeconds,
  nowSeconds,
  SESSION_COOKIES,
  type SessionClaims,
} from "../../lib/auth/session-config";
import { e2eDb } from "./db";
import { E2E_AUTH_SECRET } from "./server-env";

/** The app is served over plain http in the tests: Auth.js's cookie without `__Secure-`. */
const COOKIE = SESSION_COOKIES[1];

/** The session cookie the app would set after `email` signed in with the right password. */
export async function sessionCookie(email: string, url: string) {
  const user = await e2eDb().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, sessionVersion: true },
  });
  if (!user) throw new Error(`no account ${email} in the e2e database`);
  const claims: SessionClaims = { sv: user.sessionVersion, authTime: nowSeconds() };
  const token = { name: user.name, email: user.email, sub: user.id, ...claims };
  const maxAge = idleTimeoutSeconds();
  const value = await encode({ token, secret: E2E_AUTH_SECRET, salt: COOKIE, maxAge });
  return {
    name: COOKIE,
    value,
    url: new URL(url).origin,
    httpOnly: true,
    sameSite: "Lax" as const,
    expires: nowSeconds() + maxAge,
  };
}

/** Puts a session of `email` into the context (every page of it, every port of the host). */
export async function addSession(context: BrowserContext, email: string, baseURL = projectBaseUrl()) {
  await context.addCookies([await sessionCookie(email, baseURL)]);
}

/**
 * `page`'s context is signed in as `email`, and the page opens `path`: by default "/", which
 * sends each role to its home as the login form does; a test that goes elsewhere next passes
 * that path and saves a page load.
 */
export async function enterAs(page: Page, email: string, path = "/") {
  await addSession(page.context(), email, projectBaseUrl());
  await page.goto(path);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Cookies are per host, not per port: this one also serves session-room's other instance. */
export function projectBaseUrl(): string {
  return test.info().project.use.baseURL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
}
