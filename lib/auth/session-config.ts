// How long a sign-in lasts (docs/decisions/050-sessions-and-sign-in-throttling.md). Read by
// lib/auth/auth.ts, by getCurrentUser and by proxy.ts, so this module stays free of the
// database and of server-only code.

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Signed out after this long without a request. A government office default: 30 minutes. */
export function idleTimeoutSeconds(): number {
  return Math.round(positiveNumber(process.env.SESSION_IDLE_MINUTES, 30) * 60);
}

/** Signed out this long after signing in, however busy: 12 hours, one long working day. */
export function absoluteLifetimeSeconds(): number {
  return Math.round(positiveNumber(process.env.SESSION_MAX_HOURS, 12) * 3600);
}

/**
 * The token's expiry is pushed forward at most this often (a cookie of this lifetime marks
 * "recently refreshed"), so the proxy decrypts and re-signs a token about once a minute per
 * user rather than on every request.
 */
export function refreshIntervalSeconds(): number {
  return Math.max(1, Math.min(60, Math.floor(idleTimeoutSeconds() / 4)));
}

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
export const SESSION_FRESH_COOKIE = "tashil.session-fresh";

/** Claims Tashil adds to the Auth.js token. */
export type SessionClaims = {
  /** User.sessionVersion when the token was issued. */
  sv?: number;
  /** Sign-in time, seconds since the epoch: the absolute lifetime counts from here. */
  authTime?: number;
  /** The token's own expiry (the idle timeout), seconds since the epoch; read, never set. */
  idleUntil?: number;
};

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Whether a token signed in at `authTime` is past the absolute lifetime. */
export function pastAbsoluteLifetime(authTime: number | undefined, now = nowSeconds()): boolean {
  return typeof authTime !== "number" || now - authTime > absoluteLifetimeSeconds();
}
