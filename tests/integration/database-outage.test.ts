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
});
