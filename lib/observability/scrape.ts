import "server-only";
import { timingSafeEqual } from "node:crypto";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import { metrics } from "./metrics";

// pg-boss's schema (lib/notifications/worker.ts): named here so a scrape does not load the worker.
const JOB_SCHEMA = "pgboss_v12";

/**
 * Who may read /api/metrics: Prometheus with the bearer token METRICS_TOKEN, or a scraper on an
 * address METRICS_ALLOW_FROM lists (exact addresses, comma-separated) that connects to the
 * instance directly. A request that came through a proxy (it carries X-Forwarded-For) never
 * counts as direct: behind HAProxy on the same host every visitor's socket is 127.0.0.1.
 * With neither set, nobody: the figures describe the service to its operator only.
 */
export function mayReadMetrics(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): boolean {
  const token = env.METRICS_TOKEN;
  const given = headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  if (token && given) {
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  const allowed = (env.METRICS_ALLOW_FROM ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (allowed.length === 0 || headers.has("x-forwarded-for")) return false;
  const socket = (headers.get(SOCKET_ADDRESS_HEADER) ?? "").replace(/^::ffff:(?=\d)/, "");
  return socket !== "" && allowed.includes(socket);
}

/**
 * The metrics text. The figures that live in the database (job queues, exports) are read now,
 * once per scrape; if the database does not answer, they are left out and
 * tashil_metrics_database_up says 0 (the alert on the database comes from its own exporter).
 */
export async function metricsText(): Promise<string> {
  try {
    const [jobs, exports] = await Promise.all([
      queuedJobs(),
      db.exportJob.groupBy({ by: ["status"], _count: { _all: true } }),
    ]);
    metrics.jobs.reset();
    for (const row of jobs) metrics.jobs.set({ queue: row.name, state: row.state }, Number(row.n));
    metrics.exportJobs.reset();
    for (const row of exports) metrics.exportJobs.set({ status: row.status }, row._count._all);
    metrics.databaseUp.set(1);
  } catch {
    metrics.databaseUp.set(0);
  }
  return metrics.registry.metrics();
}

/** Waiting, running and failed jobs per queue (completed ones pile up until pg-boss removes them). */
async function queuedJobs(): Promise<{ name: string; state: string; n: bigint }[]> {
  // Before any worker has started, pg-boss has not made its schema yet: no jobs, not an error.
  const [table] = await db.$queryRawUnsafe<{ t: string | null }[]>(
    `SELECT to_regclass('${JOB_SCHEMA}.job')::text AS t`,
  );
  if (!table?.t) return [];
  return db.$queryRawUnsafe(
    `SELECT name, state::text AS state, count(*) AS n FROM ${JOB_SCHEMA}.job
      WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY 1, 2`,
  );
}

export const METRICS_CONTENT_TYPE = metrics.registry.contentType;
