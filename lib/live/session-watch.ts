import "server-only";
import { db } from "@/lib/db";
import type { SessionBounds } from "@/lib/auth/session";

// A live stream is one long request: the session it was opened in may end while it flows —
// sign-out, deactivation, a role or password change (each bumps User.sessionVersion). The
// stream must end within 5 s of that (issue #31; before, events kept coming for up to its
// 10-minute lifetime). One query per instance every CHECK_MS for every user with an open
// stream, not one per stream: a session hall with fifty readers costs the same.

/** How often open streams' sessions are checked: well inside the 5 s promise. */
export const SESSION_CHECK_MS = 2_000;

type Watch = { userId: string; sessionVersion: number; end: () => void };

const watches = new Set<Watch>();
let timer: NodeJS.Timeout | null = null;
let checking = false;

async function check(): Promise<void> {
  if (checking || watches.size === 0) return;
  checking = true;
  try {
    const ids = [...new Set([...watches].map((w) => w.userId))];
    const users = await db.user.findMany({
      where: { id: { in: ids } },
      select: { id: true, active: true, sessionVersion: true, mustChangePassword: true },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const watch of [...watches]) {
      const user = byId.get(watch.userId);
      // The same rule as getCurrentUser: gone, deactivated, another version, or a password due.
      if (!user || !user.active || user.mustChangePassword || user.sessionVersion !== watch.sessionVersion)
        watch.end();
    }
  } catch {
    // The database is out of reach: the streams go on; the next check (or their end) decides.
  } finally {
    checking = false;
  }
}

/** Calls `end` once the session is no longer valid; the returned function stops watching. */
export function watchSession(session: Pick<SessionBounds, "userId" | "sessionVersion">, end: () => void) {
  const watch: Watch = { ...session, end };
  watches.add(watch);
  if (!timer) {
    timer = setInterval(() => void check(), SESSION_CHECK_MS);
    // Never keeps a process (a test, a script) alive on its own.
    timer.unref();
  }
  return () => {
    watches.delete(watch);
    if (watches.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
