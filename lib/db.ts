import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { watchPool } from "@/lib/observability/metrics";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteOutage, OUTAGE_DIGEST } from "@/lib/http/outage-status";
import { isDatabaseUnavailable } from "@/lib/outage";

// One client per process; in `next dev` modules reload, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * PostgreSQL refuses NUL in text and JSON ("invalid byte sequence"), which used to surface as
 * a 500 wherever an unchecked string reached a query: an id from a URL, a search term. The
 * shared zod fields (lib/validation.ts) strip control characters from what people type; this
 * is the net under them, for every model query's arguments. Raw SQL takes its values from
 * those fields.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\0") ? value.replaceAll("\0", "") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  return value;
}

/** How long a transaction may wait for a connection, and how long it may run (decision 336). */
export const TX_MAX_WAIT_MS = 10_000;
export const TX_TIMEOUT_MS = 20_000;

/**
 * A client for one PostgreSQL server: the primary here, the read replica in lib/db-read.ts.
 * `connectTimeoutMs` bounds how long a query waits for a server that does not answer.
 */
export function createPrismaClient(
  connectionString: string,
  connectTimeoutMs?: number,
  poolName = "primary",
): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    connectionTimeoutMillis: connectTimeoutMs,
    // No JIT compilation: a page's aggregates cost just over PostgreSQL's JIT threshold at
    // national size and spent more compiling than running (money per bank 834 → 512 ms at
    // ten-year size, docs/decisions/315-no-jit-for-page-queries.md). An `options` parameter
    // in the URL takes precedence.
    options: "-c jit=off",
  });
  // In use, idle and waiting connections, for the operator's metrics (/api/metrics).
  watchPool(poolName, pool);
  // Disposed with the client, as the adapter's own pool was.
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) failed saves
    // that were merely slow on a loaded 2-core machine: approving a session with its notices
    // took 5.2 s at load 35 and the clerk got "something went wrong" (decision 336). The
    // limits still end a transaction that hangs, so its locks cannot be held for long.
    transactionOptions: { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS },
  });
  // A query extension changes no model's types, so the client keeps PrismaClient's type.
  return client.$extends({
    query: {
      async $allOperations({ model, args, query }) {
        try {
          // Raw SQL takes its values from the validated fields; only model queries are cleaned.
          return await query(model ? withoutNul(args) : args);
        } catch (err) {
          // The page being drawn answers 503 with the outage page (lib/http/outage-status.ts).
          if (isDatabaseUnavailable(err)) {
            noteOutage();
            if (err !== null && typeof err === "object") Object.assign(err, { digest: OUTAGE_DIGEST });
          }
          throw err;
        }
      },
    },
  }) as unknown as PrismaClient;
}

// No connection is made until the first query, so `next build` may import this without a
// database; a missing URL then surfaces as a failed query (and /api/health says 503).
// A request waits at most DB_POOL_WAIT_MS (10 s) for a pooled connection, or for a new one to
// open: past that it gets the outage answer with Retry-After, instead of hanging (issue #31).
export const db: PrismaClient =
  globalForPrisma.prisma ??
  createPrismaClient(process.env.DATABASE_URL ?? "", Number(process.env.DB_POOL_WAIT_MS ?? 10_000) || 10_000);
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
