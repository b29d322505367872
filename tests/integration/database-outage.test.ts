// A database outage gets a clear answer — server actions and sign-in a localised
// "temporarily unavailable; nothing was saved", routes 503 — and the app recovers without a
// restart. The app's own Prisma client talks to the real PostgreSQL through a TCP relay
// the test cuts and restores (tests/support/database-outage.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { startDatabaseRelay } from "../support/database-outage";

const directUrl = process.env.DATABASE_URL ?? "";
const relay = await startDatabaseRelay(directUrl);
// Before anything imports lib/db: its one client is made from DATABASE_URL.
process.env.DATABASE_URL = relay.url;

// Requests' cookies and the signed-in user come from Next.js, which tests do not run; the
// user lookup still goes to the database (through the relay) as the real one does.
let signedInId: string | null = null;
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", async () => {
  const { db } = await import("@/lib/db");
  return {
    getCurrentUser: async () => {
      if (!signedInId) return null;
      const user = await db.user.findUniqueOrThrow({ where: { id: signedInId } });
      return { ...user, locale: "fa" as const };
    },
  };
});

const { createUnit } = await import("@/lib/units/mutations");
const { createUnitAction } = await import("@/lib/units/actions");
const { authorizeSignIn } = await import("@/lib/auth/credentials");
const { GET: exportUnits } = await import("@/app/api/units/export/route");
const { GET: health } = await import("@/app/api/health/route");
const { GET: apiUnits } = await import("@/app/api/v1/units/route");
const { createApiToken } = await import("@/lib/api/tokens");
const { createPrismaClient } = await import("@/lib/db");
const { mutation } = await import("@/lib/mutation");
const { OUTAGE_DIGEST } = await import("@/lib/http/outage-digest");
const { createActor, createCounty, createProvince, t } = await import("../support/fixtures");

const UNAVAILABLE_FA = t("errors.serviceUnavailable");
let provinceId: string;
let countyId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;

/** This file's units, counted on a direct connection past the relay: what really is stored. */
async function unitsNamed(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: directUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from "ProductionUnit" where name = $1 and "provinceId" = $2`,
      [name, provinceId],
    );
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

const unitForm = (name: string) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ name, sector: "INDUSTRIAL", countyId, status: "ACTIVE" }))
    form.set(k, v);
  return form;
};

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  countyId = (await createCounty(provinceId, "بردسیر", "Bardsir")).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId, password: "outage-test-password" });
});
afterAll(async () => {
  relay.restore();
  await relay.close();
});

describe("during a database outage", () => {
  it("a mutation answers 'temporarily unavailable; nothing was saved', saves nothing, and works once the database is back", async () => {
    relay.cut();
    const during = await createUnit(
      secretariat,
      { name: "کارخانه در قطعی", sector: "INDUSTRIAL", countyId, status: "ACTIVE" },
      t,
    );
    expect(during).toEqual({ ok: false, message: UNAVAILABLE_FA });
    expect(await unitsNamed("کارخانه در قطعی")).toBe(0);

    relay.restore();
    const after = await createUnit(
      secretariat,
      { name: "کارخانه پس از قطعی", sector: "INDUSTRIAL", countyId, status: "ACTIVE" },
      t,
    );
    expect(after.ok).toBe(true);
    expect(await unitsNamed("کارخانه پس از قطعی")).toBe(1);
  });

  it("a server action answers the same, with the form's values, even when looking up the user fails", async () => {
    signedInId = secretariat.id;
    relay.cut();
    const result = await createUnitAction({ ok: false }, unitForm("واحد فرم در قطعی"));
    expect(result).toMatchObject({
      ok: false,
      message: UNAVAILABLE_FA,
      values: { name: "واحد فرم در قطعی" },
    });
    expect(await unitsNamed("واحد فرم در قطعی")).toBe(0);
    relay.restore();
  });

  it("sign-in says the service is unavailable (not 'wrong password', not Auth.js's Configuration page), then signs in", async () => {
    relay.cut();
    await expect(
      authorizeSignIn({ email: secretariat.email, password: "outage-test-password" }, "10.1.1.1"),
    ).rejects.toMatchObject({ code: "unavailable" });
    relay.restore();
    await expect(
      authorizeSignIn({ email: secretariat.email, password: "outage-test-password" }, "10.1.1.1"),
    ).resolves.toMatchObject({ email: secretariat.email });
  });

  it("a route answers 503 with a localised problem document and Retry-After, then 200", async () => {
    signedInId = secretariat.id;
    const request = () =>
      new Request("http://test/api/units/export", { headers: { "accept-language": "en" } });
    relay.cut();
    const down = await exportUnits(request(), { params: Promise.resolve({}) });
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("10");
    expect(await down.json()).toMatchObject({
      status: 503,
      detail: expect.stringContaining("nothing was saved"),
    });
    expect((await health()).status).toBe(503);

    relay.restore();
    expect((await exportUnits(request(), { params: Promise.resolve({}) })).status).toBe(200);
    expect((await health()).status).toBe(200);
  });

  it("/api/v1 answers 503 problem+json with Retry-After, not 500 (issue #31)", async () => {
    const admin = await createActor(["ADMIN"], { provinceId });
    const created = await createApiToken(
      admin,
      { name: "سامانه قطعی", scopes: ["READ"], agencyId: "", expiresInDays: "30" },
      t,
    );
    const request = () =>
      new Request("http://test/api/v1/units", {
        headers: { authorization: `Bearer ${created.token ?? ""}`, "accept-language": "en" },
      });
    relay.cut();
    const down = await apiUnits(request(), { params: Promise.resolve({}) });
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("10");
    expect(down.headers.get("content-type")).toContain("application/problem+json");
    expect(await down.json()).toMatchObject({ status: 503, type: "/api/v1/problems/service-unavailable" });
    relay.restore();
    expect((await apiUnits(request(), { params: Promise.resolve({}) })).status).toBe(200);
  });
});

describe("every pooled connection busy (issue #31)", () => {
  it("waiting past the bound is an outage answer, not 'something unexpected', and a page's error says so", async () => {
    // One connection, held by a slow transaction: the next ones cannot get it in time.
    process.env.DB_POOL_SIZE = "1";
    const busy = createPrismaClient(directUrl, 300);
    delete process.env.DB_POOL_SIZE;
    const holding = busy.$transaction(
      async (tx) => {
        await tx.$executeRaw`select pg_sleep(1.5)`;
      },
      { timeout: 10_000 },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // A save: the transaction cannot start within its wait (Prisma's P2028).
      const saved = await mutation(t, () => busy.$transaction(async () => ({ ok: true }), { maxWait: 200 }));
      expect(saved).toEqual({ ok: false, message: UNAVAILABLE_FA });
      // A page's read: the pool's own wait runs out; the error carries the page's outage mark.
      const read = await busy.user.count().then(
        () => null,
        (err: unknown) => err,
      );
      expect(read).toMatchObject({ digest: OUTAGE_DIGEST });
    } finally {
      await holding;
      await busy.$disconnect();
    }
  });
});
