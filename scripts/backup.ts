// `npm run backup [-- FILE]`: one archive with everything needed to bring Tashil back — the
// database (one consistent snapshot, taken while the app keeps serving), every attachment
// (read through lib/storage, so any storage backend works) and the settings kept outside
// the database (.data/auth-secret, .env). Default file: backups/tashil-<UTC time>.tar.gz.
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { fileStorage } from "@/lib/storage";
import { ensureAppDatabase } from "./app-database";
import { authSecretFile, envFile, FORMAT, tar, type Manifest } from "./backup/archive";
import { dumpDatabase } from "./backup/database";
import { orExplain } from "./db";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const out = path.resolve(process.argv[2] ?? path.join("backups", `tashil-${stamp}.tar.gz`));

const db = await orExplain(ensureAppDatabase());
const stage = mkdtempSync(path.join(os.tmpdir(), "tashil-backup-"));
let code = 0;
try {
  const started = Date.now();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let dump;
  try {
    dump = await dumpDatabase(client, path.join(stage, "database.ndjson"));
  } finally {
    await client.end();
  }

  // Files are written once and never changed (lib/storage), so reading them after the
  // snapshot gives exactly the bytes its rows describe.
  // Streamed file by file (a bucket may hold more than memory), hashed on the way.
  const storage = fileStorage();
  const attachments: Manifest["attachments"] = [];
  const missingAttachments: string[] = [];
  for (const key of dump.attachmentKeys) {
    const source = await storage.getStream(key);
    if (!source) {
      missingAttachments.push(key);
      continue;
    }
    const file = path.join(stage, "attachments", key);
    mkdirSync(path.dirname(file), { recursive: true });
    const hash = createHash("sha256");
    let size = 0;
    await pipeline(
      source,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(file),
    );
    attachments.push({ key, sha256: hash.digest("hex"), size });
  }

  const settings: string[] = [];
  mkdirSync(path.join(stage, "settings"));
  for (const [name, file] of [
    ["auth-secret", authSecretFile()],
    ["env", envFile()],
  ] as const)
    if (existsSync(file)) {
      copyFileSync(file, path.join(stage, "settings", name));
      settings.push(name);
    }

  const manifest: Manifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    database: { serverVersion: dump.serverVersion, migrations: dump.migrations, tables: dump.tables },
    attachments,
    missingAttachments,
    settings,
  };
  writeFileSync(path.join(stage, "manifest.json"), JSON.stringify(manifest, null, 2));
  mkdirSync(path.dirname(out), { recursive: true });
  // The archive holds the session-signing key and every attachment: readable by its owner
  // only. Created 0600 before tar opens it (tar keeps an existing file's mode), and set again
  // in case FILE already existed with a wider one.
  writeFileSync(out, "", { mode: 0o600 });
  chmodSync(out, 0o600);
  await tar(["-czf", out, "-C", stage, "."]);

  const rows = Object.values(dump.tables).reduce((a, b) => a + b, 0);
  console.log(
    `[backup] ${out}: ${Object.keys(dump.tables).length} tables, ${rows} rows, ${attachments.length} attachments (${storage.description}), settings: ${settings.join(", ") || "none"} (${Math.round(statSync(out).size / 1024)} KiB, ${Date.now() - started} ms)`,
  );
  if (missingAttachments.length)
    console.warn(
      `[backup] ${missingAttachments.length} attachment(s) listed in the database were not in storage`,
    );
  if (process.env.AUTH_SECRET && !settings.includes("auth-secret"))
    console.log("[backup] AUTH_SECRET comes from the environment: keep it with your other secrets.");
} catch (err) {
  console.error(`[backup] failed: ${(err as Error).message}`);
  rmSync(out, { force: true });
  code = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
  await db.stop();
}
process.exit(code);
