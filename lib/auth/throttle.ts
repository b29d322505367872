import "server-only";
import { db } from "@/lib/db";

// Kept in PostgreSQL, not in memory, so the limit holds across app instances (DESIGN.md §6).
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function isThrottled(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gt: since } } }),
    ip ? db.loginAttempt.count({ where: { ip, success: false, createdAt: { gt: since } } }) : 0,
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(email: string, ip: string | null, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success } });
  // A successful sign-in clears the slate for that address.
  if (success) await db.loginAttempt.deleteMany({ where: { email, success: false } });
}
