// `npm run worker`: the e-mail scheduler (pg-boss) as a process of its own, for deployments
// that run the web server with NOTIFICATIONS_DISABLED=1 (docs/deploy.md). Stops cleanly on
// SIGTERM/SIGINT so a service manager can restart it.
import { startNotificationWorker } from "@/lib/notifications/worker";

if (!process.env.DATABASE_URL) {
  console.error("[worker] DATABASE_URL is not set: point it at the application's PostgreSQL.");
  process.exit(1);
}
const boss = await startNotificationWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    console.log(`[worker] ${signal}: finishing running jobs …`);
    void boss.stop({ graceful: true, timeout: 30_000 }).finally(() => process.exit(0));
  });
