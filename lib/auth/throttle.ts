import "server-only";
import { db } from "@/lib/db";

// Sign-in throttling (docs/decisions/050-sessions-and-sign-in-throttling.md). Kept in
// PostgreSQL, not in memory, so the limits hold across app instances (decision 112).
//
// Three counts over the last 15 minutes, none of which lets a stranger lock the owner out:
// - one address guessing one account: 5 failures close that pair only;
// - one address guessing many accounts: 30 failures close that address;
// - many addresses guessing one account: after 10 failures (more than one address can make
//   before its pair closes, so a single attacker never slows the owner) the account takes
//   one guess per interval that doubles with every further failure (progressive delay, up
//   to a minute),
//   except from an address where the account signed in successfully in the last 30 days —
//   the owner's own office keeps working during an attack from elsewhere.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const ACCOUNT_FAILURES_BEFORE_DELAY = 2 * MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS;
export const MAX_ACCOUNT_DELAY_SECONDS = 60;
export const KNOWN_ADDRESS_MS = 30 * 24 * 3600 * 1000;

/** Seconds an account waits between guesses from unfamiliar addresses after `failures`. */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_FAILURES_BEFORE_DELAY) return 0;
  return Math.min(2 ** (failures - ACCOUNT_FAILURES_BEFORE_DELAY), MAX_ACCOUNT_DELAY_SECONDS);
}

export type ThrottleVerdict =
  { ok: true } | { ok: false; reason: "pair" | "address" | "account"; retryAfterSeconds: number };

type Counts = { pair: number; address: number; account: number; last: Date | null; known: boolean };

export async function checkThrottle(
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  // One indexed query (email, createdAt) ∪ (ip, createdAt) for all three counts.
  const [row] = await db.$queryRaw<Counts[]>`
    SELECT
      count(*) FILTER (WHERE NOT success AND email = ${email} AND ip IS NOT DISTINCT FROM ${ip} AND "createdAt" > ${since})::int AS pair,
      count(*) FILTER (WHERE NOT success AND ip IS NOT DISTINCT FROM ${ip} AND "createdAt" > ${since})::int AS address,
      count(*) FILTER (WHERE NOT success AND email = ${email} AND "createdAt" > ${since})::int AS account,
      max("createdAt") FILTER (WHERE NOT success AND email = ${email} AND "createdAt" > ${since}) AS last,
      coalesce(bool_or(success AND email = ${email} AND ip IS NOT DISTINCT FROM ${ip} AND "createdAt" > ${knownSince}), false) AS known
    FROM "LoginAttempt"
    WHERE (email = ${email} OR ip IS NOT DISTINCT FROM ${ip}) AND "createdAt" > ${knownSince}`;
  const c = row ?? { pair: 0, address: 0, account: 0, last: null, known: false };
  const windowLeft = (at: Date | null) =>
    Math.max(1, Math.ceil(((at?.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS - now.getTime()) / 1000));
  if (c.pair >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    return { ok: false, reason: "pair", retryAfterSeconds: windowLeft(c.last) };
  if (c.address >= MAX_FAILURES_PER_ADDRESS)
    return { ok: false, reason: "address", retryAfterSeconds: windowLeft(null) };
  const delay = c.known ? 0 : accountDelaySeconds(c.account);
  if (delay > 0 && c.last) {
    const wait = Math.ceil((c.last.getTime() + delay * 1000 - now.getTime()) / 1000);
    if (wait > 0) return { ok: false, reason: "account", retryAfterSeconds: wait };
  }
  return { ok: true };
}

export async function recordLoginAttempt(email: string, ip: string | null, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
  if (success) {
    // A success clears that address's failures for the account, not the account's failures
    // from elsewhere (they are someone else's guesses); and forgets attempts older than the
    // 30 days "known address" looks back.
    await db.loginAttempt.deleteMany({
      where: {
        OR: [
          { email, ip, success: false },
          { email, createdAt: { lt: new Date(Date.now() - KNOWN_ADDRESS_MS) } },
        ],
      },
    });
  }
}
