import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { fileStorage } from "@/lib/storage";

/** A key of the storage's own shape that no upload ever has: reading it proves a round trip. */
const PROBE_KEY = "0000/00/00000000-0000-0000-0000-000000000000";
const CHECK_TIMEOUT_MS = 3000;

type Check = { ok: boolean; detail: string };
export type Readiness = { ready: boolean; database: Check; storage: Check; migrations: Check };

function within<T>(work: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const failed = (err: unknown): Check => ({
  ok: false,
  detail: (err as Error).message?.split("\n").at(-1) ?? "failed",
});

/** Migrations in prisma/migrations that the database has not applied (none: current). */
async function pendingMigrations(): Promise<string[] | null> {
  let folders: string[];
  try {
    const entries = await readdir(path.join(process.cwd(), "prisma/migrations"), { withFileTypes: true });
    folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return null; // Deployed without the migrations folder: nothing to compare with.
  }
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((r) => r.migration_name));
  return folders.filter((f) => !done.has(f));
}

/**
 * Readiness, for the load balancer and the orchestrator: may this instance take traffic? The
 * database answers, the attachment storage answers, and the schema is the one this build
 * expects. Liveness (/api/health/live) asks only whether the process answers at all.
 */
export async function readiness(): Promise<Readiness> {
  const [database, storage, migrations] = await Promise.all([
    within(db.$queryRaw`select 1`).then((): Check => ({ ok: true, detail: "reachable" }), failed),
    within(fileStorage().get(PROBE_KEY)).then(
      (): Check => ({ ok: true, detail: fileStorage().description }),
      failed,
    ),
    within(pendingMigrations()).then(
      (pending): Check =>
        pending === null
          ? { ok: true, detail: "not checked (no prisma/migrations folder)" }
          : pending.length === 0
            ? { ok: true, detail: "current" }
            : { ok: false, detail: `${pending.length} not applied: ${pending.join(", ")}` },
      failed,
    ),
  ]);
  return { ready: database.ok && storage.ok && migrations.ok, database, storage, migrations };
}

/** Milliseconds the database takes to answer `select 1` (/api/health), or null when it does not. */
export async function databaseLatency(): Promise<number | null> {
  const started = Date.now();
  try {
    await db.$queryRaw`select 1`;
    return Date.now() - started;
  } catch {
    return null;
  }
}
