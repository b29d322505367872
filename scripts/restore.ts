// `npm run restore -- FILE [--force]`: brings a `npm run backup` archive back into an empty
// database (DATABASE_URL, or the embedded server of this checkout) and storage.
//  1. The database gets exactly the migrations the backup was taken at, then the rows (one
//     transaction), then any newer migrations of this checkout — so data migrations written
//     since the backup run over the restored data as they would have in place.
//  2. Attachments are checked against their SHA-256 and written through lib/storage.
//  3. Settings (.data/auth-secret, .env) are written where none exist yet.
// `--force` first empties a database that already holds tables (e.g. the demo).
import { createHash } from "node:crypto";
import {
  copyFileSync,
  createReadStream,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { fileStorage } from "@/lib/storage";
import { ensureAppDatabase } from "./app-database";
import { authSecretFile, envFile, FORMAT, tar, type Manifest } from "./backup/archive";
import { loadDatabase } from "./backup/database";
import { orExplain } from "./db";
import { runOrFail } from "./process";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file || !existsSync(file)) {
  console.error(
    file ? `[restore] ${file} does not exist.` : "usage: npm run restore -- <backup.tar.gz> [--force]",
  );
  process.exit(2);
}

// The archive holds the session-signing key (settings/auth-secret): anyone who can read it
// can sign in as anybody. Warn, but restore: the operator may be recovering in a hurry.
if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0)
  console.warn(
    `[restore] warning: ${file} can be read by other users of this machine, and it holds the session-signing key: \`chmod 600 ${file}\`, and consider changing AUTH_SECRET if others could have copied it.`,
  );

class RestoreRefused extends Error {}

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  return rows.map((r) => r.name);
}

const db = await orExplain(ensureAppDatabase());
const stage = mkdtempSync(path.join(os.tmpdir(), "tashil-restore-"));
let code = 0;
try {
  await tar(["-xzf", path.resolve(file), "-C", stage]);
  const manifestFile = path.join(stage, "manifest.json");
  if (!existsSync(manifestFile))
    throw new RestoreRefused(`${file} is not a Tashil backup (no manifest.json).`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== FORMAT)
    throw new RestoreRefused(`${file} has format ${manifest.format}; this version reads ${FORMAT}.`);

  // Check the attachments before touching the database: a damaged archive changes nothing.
  for (const a of manifest.attachments) {
    const bytes = readFileSync(path.join(stage, "attachments", a.key));
    if (createHash("sha256").update(bytes).digest("hex") !== a.sha256)
      throw new RestoreRefused(
        `attachment ${a.key} in the archive is damaged (SHA-256 differs); nothing was restored.`,
      );
  }

  const known = new Set(
    existsSync("prisma/migrations")
      ? readdirSync("prisma/migrations").filter((m) => m !== "migration_lock.toml")
      : [],
  );
  const unknown = manifest.database.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new RestoreRefused(
      `the backup was taken by a newer version of Tashil (migration ${unknown[0]} is not in this checkout): check out that version or a later one, then restore.`,
    );

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const existing = await publicTables(client);
    if (existing.length && !force)
      throw new RestoreRefused(
        `the database ${new URL(db.url).pathname.slice(1)} already holds ${existing.length} tables: restore into an empty database, or add --force to replace everything in it.`,
      );
    if (existing.length) {
      console.log("[restore] --force: emptying the database …");
      await client.query("drop schema if exists pgboss cascade");
      await client.query("drop schema public cascade");
      await client.query("create schema public");
    }
  } finally {
    await client.end();
  }

  // The schema exactly as it was when the backup was taken.
  const migrationsAtBackup = mkdtempSync(path.join(os.tmpdir(), "tashil-migrations-"));
  try {
    for (const m of manifest.database.migrations)
      cpSync(path.join("prisma/migrations", m), path.join(migrationsAtBackup, m), { recursive: true });
    copyFileSync(
      "prisma/migrations/migration_lock.toml",
      path.join(migrationsAtBackup, "migration_lock.toml"),
    );
    await runOrFail("prisma", ["migrate", "deploy"], {
      DATABASE_URL: db.url,
      PRISMA_MIGRATIONS_DIR: migrationsAtBackup,
    });
  } finally {
    rmSync(migrationsAtBackup, { recursive: true, force: true });
  }

  const loader = new pg.Client({ connectionString: db.url });
  await loader.connect();
  let loaded: Record<string, number>;
  try {
    loaded = await loadDatabase(loader, path.join(stage, "database.ndjson"));
  } finally {
    await loader.end();
  }
  for (const [table, n] of Object.entries(manifest.database.tables))
    if ((loaded[table] ?? 0) !== n)
      throw new Error(`${table}: ${loaded[table] ?? 0} rows loaded, ${n} expected`);

  if (manifest.database.migrations.length < known.size)
    await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: db.url });

  const storage = fileStorage();
  for (const a of manifest.attachments) {
    if (force) await storage.remove(a.key);
    await storage.putStream(a.key, createReadStream(path.join(stage, "attachments", a.key)));
  }

  for (const [name, target] of [
    ["auth-secret", authSecretFile()],
    ["env", envFile()],
  ] as const) {
    if (!manifest.settings.includes(name)) continue;
    const source = path.join(stage, "settings", name);
    if (existsSync(target) && readFileSync(target, "utf8") !== readFileSync(source, "utf8") && !force) {
      copyFileSync(source, `${target}.restored`);
      console.warn(`[restore] ${target} exists and differs: the backup's copy is in ${target}.restored`);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
  }

  const rows = Object.values(loaded).reduce((a, b) => a + b, 0);
  console.log(
    `[restore] ${file} (taken ${manifest.createdAt}): ${Object.keys(loaded).length} tables, ${rows} rows, ${manifest.attachments.length} attachments, settings: ${manifest.settings.join(", ") || "none"}`,
  );
} catch (err) {
  console.error(`[restore] ${err instanceof RestoreRefused ? "" : "failed: "}${(err as Error).message}`);
  if (process.env.DEBUG && !(err instanceof RestoreRefused)) console.error(err);
  code = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
  await db.stop();
}
process.exit(code);
