// Attachments in S3-compatible object storage: a real S3 server (s3rver) over HTTP, the
// official SDK, the real upload path (createObstacle), the real download route and the real
// backup command. What an operator who sets S3_BUCKET gets.
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { normalizeText } from "@/lib/i18n/normalize";
import { createObstacle } from "@/lib/obstacles/mutations";
import { fileStorage, newStorageKey, S3Storage } from "@/lib/storage";
import { recreateDatabase, withDatabaseName } from "@/scripts/db";
import { createActor, createProvince, t } from "../support/fixtures";
import { startLocalS3, type LocalS3 } from "../support/s3";

// The route reads the signed-in user from the Auth.js cookie; here the test chooses who it is.
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const { GET } = await import("@/app/api/attachments/[id]/route");

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
/** A PDF (by its first bytes) larger than one 5 MB part, so the upload is a multipart one. */
const bigPdf = () => {
  const bytes = new Uint8Array(7 * 1024 * 1024).map((_, i) => (i * 31) % 251);
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]);
  return bytes;
};

let s3: LocalS3;
let client: S3Client;
let provinceId: string;
let unitId: string;
let categoryId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;

/** A script run as an operator would, with the S3 settings of this file; its output. */
function command(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), args, { env: { ...process.env, ...env } });
    let text = "";
    child.stdout.on("data", (c: Buffer) => (text += c));
    child.stderr.on("data", (c: Buffer) => (text += c));
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(text))));
  });
}

const s3SettingsFromTest = () => ({
  endpoint: s3.env.S3_ENDPOINT,
  region: s3.env.S3_REGION,
  bucket: s3.env.S3_BUCKET,
  credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY },
  forcePathStyle: true,
});

const objectKeys = async () =>
  ((await client.send(new ListObjectsV2Command({ Bucket: s3.env.S3_BUCKET }))).Contents ?? []).map(
    (o) => o.Key,
  );

beforeAll(async () => {
  s3 = await startLocalS3();
  // The backend is chosen from the environment at first use.
  Object.assign(process.env, s3.env);
  client = new S3Client({
    endpoint: s3.env.S3_ENDPOINT,
    region: s3.env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY },
  });
  provinceId = (await createProvince()).id;
  const county = await db.county.create({ data: { provinceId, nameFa: "سیرجان", nameEn: "Sirjan" } });
  unitId = (
    await db.productionUnit.create({
      data: {
        provinceId,
        countyId: county.id,
        name: "فولاد سیرجان",
        nameNormalized: normalizeText("فولاد سیرجان"),
        sector: "INDUSTRIAL",
        status: "ACTIVE",
      },
    })
  ).id;
  categoryId = (
    await db.obstacleCategory.create({
      data: { code: `S3-${provinceId.slice(-6)}`, nameFa: "ارزی", nameEn: "Currency" },
    })
  ).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
});

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

describe("attachments in S3-compatible storage", () => {
  it("stores an upload in the bucket and serves it back through the attachment route", async () => {
    expect(fileStorage().description).toBe(`s3 ${s3.env.S3_ENDPOINT}/${s3.env.S3_BUCKET}`);
    const bytes = bigPdf();
    const { id } = await createObstacle(
      secretariat,
      { unitId, categoryId, description: "تأخیر در تخصیص ارز واردات قطعات" },
      [new File([bytes], "پروفرما.pdf", { type: "application/octet-stream" })],
      t,
    );
    const attachment = await db.attachment.findFirstOrThrow({ where: { obstacleId: id } });
    expect(attachment.sizeBytes).toBe(bytes.byteLength);
    expect(await objectKeys()).toContain(attachment.storageKey);

    signedIn = { ...(await createActor(["MEMBER"], { provinceId })), name: "x", locale: "fa" };
    const response = await GET(new Request(`http://test/api/attachments/${attachment.id}`), {
      params: Promise.resolve({ id: attachment.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("پروفرما.pdf"));
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(bytes));
  });

  it("leaves nothing in the bucket when the transaction that records the upload fails", async () => {
    const before = await objectKeys();
    // The unit does not exist: the files are stored, then the transaction refuses the record.
    const result = await createObstacle(
      secretariat,
      { unitId: randomUUID(), categoryId, description: "ثبت روی واحدی که نیست" },
      [new File([bigPdf()], "الف.pdf"), new File([bigPdf().subarray(0, 2000)], "ب.pdf")],
      t,
    );
    expect(result.ok).toBe(false);
    expect(await objectKeys()).toEqual(before);
  });

  it("stores nothing from a stream that breaks halfway", async () => {
    const before = await objectKeys();
    const key = newStorageKey();
    async function* breaking() {
      yield Buffer.alloc(6 * 1024 * 1024, 1);
      throw new Error("the client went away");
    }
    await expect(fileStorage().putStream(key, Readable.from(breaking()))).rejects.toThrow(
      "the client went away",
    );
    expect(await fileStorage().getStream(key)).toBeNull();
    expect(await objectKeys()).toEqual(before);
  });

  it("is covered by backup and restore: the archive holds the bucket's bytes, restore puts them back", async () => {
    const bytes = bigPdf().subarray(0, 4096);
    const { id } = await createObstacle(
      secretariat,
      { unitId, categoryId, description: "سند برای پشتیبان" },
      [new File([bytes], "پشتیبان.pdf")],
      t,
    );
    const { storageKey } = await db.attachment.findFirstOrThrow({ where: { obstacleId: id } });
    const dir = mkdtempSync(path.join(tmpdir(), "tashil-s3-backup-"));
    const archive = path.join(dir, "backup.tar.gz");
    const restoreDb = `${process.env.TEST_DB_PREFIX ?? "tashil"}_s3_restore`;
    const serverUrl = withDatabaseName(process.env.DATABASE_URL ?? "", "postgres");
    try {
      const backup = await command(["--conditions=react-server", "scripts/backup.ts", archive], {
        AUTH_SECRET_FILE: path.join(dir, "no-secret"),
      });
      expect(backup).toContain(`(s3 ${s3.env.S3_ENDPOINT}/${s3.env.S3_BUCKET})`);
      const archived = execFileSync("tar", ["-xzOf", archive, `./attachments/${storageKey}`]);
      expect(sha256(archived)).toBe(sha256(bytes));

      // Into an empty database and an empty bucket of the same S3 service.
      await recreateDatabase(serverUrl, restoreDb);
      await client.send(new CreateBucketCommand({ Bucket: "tashil-restored" }));
      await command(["--conditions=react-server", "scripts/restore.ts", archive], {
        DATABASE_URL: withDatabaseName(serverUrl, restoreDb),
        S3_BUCKET: "tashil-restored",
        AUTH_SECRET_FILE: path.join(dir, "restored-secret"),
      });
      const restored = new S3Storage({ ...s3SettingsFromTest(), bucket: "tashil-restored" });
      expect(sha256((await restored.get(storageKey)) ?? new Uint8Array())).toBe(sha256(bytes));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists "${restoreDb}" with (force)`);
      await admin.end();
    }
  }, 240_000);
});
