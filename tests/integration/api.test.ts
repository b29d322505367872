import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { listResolutions } from "@/lib/resolutions/queries";
import { listUnits } from "@/lib/units/queries";
import { unitFiltersSchema } from "@/lib/units/schema";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { GET as listUnitsRoute, DELETE as deleteUnitsRoute } from "@/app/api/v1/units/route";
import { GET as listObstaclesRoute } from "@/app/api/v1/obstacles/route";
import { GET as listSessionsRoute } from "@/app/api/v1/sessions/route";
import { GET as listResolutionsRoute } from "@/app/api/v1/resolutions/route";
import { GET as getResolutionRoute } from "@/app/api/v1/resolutions/[id]/route";
import { GET as getReportsRoute, POST as postReportRoute } from "@/app/api/v1/resolutions/[id]/reports/route";
import {
  createActor,
  createAgency,
  createCategory,
  createCounty,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-api-"));

// The public API through its route handlers, as another system would call it: a bearer
// token, query strings, multipart bodies; answers read as JSON or problem+json.

type Province = {
  id: string;
  admin: Actor;
  bank: string;
  gas: string;
  meetingId: string;
  unitIds: string[];
  resolutionIds: string[];
};

async function seedProvince(tag: string): Promise<Province> {
  const id = (await createProvince()).id;
  const admin = await createActor(["ADMIN"], { provinceId: id });
  const bank = (await createAgency(id, `بانک ${tag}`)).id;
  const gas = (await createAgency(id, `گاز ${tag}`)).id;
  const countyId = (await createCounty(id, `شهر ${tag}`, tag)).id;
  const unitIds: string[] = [];
  for (const [i, status] of (["IDLE", "ACTIVE", "IDLE", "SEMI_ACTIVE"] as const).entries())
    unitIds.push(
      (await createUnit(id, { countyId, name: `واحد ${tag} ${i}`, status, employees: 10 + i })).id,
    );
  const category = await createCategory("T-API");
  await createObstacle(
    { id: unitIds[0] ?? "", provinceId: id },
    { categoryId: category.id, description: "امهال تسهیلات" },
  );
  const meetingId = (
    await createMeeting(id, { jalaliYear: 1404, number: 1, startsAt: new Date("2025-05-31"), status: "HELD" })
  ).id;
  const resolutionIds: string[] = [];
  // Overdue and not, for two agencies, so filters have something to tell apart.
  const deadlines = ["2020-01-10", "2020-02-10", "2099-01-10", "2020-03-10", "2099-02-10", "2020-04-10"];
  for (const [i, deadline] of deadlines.entries()) {
    const r = await createResolution(
      {
        provinceId: id,
        meetingId,
        unitId: unitIds[i % unitIds.length] ?? "",
        responsibleAgencyId: i % 2 === 0 ? bank : gas,
      },
      { text: `مصوبه ${tag} ${i}`, deadline },
    );
    resolutionIds.push(r.id);
  }
  return { id, admin, bank, gas, meetingId, unitIds, resolutionIds };
}

async function token(
  p: Province,
  scopes: ("READ" | "REPORT")[],
  agencyId: string | null = null,
  issuer: Actor = p.admin,
) {
  const result = await createApiToken(
    issuer,
    { name: "سامانه آزمون", scopes, agencyId: agencyId ?? "", expiresInDays: "30" },
    t,
  );
  expect(result.ok, result.message).toBe(true);
  return result.token ?? "";
}

const call = (
  handler: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>,
  url: string,
  secret: string | null,
  init: RequestInit & { lang?: string } = {},
  params: Record<string, string> = {},
) => {
  const headers = new Headers(init.headers);
  if (secret) headers.set("authorization", `Bearer ${secret}`);
  if (init.lang) headers.set("accept-language", init.lang);
  return handler(new Request(`http://test${url}`, { ...init, headers }), {
    params: Promise.resolve(params as never),
  });
};

/** Every row of a list, following nextCursor. */
async function all(
  handler: Parameters<typeof call>[0],
  url: string,
  secret: string,
): Promise<{ id: string }[]> {
  const rows: { id: string }[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const sep = url.includes("?") ? "&" : "?";
    const res = await call(handler, `${url}${cursor ? `${sep}cursor=${cursor}` : ""}`, secret);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
    rows.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error("pagination did not end");
}

const pdf = () =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "letter.pdf", { type: "application/pdf" });

let A: Province;
let B: Province;

beforeAll(async () => {
  A = await seedProvince("الف");
  B = await seedProvince("ب");
});

afterEach(() => {
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
});

describe("tokens: authentication, scopes, expiry, revocation", () => {
  it("refuses a request without a token as problem+json with a bearer challenge", async () => {
    const res = await call(listUnitsRoute, "/api/v1/units", null, { lang: "en" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 401, type: "/api/v1/problems/unauthorized" });
    expect(body.detail).toMatch(/No access token/);
  });

  it("answers in the caller's language (Accept-Language), Persian by default", async () => {
    const fa = await (await call(listUnitsRoute, "/api/v1/units", "tashil_nope")).json();
    const en = await (
      await call(listUnitsRoute, "/api/v1/units", "tashil_nope", { lang: "en-GB,en;q=0.9" })
    ).json();
    expect(fa.detail).toBe("توکن دسترسی معتبر نیست.");
    expect(en.detail).toBe("The access token is not valid.");
  });

  it("stores only a hash of the secret and shows when the token was last used", async () => {
    const secret = await token(A, ["READ"]);
    expect(await db.apiToken.count({ where: { tokenHash: { contains: secret } } })).toBe(0);
    const row = await db.apiToken.findFirstOrThrow({ where: { prefix: secret.slice(0, 13) } });
    expect(row.lastUsedAt).toBeNull();
    expect((await call(listUnitsRoute, "/api/v1/units", secret)).status).toBe(200);
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("a read token reads but cannot report; a reporting-only token cannot read lists", async () => {
    const reader = await token(A, ["READ"]);
    const reporter = await token(A, ["REPORT"], A.bank);
    expect((await call(listResolutionsRoute, "/api/v1/resolutions", reader)).status).toBe(200);
    const refused = await call(
      postReportRoute,
      `/api/v1/resolutions/${A.resolutionIds[0]}/reports`,
      reader,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: "IN_PROGRESS", note: "کار آغاز شده است و ادامه دارد." }),
        lang: "en",
      },
      { id: A.resolutionIds[0] ?? "" },
    );
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe("This token does not have the “REPORT” scope.");
    expect((await call(listUnitsRoute, "/api/v1/units", reporter)).status).toBe(403);
  });

  it("an expired token is refused", async () => {
    const secret = await token(A, ["READ"]);
    await db.apiToken.updateMany({
      where: { prefix: secret.slice(0, 13) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await call(listUnitsRoute, "/api/v1/units", secret, { lang: "en" });
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toBe("This token has expired.");
  });

  it("a revoked token is refused from then on, and the revocation is audited", async () => {
    const secret = await token(A, ["READ"]);
    expect((await call(listUnitsRoute, "/api/v1/units", secret)).status).toBe(200);
    const row = await db.apiToken.findFirstOrThrow({ where: { prefix: secret.slice(0, 13) } });
    // Another province's administrator cannot revoke it.
    expect((await revokeApiToken(B.admin, row.id, t)).ok).toBe(false);
    expect((await revokeApiToken(A.admin, row.id, t)).ok).toBe(true);
    const res = await call(listUnitsRoute, "/api/v1/units", secret, { lang: "en" });
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toBe("This token has been revoked.");
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "apiToken.revoke" } })).toBe(1);
  });

  it("an agency user issues tokens only for their own agency", async () => {
    const agencyUser = await createActor(["AGENCY"], { provinceId: A.id, agencyId: A.bank });
    const secret = await token(A, ["REPORT"], A.gas, agencyUser);
    const row = await db.apiToken.findFirstOrThrow({ where: { prefix: secret.slice(0, 13) } });
    // Whatever the form said, the token is the bank's.
    expect(row.agencyId).toBe(A.bank);
    const member = await createActor(["MEMBER"], { provinceId: A.id });
    const refused = await createApiToken(member, { name: "x y", scopes: ["READ"], expiresInDays: "30" }, t);
    expect(refused.ok).toBe(false);
    expect(refused.token).toBeUndefined();
  });

  it("counts requests per token and minute in PostgreSQL and answers 429 past the limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    const secret = await token(A, ["READ"]);
    const statuses: number[] = [];
    // Seven requests span at most two one-minute windows, so one window sees a fourth.
    for (let i = 0; i < 7; i++)
      statuses.push((await call(listSessionsRoute, "/api/v1/sessions", secret)).status);
    expect(statuses).toContain(429);
    const limited = await call(listSessionsRoute, "/api/v1/sessions", secret);
    if (limited.status === 429) expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // The Persian answer says its numbers in Persian digits (issue #30).
    const refused = statuses.includes(429) ? await call(listSessionsRoute, "/api/v1/sessions", secret) : null;
    if (refused?.status === 429) {
      const body = (await refused.json()) as { detail: string };
      expect(body.detail).toContain("۳");
      expect(body.detail).not.toMatch(/[0-9]/);
    }
  });
});

describe("province isolation", () => {
  it("a provincial token lists its province's rows only and cannot see another's", async () => {
    const secret = await token(A, ["READ"]);
    const ids = (await all(listResolutionsRoute, "/api/v1/resolutions?limit=200", secret)).map((r) => r.id);
    expect(ids.sort()).toEqual([...A.resolutionIds].sort());
    const units = (await all(listUnitsRoute, "/api/v1/units", secret)).map((u) => u.id);
    expect(units.sort()).toEqual([...A.unitIds].sort());
    const obstacles = await all(listObstaclesRoute, "/api/v1/obstacles", secret);
    expect(obstacles).toHaveLength(1);
    const elsewhere = B.resolutionIds[0] ?? "";
    const res = await call(
      getResolutionRoute,
      `/api/v1/resolutions/${elsewhere}`,
      secret,
      {},
      { id: elsewhere },
    );
    expect(res.status).toBe(404);
  });

  it("a reporting token cannot report on another province's or another agency's resolution", async () => {
    const reporter = await token(A, ["READ", "REPORT"], A.bank);
    const post = (id: string) =>
      call(
        postReportRoute,
        `/api/v1/resolutions/${id}/reports`,
        reporter,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "IN_PROGRESS", note: "پیگیری در حال انجام است." }),
        },
        { id },
      );
    expect((await post(B.resolutionIds[0] ?? "")).status).toBe(404);
    // Index 1 is the gas company's.
    expect((await post(A.resolutionIds[1] ?? "")).status).toBe(403);
    expect(
      await db.progressReport.count({
        where: { resolutionId: { in: [B.resolutionIds[0] ?? "", A.resolutionIds[1] ?? ""] } },
      }),
    ).toBe(0);
  });
});

describe("the API and the UI list the same rows", () => {
  it("resolutions: one agency's overdue ones, and a deadline range", async () => {
    const secret = await token(A, ["READ"]);
    const member = await createActor(["MEMBER"], { provinceId: A.id });
    const cases = [
      { api: `agencyId=${A.bank}&overdue=true`, ui: { agencyId: A.bank, overdue: "1" } },
      { api: "from=2020-02-01&to=2020-12-31", ui: { from: "1398/11/12", to: "1399/10/11" } },
      { api: "status=ISSUED", ui: { status: "ISSUED" } },
    ];
    for (const c of cases) {
      const apiIds = (await all(listResolutionsRoute, `/api/v1/resolutions?limit=2&${c.api}`, secret)).map(
        (r) => r.id,
      );
      const filters = resolutionFilterSchema.parse(c.ui);
      const ui = await listResolutions(member, filters);
      expect(ui.total).toBe(apiIds.length);
      expect(apiIds.sort()).toEqual(ui.items.map((r) => r.id).sort());
      expect(apiIds.length).toBeGreaterThan(0);
    }
  });

  it("units: by operating status", async () => {
    const secret = await token(A, ["READ"]);
    const member = await createActor(["MEMBER"], { provinceId: A.id });
    const apiIds = (await all(listUnitsRoute, "/api/v1/units?status=IDLE&limit=1", secret)).map((u) => u.id);
    const ui = await listUnits(member, unitFiltersSchema.parse({ status: "IDLE" }));
    expect(apiIds).toHaveLength(2);
    expect(apiIds.sort()).toEqual(ui.units.map((u) => u.id).sort());
  });

  it("refuses a malformed filter instead of ignoring it, naming the field", async () => {
    const secret = await token(A, ["READ"]);
    const res = await call(listResolutionsRoute, "/api/v1/resolutions?status=LOST&limit=0", secret, {
      lang: "en",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors).sort()).toEqual(["limit", "status"]);
    expect(body.errors.status).toEqual([
      "This value is not accepted; the OpenAPI document lists the allowed values.",
    ]);
    // A misspelt parameter is not silently ignored either (it would widen the result).
    const typo = await call(listResolutionsRoute, "/api/v1/resolutions?agency=x", secret);
    expect(typo.status).toBe(400);
    expect(Object.keys((await typo.json()).errors)).toEqual(["agency"]);
  });
});

describe("cursor pagination", () => {
  it("is stable while rows are added: nothing repeats, nothing is skipped", async () => {
    const secret = await token(A, ["READ"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const res = await call(
        listResolutionsRoute,
        `/api/v1/resolutions?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        secret,
      );
      const page = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
      // Another system (or the secretariat) adds resolutions between our requests, with ids
      // that sort both before and after the page we are on.
      for (const id of [`a${added}`, `zz${added}`]) {
        await createResolution(
          {
            provinceId: A.id,
            meetingId: A.meetingId,
            unitId: A.unitIds[0] ?? "",
            responsibleAgencyId: A.bank,
          },
          { id: `${id}-${A.id}`, text: "مصوبه افزوده", deadline: "2030-01-01" },
        );
      }
      added++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of A.resolutionIds) expect(seen).toContain(id);
    // Clean up, so other tests of this file see the province as seeded.
    await db.resolution.deleteMany({ where: { provinceId: A.id, text: "مصوبه افزوده" } });
  });

  it("refuses a cursor it did not make", async () => {
    const secret = await token(A, ["READ"]);
    const res = await call(listUnitsRoute, "/api/v1/units?cursor=%25%25%25", secret);
    expect(res.status).toBe(400);
  });
});

describe("an agency's system reports on its resolutions", () => {
  it("posts progress, then a done report with evidence; both land as the inbox's would", async () => {
    const secret = await token(A, ["READ", "REPORT"], A.bank);
    const id = A.resolutionIds[2] ?? "";
    const progress = await call(
      postReportRoute,
      `/api/v1/resolutions/${id}/reports`,
      secret,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: "IN_PROGRESS", note: "پرونده به کمیته امهال ارسال شد." }),
      },
      { id },
    );
    expect(progress.status).toBe(201);
    const afterProgress = await progress.json();
    expect(afterProgress).toMatchObject({ status: "IN_PROGRESS", version: 2 });

    // Done without evidence: refused, per field, in English when asked.
    const noEvidence = new FormData();
    noEvidence.set("status", "DONE_REPORTED");
    noEvidence.set("note", "امهال اقساط انجام و به واحد ابلاغ شد.");
    const refused = await call(
      postReportRoute,
      `/api/v1/resolutions/${id}/reports`,
      secret,
      { method: "POST", body: noEvidence, lang: "en" },
      { id },
    );
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors.evidence).toBeDefined();

    const done = new FormData();
    done.set("status", "DONE_REPORTED");
    done.set("note", "امهال اقساط انجام و به واحد ابلاغ شد.");
    done.set("version", "2");
    done.append("evidence", pdf());
    const res = await call(
      postReportRoute,
      `/api/v1/resolutions/${id}/reports`,
      secret,
      { method: "POST", body: done },
      { id },
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.status).toBe("DONE_REPORTED");
    expect(body.progressReports[0].attachments[0].fileName).toBe("letter.pdf");
    // The issuer answers for the token: the report and the audit trail carry their id.
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "resolution.report" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.actorId).toBe(A.admin.id);

    // A stale version is a conflict.
    const stale = await call(
      postReportRoute,
      `/api/v1/resolutions/${id}/reports`,
      secret,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: "IN_PROGRESS", note: "گزارش با نسخه قدیمی.", version: 1 }),
      },
      { id },
    );
    expect(stale.status).toBe(409);
  });

  it("refuses a body that is neither multipart nor JSON", async () => {
    const secret = await token(A, ["REPORT"], A.bank);
    const id = A.resolutionIds[0] ?? "";
    const res = await call(
      postReportRoute,
      `/api/v1/resolutions/${id}/reports`,
      secret,
      { method: "POST", headers: { "content-type": "text/plain" }, body: "done" },
      { id },
    );
    expect(res.status).toBe(415);
  });

  it("a retried report with the same Idempotency-Key creates nothing new (issue #31)", async () => {
    const secret = await token(A, ["READ", "REPORT"], A.bank);
    const id = A.resolutionIds[4] ?? "";
    const key = "7d0f4a52-3b1e-4c2d-9a8b-1f2e3d4c5b6a";
    const send = (idempotencyKey: string | null, note: string) =>
      call(
        postReportRoute,
        `/api/v1/resolutions/${id}/reports`,
        secret,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
          },
          // No version: the client leaves it to the server, as a simple integration would.
          body: JSON.stringify({ status: "IN_PROGRESS", note }),
        },
        { id },
      );
    const reports = () => db.progressReport.count({ where: { resolutionId: id } });

    const first = await send(key, "نامه به شعبه مرکزی فرستاده شد.");
    expect(first.status).toBe(201);
    expect(await reports()).toBe(1);
    // The answer was lost; the client sends the same report again with the same key.
    const retry = await send(key, "نامه به شعبه مرکزی فرستاده شد.");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((await retry.json()).version).toBe(2);
    expect(await reports()).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "resolution.report" } })).toBe(1);

    // A new key is a new report; a key that is not a UUID is refused before anything is read.
    expect((await send("7d0f4a52-3b1e-4c2d-9a8b-000000000001", "پیگیری دوم.")).status).toBe(201);
    expect(await reports()).toBe(2);
    const bad = await send("retry-1", "پیگیری سوم.");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect((await bad.json()).errors["Idempotency-Key"]).toBeDefined();
    expect(await reports()).toBe(2);
  });
});

describe("answers in the API's own terms (issue #31)", () => {
  it("a method an address does not answer is a problem+json 405 naming the ones it does", async () => {
    const secret = await token(A, ["READ"]);
    const res = await call(deleteUnitsRoute, "/api/v1/units", secret, { method: "DELETE", lang: "en" });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await res.json()).toMatchObject({
      type: "/api/v1/problems/method-not-allowed",
      status: 405,
      detail: "This address answers only GET, HEAD, OPTIONS.",
    });
    const get = await call(getReportsRoute, `/api/v1/resolutions/x/reports`, null, { method: "GET" });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await get.json()).detail).toMatch(/POST/);
  });
});
