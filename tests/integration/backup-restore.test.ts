// `npm run backup` while the app keeps writing, then `npm run restore` into a fresh database
// and a fresh storage directory: every table's rows and every attachment's bytes come back.
// Runs the two commands as an operator would (child processes), against real PostgreSQL.
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDirectoryStorage, newStorageKey } from "@/lib/storage";
import { recreateDatabase, withDatabaseName } from "@/scripts/db";
import { tableCounts } from "@/scripts/backup/database";

const serverUrl = withDatabaseName(process.env.DATABASE_URL ?? "", "postgres");
const prefix = process.env.TEST_DB_PREFIX ?? "tashil";
const sourceUrl = withDatabaseName(serverUrl, `${prefix}_backup_source`);
const targetUrl = withDatabaseName(serverUrl, `${prefix}_backup_target`);
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function command(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), args, {
      env: { ...process.env, PATH: `${path.resolve("node_modules/.bin")}:${process.env.PATH}`, ...env },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("backup and restore", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tashil-backup-test-"));
  const sourceStorage = path.join(dir, "uploads-source");
  const targetStorage = path.join(dir, "uploads-target");
  const archive = path.join(dir, "backup.tar.gz");
  const sourceSecret = path.join(dir, "auth-secret-source");
  const targetSecret = path.join(dir, "auth-secret-target");
  const originals = new Map<string, string>(); // storage key → SHA-256

  beforeAll(async () => {
    await recreateDatabase(serverUrl, `${prefix}_backup_source`);
    await recreateDatabase(serverUrl, `${prefix}_backup_target`);
    for (const step of [["node_modules/prisma/build/index.js", "migrate", "deploy"], ["prisma/seed.ts"]]) {
      const r = await command(step, { DATABASE_URL: sourceUrl });
      if (r.code !== 0) throw new Error(r.output);
    }
    // Attachments of several sizes on the demo's obstacles, through the storage module.
    const storage = new LocalDirectoryStorage(sourceStorage);
    await withClient(sourceUrl, async (c) => {
      const { rows } = await c.query<{ id: string }>(`select id from "Obstacle" order by id limit 5`);
      for (const [i, o] of rows.entries()) {
        const key = newStorageKey();
        const bytes = new Uint8Array(1000 * (i + 1) ** 3).map((_, j) => (j * (i + 7)) % 251);
        await storage.put(key, bytes);
        originals.set(key, sha256(bytes));
        await c.query(
          `insert into "Attachment" (id, "storageKey", "fileName", "mimeType", "sizeBytes", "obstacleId")
           values ($1, $2, $3, 'application/pdf', $4, $5)`,
          [randomUUID(), key, `سند-${i}.pdf`, bytes.length, o.id],
        );
      }
    });
    writeFileSync(sourceSecret, "a-session-key-kept-outside-the-database");
  }, 240_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await withClient(serverUrl, async (c) => {
      await c.query(`drop database if exists "${prefix}_backup_source" with (force)`);
      await c.query(`drop database if exists "${prefix}_backup_target" with (force)`);
    });
  });

  it("restores every row and every attachment byte of a snapshot taken while the app writes", async () => {
    const before = await withClient(sourceUrl, tableCounts);

    // "The app keeps serving": each transaction writes an audit event and a login attempt
    // together, as a sign-in does. A consistent snapshot holds as many of one as the other.
    let writing = true;
    let written = 0;
    const writer = withClient(sourceUrl, async (c) => {
      while (writing) {
        await c.query("begin");
        await c.query(
          `insert into "AuditEvent" (id, action, "entityType", "entityId") values (gen_random_uuid()::text, 'test.write', 'Test', 'x')`,
        );
        await c.query(
          `insert into "LoginAttempt" (id, email, success) values (gen_random_uuid()::text, 'writer@test.local', true)`,
        );
        await c.query("commit");
        written++;
      }
    });
    const backup = await command(["--conditions=react-server", "scripts/backup.ts", archive], {
      DATABASE_URL: sourceUrl,
      STORAGE_DIR: sourceStorage,
      AUTH_SECRET_FILE: sourceSecret,
    });
    writing = false;
    await writer;
    expect(backup.output).toContain("[backup]");
    expect(backup.code, backup.output).toBe(0);
    expect(written).toBeGreaterThan(0);
    // It holds the session-signing key: readable and writable by its owner only.
    expect((statSync(archive).mode & 0o777).toString(8)).toBe("600");

    const restore = await command(["--conditions=react-server", "scripts/restore.ts", archive], {
      DATABASE_URL: targetUrl,
      STORAGE_DIR: targetStorage,
      AUTH_SECRET_FILE: targetSecret,
    });
    expect(restore.output).toContain("[restore]");
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).not.toContain("can be read by other users");

    const restored = await withClient(targetUrl, tableCounts);
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", archive, "./manifest.json"], {
        encoding: "utf8",
      }),
    ) as { database: { tables: Record<string, number> } };
    // Every table, the same number of rows as the snapshot recorded.
    expect(restored).toEqual(manifest.database.tables);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(before).sort());
    for (const [table, n] of Object.entries(before))
      if (table !== "AuditEvent" && table !== "LoginAttempt") expect(restored[table], table).toBe(n);
    // Writes during the backup are in it wholly or not at all.
    const auditAdded = (restored.AuditEvent ?? 0) - (before.AuditEvent ?? 0);
    const loginsAdded = (restored.LoginAttempt ?? 0) - (before.LoginAttempt ?? 0);
    expect(auditAdded).toBe(loginsAdded);

    // Every attachment row finds its bytes, unchanged.
    const rows = await withClient(targetUrl, (c) =>
      c.query<{ storageKey: string }>(`select "storageKey" from "Attachment"`).then((r) => r.rows),
    );
    expect(rows).toHaveLength(originals.size);
    const target = new LocalDirectoryStorage(targetStorage);
    for (const { storageKey } of rows) {
      const bytes = await target.get(storageKey);
      expect(bytes, storageKey).not.toBeNull();
      expect(sha256(bytes ?? new Uint8Array()), storageKey).toBe(originals.get(storageKey));
    }
    expect(readFileSync(targetSecret, "utf8")).toBe("a-session-key-kept-outside-the-database");

    // The restored database is a working one: migrations recorded, a demo user signs in.
    await withClient(targetUrl, async (c) => {
      const { rows: users } = await c.query(`select 1 from "User" where email = 'secretariat@tashil.demo'`);
      expect(users).toHaveLength(1);
    });

    // A second restore into the now-filled database is refused in one sentence; an archive
    // others can read (copied with a careless umask) is named before anything else.
    chmodSync(archive, 0o644);
    const again = await command(["--conditions=react-server", "scripts/restore.ts", archive], {
      DATABASE_URL: targetUrl,
      STORAGE_DIR: targetStorage,
      AUTH_SECRET_FILE: targetSecret,
    });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds \d+ tables.*--force/);
    expect(again.output).toMatch(/can be read by other users of this machine.*chmod 600/);
  }, 240_000);
});
