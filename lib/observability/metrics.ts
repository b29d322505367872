import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics (GET /api/metrics, docs/deploy.md "Metrics and alerts").
 * Counters are bumped where things happen; gauges that describe the database (job queues,
 * export jobs) are read when Prometheus scrapes, by collectors registered at start-up
 * (lib/observability/collectors.ts), so a scrape costs one query, a request none.
 */
/** What the pool gauge reads of a node-postgres pool. */
export type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };
const pools = new Map<string, PoolCounts>();

/** A connection pool of this process, reported as tashil_db_pool_connections{pool=name}. */
export function watchPool(name: string, pool: PoolCounts): void {
  pools.set(name, pool);
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "tashil_http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "tashil_http_request_duration_seconds",
      help: "Time from a request's arrival to its last byte, by route pattern",
      labelNames: ["route", "method"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    serverActions: new Counter({
      name: "tashil_server_actions_total",
      help: "Server actions (form saves) by name and outcome: ok, refused, conflict, unavailable, error",
      labelNames: ["action", "outcome"] as const,
      registers,
    }),
    signInFailures: new Counter({
      name: "tashil_sign_in_failures_total",
      help: "Refused sign-ins: wrong credentials or throttled",
      labelNames: ["reason"] as const,
      registers,
    }),
    storageErrors: new Counter({
      name: "tashil_storage_errors_total",
      help: "Failed calls to attachment storage (local directory or S3)",
      labelNames: ["operation"] as const,
      registers,
    }),
    liveConnections: new Gauge({
      name: "tashil_live_stream_connections",
      help: "Open live session streams (server-sent events) on this instance",
      registers,
    }),
    dbPool: new Gauge({
      name: "tashil_db_pool_connections",
      help: "Database pool connections of this instance, by pool and state (total, idle, waiting)",
      labelNames: ["pool", "state"] as const,
      registers,
      collect() {
        for (const [pool, counts] of pools) {
          this.set({ pool, state: "total" }, counts.totalCount);
          this.set({ pool, state: "idle" }, counts.idleCount);
          this.set({ pool, state: "waiting" }, counts.waitingCount);
        }
      },
    }),
    jobs: new Gauge({
      name: "tashil_jobs",
      help: "Background jobs in the queue (pg-boss), by queue and state",
      labelNames: ["queue", "state"] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: "tashil_job_runs_total",
      help: "Background jobs this instance ran, by queue and outcome (done, failed)",
      labelNames: ["queue", "outcome"] as const,
      registers,
    }),
    exportJobs: new Gauge({
      name: "tashil_export_jobs",
      help: "Background exports by status",
      labelNames: ["status"] as const,
      registers,
    }),
    databaseUp: new Gauge({
      name: "tashil_metrics_database_up",
      help: "1 when the last scrape could read the job and export figures from the database",
      registers,
    }),
    replicaLag: new Gauge({
      name: "tashil_replica_lag_seconds",
      help: "How far the read replica's last replayed change is behind (absent without a replica)",
      registers,
    }),
    replicaReads: new Counter({
      name: "tashil_replica_reads_total",
      help: "Reads routed to the replica or, when it was unavailable or behind, to the primary",
      labelNames: ["target"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const KEY = Symbol.for("tashil.metrics");
const holder = globalThis as unknown as { [KEY]?: Metrics };
/** One set per process, even when Next loads this module in two bundles. */
export const metrics: Metrics = (holder[KEY] ??= createMetrics());

/**
 * A path as a low-cardinality route label: record ids (cuids, numbers, UUIDs, tokens) become
 * ":id", so /units/cmx…/edit and every other unit count under /units/:id/edit.
 */
export function routeLabel(path: string): string {
  const clean = path.split("?")[0] || "/";
  if (clean.startsWith("/_next/")) return "/_next/*";
  const segments = clean
    .split("/")
    .map((segment) =>
      /^c[a-z0-9]{20,}$/.test(segment) ||
      /^\d+$/.test(segment) ||
      /^[0-9a-f-]{32,}$/i.test(segment) ||
      segment.length > 40
        ? ":id"
        : segment,
    );
  return segments.join("/") || "/";
}
