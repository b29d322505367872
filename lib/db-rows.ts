import "server-only";
import pg from "pg";

// Long reads that stream through the server — a national export reads 200,000 register rows
// in batches — take their rows from node-postgres directly rather than through Prisma's raw
// queries. Same SQL, same data; but Prisma turns each raw result into typed intermediate
// values before the plain objects, and over a national export that garbage grew the
// process by ~190 MB against ~60 MB for node-postgres' own rows (bench/exports-memory.ts,
// docs/performance.md "Exports"). Everything else, writes above all, stays on Prisma.

const DATE_OID = 1082;

/**
 * PostgreSQL `date` as midnight UTC, the way Prisma reads it: node-postgres would otherwise
 * give local midnight and shift every deadline on a server whose clock is not UTC.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID && format !== "binary"
      ? (value: string) => new Date(`${value}T00:00:00Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForRows = globalThis as unknown as { rowsPool?: pg.Pool };

/** A small pool of its own (two connections): a few exports at once, never the app's share. */
function pool(): pg.Pool {
  globalForRows.rowsPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? "",
    max: Number(process.env.DB_EXPORT_POOL_SIZE ?? 2),
    types,
  });
  return globalForRows.rowsPool;
}

/** The rows of one parameterised SELECT (`$1`, `$2`, … placeholders) as plain objects. */
export async function selectRows<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  return (await pool().query<T>(sql, values)).rows;
}
