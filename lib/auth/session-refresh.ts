import { decode, encode } from "next-auth/jwt";
import {
  idleTimeoutSeconds,
  pastAbsoluteLifetime,
  refreshIntervalSeconds,
  SESSION_COOKIES,
  SESSION_FRESH_COOKIE,
  type SessionClaims,
} from "./session-config";

type CookieReader = { get(name: string): { value: string } | undefined; has(name: string): boolean };
export type RefreshedCookie = { name: string; value: string; maxAge: number; secure: boolean };

/**
 * The idle timeout is the session token's own expiry. While the user keeps working, proxy.ts
 * asks this for a re-signed token with a later expiry — at most once per refresh interval
 * (a short-lived marker cookie says "recently refreshed"), so most requests cost a cookie
 * lookup and nothing more (decision 002: no auth() in the proxy). An expired, forged or
 * too-old token is left alone: getCurrentUser refuses it.
 */
export async function refreshSessionCookie(cookies: CookieReader): Promise<RefreshedCookie[]> {
  if (cookies.has(SESSION_FRESH_COOKIE)) return [];
  const secret = process.env.AUTH_SECRET;
  const name = SESSION_COOKIES.find((n) => cookies.has(n));
  if (!secret || !name) return [];
  const current = cookies.get(name)?.value;
  if (!current) return [];
  let token: (Record<string, unknown> & { sub?: string }) | null;
  try {
    token = await decode({ token: current, secret, salt: name });
  } catch {
    return [];
  }
  if (!token?.sub || pastAbsoluteLifetime((token as SessionClaims).authTime)) return [];
  const maxAge = idleTimeoutSeconds();
  const value = await encode({ token, secret, salt: name, maxAge });
  const secure = name.startsWith("__Secure-");
  return [
    { name, value, maxAge, secure },
    { name: SESSION_FRESH_COOKIE, value: "1", maxAge: refreshIntervalSeconds(), secure },
  ];
}
