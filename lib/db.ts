import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { watchPool } from "@/lib/observability/metrics";
import { PrismaClient } from "@/lib/generated/prisma/client";

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
  });
  // In use, idle and waiting connections, for the operator's metrics (/api/metrics).
  watchPool(poolName, pool);
  // Disposed with the client, as the adapter's own pool was.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // A query extension changes no model's types, so the client keeps PrismaClient's type.
  return client.$extends({
    query: {
      $allModels: {
        $allOperations: ({ args, query }) => query(withoutNul(args)),
      },
    },
  }) as unknown as PrismaClient;
}

// No connection is made until the first query, so `next build` may import this without a
// database; a missing URL then surfaces as a failed query (and /api/health says 503).
export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient(process.env.DATABASE_URL ?? "");
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
