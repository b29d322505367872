import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { createObstacle } from "@/lib/obstacles/mutations";
import {
  createActor,
  createCategory,
  createCounty,
  createProvince,
  createUnit,
  t,
} from "../support/fixtures";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-route-"));

// The route reads the signed-in user from the Auth.js cookie; here the test chooses who it is.
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const { GET } = await import("@/app/api/attachments/[id]/route");

const asUser = (actor: Awaited<ReturnType<typeof createActor>>): SessionUser => ({
  ...actor,
  name: "x",
  locale: "fa",
});
const download = (id: string) =>
  GET(new Request(`http://test/api/attachments/${id}`), { params: Promise.resolve({ id }) });

let attachmentId: string;
let member: Awaited<ReturnType<typeof createActor>>;
let foreign: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  const provinceId = (await createProvince()).id;
  const countyId = (await createCounty(provinceId, "بم", "Bam")).id;
  const unit = await createUnit(provinceId, {
    countyId,
    name: "خرمای بم",
    sector: "AGRICULTURAL",
    status: "ACTIVE",
  });
  const category = await createCategory(`R-${provinceId}`, "گمرکی", "Customs");
  const secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a])], 'مجوز "صادرات".pdf');
  const { id } = await createObstacle(
    secretariat,
    { unitId: unit.id, categoryId: category.id, description: "توقف ترخیص محموله صادراتی" },
    [pdf],
    t,
  );
  attachmentId = (await db.attachment.findFirstOrThrow({ where: { obstacleId: id } })).id;
  member = await createActor(["MEMBER"], { provinceId });
  foreign = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
});

describe("GET /api/attachments/[id]", () => {
  it("sends the file as a download with a safe name and sniffing off", async () => {
    signedIn = asUser(member);
    const response = await download(attachmentId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="____ ______.pdf"; filename*=UTF-8''${encodeURIComponent("مجوز صادرات.pdf")}`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a]),
    );
  });

  it("answers 401 to a visitor and 404 to another province or an unknown id", async () => {
    signedIn = null;
    expect((await download(attachmentId)).status).toBe(401);
    signedIn = asUser(foreign);
    expect((await download(attachmentId)).status).toBe(404);
    signedIn = asUser(member);
    expect((await download("nope")).status).toBe(404);
  });
});
