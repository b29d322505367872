// Next's start-up hook: checks the production configuration, then runs the e-mail worker
// and the background-export worker inside the Node.js server (never the edge runtime),
// unless switched off — for tests, or when a separate process runs them (`npm run worker`,
// docs/deploy.md).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Which Node.js serves: the pinned runtime (docs/decisions/010-node-runtime.md) unless
  // someone started the server by hand with another.
  console.log(`[server] Node.js ${process.version}`);
  // Refuse to serve with a configuration that cannot work safely: one sentence, no trace.
  const { productionConfigProblem } = await import("./lib/startup");
  const problem = productionConfigProblem(process.env);
  if (problem && process.env.NEXT_PHASE !== "phase-production-build") {
    console.error(`[start] ${problem}`);
    process.exit(1);
  }
  // Before the first request: sign-in throttling needs each request's socket address.
  const { installSocketAddressStamp } = await import("./lib/auth/socket-address");
  installSocketAddressStamp();
  // A page that meets a database outage answers 503 with Retry-After (lib/http/outage-status.ts).
  const { installOutageStatus } = await import("./lib/http/outage-status");
  const { RETRY_AFTER_SECONDS } = await import("./lib/outage");
  installOutageStatus(RETRY_AFTER_SECONDS);
  if (process.env.NODE_ENV === "test" || !process.env.DATABASE_URL) return;
  // Listen for changed figures from the start, so the first dashboards can already be kept
  // (lib/cache.ts); a database that is not up yet is retried on the first dashboard.
  const { figuresWatch } = await import("./lib/dashboard/changes");
  void figuresWatch()
    .connect()
    .catch(() => undefined);
  if (process.env.NOTIFICATIONS_DISABLED !== "1") {
    try {
      const { startNotificationWorker } = await import("./lib/notifications/worker");
      await startNotificationWorker();
    } catch (err) {
      // A mail problem must never keep the application from serving pages.
      console.error("[notifications] worker did not start", err);
    }
  }
  if (process.env.EXPORT_WORKER_DISABLED !== "1") {
    try {
      const { startExportJobs } = await import("./lib/exports/worker");
      await startExportJobs();
    } catch (err) {
      console.error("[exports] worker did not start", err);
    }
  }
}
