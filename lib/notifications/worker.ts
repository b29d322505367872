import "server-only";
import PgBoss from "pg-boss";
import { escalateOverdue, notifyNewResolutions, sendDeadlineReminders, sendWeeklyDigest } from "./events";

// Scheduling and retries on the application's own PostgreSQL (pg-boss): no other server.
// pg-boss elects one instance to fire each cron, so several app instances send once; the
// handlers are idempotent anyway (EmailMessage eventKey), so a retry or a double run is safe.
const JOBS: Record<string, { cron: string; run: () => Promise<unknown> }> = {
  "notify-new-resolutions": { cron: "*/10 * * * *", run: () => notifyNewResolutions() },
  "deadline-reminders": { cron: "0 8 * * *", run: () => sendDeadlineReminders() },
  "overdue-escalations": { cron: "30 8 * * *", run: () => escalateOverdue() },
  // Saturday, the first working day of the Iranian week.
  "weekly-digest": { cron: "0 9 * * 6", run: () => sendWeeklyDigest() },
};

let started: Promise<PgBoss> | null = null;

export function startNotificationWorker(): Promise<PgBoss> {
  started ??= (async () => {
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL ?? "", schema: "pgboss", max: 3 });
    boss.on("error", (err) => console.error("[notifications]", err));
    await boss.start();
    for (const [name, job] of Object.entries(JOBS)) {
      await boss.createQueue(name, {
        name,
        retryLimit: 5,
        retryDelay: 120,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
      });
      await boss.schedule(name, job.cron, {}, { tz: "Asia/Tehran" });
      await boss.work(name, async () => {
        await job.run();
      });
    }
    console.log("[notifications] worker started");
    return boss;
  })();
  return started;
}
