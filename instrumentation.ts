// Next's start-up hook: checks the production configuration, then runs the e-mail worker
// and the background-export worker inside the Node.js server (never the edge runtime),
// unless switched off — for tests, or when a separate process runs them (`npm run worker`,
// docs/deploy.md).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Which Node.js serves: the pinned runtime (docs/decisions/010-node-runtime.md) unless
  // someone started the server by hand with another.
  const { log, errorFields } = await import("./lib/observability/log");
  log.info({ node: process.version }, `server on Node.js ${process.version}`);
  // Refuse to serve with a configuration that cannot work safely: one sentence, no trace.
  const { productionConfigProblem } = await import("./lib/startup");
  const problem = productionConfigProblem(process.env);
  if (problem && process.env.NEXT_PHASE !== "phase-production-build") {
    // Plain words on stderr, not a JSON line: an operator reads this one in a terminal.
    console.error(`[start] ${problem}`);
    process.exit(1);
  }
  // Before the first request: sign-in throttling needs each request's socket address, and
  // every request gets its id, its log line and its metrics.
  const { installRequestHooks } = await import("./lib/observability/request-hooks");
  const { stampSocketAddress, socketAddressStampInstalled } = await import("./lib/auth/socket-address");
  installRequestHooks(stampSocketAddress);
  socketAddressStampInstalled();
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
      log.error(errorFields(err), "notifications worker did not start");
    }
  }
  if (process.env.EXPORT_WORKER_DISABLED !== "1") {
    try {
      const { startExportJobs } = await import("./lib/exports/worker");
      await startExportJobs();
    } catch (err) {
      log.error(errorFields(err), "exports worker did not start");
    }
  }
}

/**
 * Next calls this for every error a page, route or action throws: the error's digest (what
 * the error page shows the user) is logged beside the request id, so a quoted reference leads
 * to the request's other lines.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, errorFields } = await import("./lib/observability/log");
  const digest = (error as { digest?: string } | null)?.digest;
  log.error(
    {
      ...errorFields(error),
      digest,
      reqId: request.headers["x-request-id"],
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
