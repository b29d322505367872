// Object storage that stops answering (issue #31): a server that accepts connections and
// never replies, in this process. Before, an upload waited for it without end and the save
// happened after the user had given up; now every storage call is bounded, the user reads
// the outage message, nothing is recorded, and the log names storage, not the database.
import { createServer, type Socket } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createObstacle } from "@/lib/obstacles/mutations";
import { fileStorage, newStorageKey } from "@/lib/storage";
import { StorageUnavailableError } from "@/lib/storage/outage";
import {
  createActor,
  createCategory,
  createCounty,
  createProvince,
  createUnit,
  t,
} from "../support/fixtures";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const { GET } = await import("@/app/api/attachments/[id]/route");

const sockets: Socket[] = [];
const hung = createServer((socket) => {
  // Reads nothing and answers nothing: the storage server has hung.
  sockets.push(socket);
  socket.pause();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
  const address = hung.address();
  const port = typeof address === "object" && address ? address.port : 0;
  Object.assign(process.env, {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: "tashil-hung",
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "hung",
    S3_SECRET_ACCESS_KEY: "hung",
    S3_FORCE_PATH_STYLE: "1",
    // The default is 10 s; a shorter bound keeps the test quick and changes nothing else.
    STORAGE_TIMEOUT_MS: "1000",
  });
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => hung.close(resolve));
});

const pdf = (size: number) => {
  const bytes = new Uint8Array(size).map((_, i) => i % 251);
  bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]);
  return bytes;
};

describe("a hung object-storage server", () => {
  it("an upload answers with the outage message, records nothing, and is logged as storage", async () => {
    const provinceId = (await createProvince()).id;
    const countyId = (await createCounty(provinceId, "بم", "Bam")).id;
    const unit = await createUnit(provinceId, { countyId, name: "خرمای بم", status: "ACTIVE" });
    const category = await createCategory("T-HUNG");
    const secretariat = await createActor(["SECRETARIAT"], { provinceId });
    // The log lines (lib/observability/log.ts) go to stdout.
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    });
    const description = `ارز واردات ${randomUUID()}`;
    try {
      const result = await createObstacle(
        secretariat,
        { unitId: unit.id, categoryId: category.id, description },
        [new File([pdf(200_000)], "نامه.pdf", { type: "application/pdf" })],
        t,
      );
      expect(result).toMatchObject({ ok: false, message: t("errors.serviceUnavailable") });
      expect(await db.obstacle.count({ where: { description } })).toBe(0);
      const logged = written.join("");
      expect(logged).toMatch(/storage unavailable/);
      expect(logged).not.toMatch(/database unavailable/);
    } finally {
      stdout.mockRestore();
    }
  }, 30_000);

  it("every other storage call ends too, as a storage outage", async () => {
    const storage = fileStorage();
    await expect(storage.get(newStorageKey())).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.remove(newStorageKey())).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.put(newStorageKey(), pdf(100))).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.getStream(newStorageKey())).rejects.toBeInstanceOf(StorageUnavailableError);
  }, 30_000);

  it("a download answers 503 with Retry-After, in words", async () => {
    const provinceId = (await createProvince()).id;
    const countyId = (await createCounty(provinceId, "راور", "Ravar")).id;
    const unit = await createUnit(provinceId, { countyId, name: "زغال راور", status: "ACTIVE" });
    const category = await createCategory("T-HUNG2");
    const obstacle = await db.obstacle.create({
      data: {
        provinceId,
        unitId: unit.id,
        categoryId: category.id,
        description: "مانع",
        updatedAt: new Date(),
      },
    });
    const attachment = await db.attachment.create({
      data: {
        storageKey: newStorageKey(),
        fileName: "نامه.pdf",
        mimeType: "application/pdf",
        sizeBytes: 100,
        obstacleId: obstacle.id,
      },
    });
    signedIn = { ...(await createActor(["MEMBER"], { provinceId })), name: "x", locale: "fa" };
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const response = await GET(new Request(`http://test/api/attachments/${attachment.id}`), {
        params: Promise.resolve({ id: attachment.id }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBeTruthy();
      expect((await response.json()).detail).toBe(t("errors.serviceUnavailable"));
    } finally {
      stdout.mockRestore();
    }
  }, 30_000);
});
