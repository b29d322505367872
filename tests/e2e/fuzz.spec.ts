import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { sessionCookie } from "./session";
import { closeE2eDb } from "./db";

// Malformed input against every server action and route handler of the production build
// (issue #14): no answer may be a 5xx, and nothing may be half-written — every record the
// fuzz managed to change has its audit event, and no stored text holds a control character.
//
// The fuzz works in a province of its own with users of its own, so whatever it manages to
// change (sign-outs, a language switch, archived units) never touches the demo data the other
// specs read; it connects from 127.0.0.2 so its failed sign-ins count against that address.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://127.0.0.2:${PORT}`;
const PASSWORD = "Fuzz-e2e-password-1404";
// Made on first use and again after afterAll: Playwright may run this file's tests in one worker
// in more than one batch, with afterAll after each, and a pool ended by the first batch failed
// the next ("Cannot use a pool after calling end on the pool").
let openPool: pg.Pool | null = null;
const pool = () => (openPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }));
test.afterAll(async () => {
  const ended = openPool;
  openPool = null;
  await ended?.end();
});
// sessionCookie reads the user through the typed client (an applicant's minted session).
test.afterAll(() => closeE2eDb());

/** A lone surrogate cannot be percent-encoded; send its (invalid) UTF-8 bytes instead. */
const encodeSegment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
};

/** A small seeded generator: a failure names its seed and can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

const FIELDS = [
  "id",
  "version",
  "name",
  "nameFa",
  "nameEn",
  "email",
  "password",
  "roles",
  "agencyId",
  "provinceId",
  "locale",
  "active",
  "q",
  "page",
  "unitId",
  "meetingId",
  "itemId",
  "obstacleId",
  "obstacleIds",
  "agencyIds",
  "status",
  "toStatus",
  "from",
  "to",
  "note",
  "reason",
  "text",
  "description",
  "countyId",
  "sector",
  "activity",
  "industrialPark",
  "employees",
  "capacityUsePct",
  "managerName",
  "phone",
  "address",
  "nationalId",
  "confirmDuplicate",
  "categoryId",
  "subCategoryId",
  "amountRials",
  "kind",
  "headName",
  "headTitle",
  "headMobile",
  "mobile",
  "channel",
  "code",
  "smsOptIn",
  "date",
  "time",
  "place",
  "bodyKind",
  "body",
  "year",
  "changedOn",
  "decision",
  "extensionId",
  "newDeadline",
  "deadline",
  "responsibleAgencyId",
  "presenter",
  "outcome",
  "mode",
  "attendeeName",
  "amendmentReason",
  "enabled",
  "payload",
  "position",
  "direction",
  // Issue #36: steps, progress, money, status-change causes, the outcome settings.
  "title",
  "dueOn",
  "amount",
  "progressPct",
  "moneyMovement",
  "moneyOn",
  "moneyKind",
  "cause",
  "days",
  "emails",
  "done:x",
  // The applicant's door and the intake (issue #32).
  "requestId",
  "trackingCode",
  "unitNationalId",
  "nationalCode",
  "unitName",
  "operatingStatus",
  "declaration",
  "message",
  "target",
  "unit",
  "code",
  "files",
] as const;

type Ids = Record<
  | "province"
  | "unit"
  | "meeting"
  | "item"
  | "resolution"
  | "obstacle"
  | "agency"
  | "user"
  | "county"
  | "request",
  string
>;

function values(ids: Ids): string[] {
  const real = Object.values(ids);
  return [
    "\u0000",
    "a\u0000b",
    "\u0001\u0002\u0003\u001f\u007f",
    "\u202eخطر",
    "\u0085\u009f",
    "x".repeat(100_000),
    "",
    " ",
    "1e308",
    "-1",
    "NaN",
    "Infinity",
    "0",
    "99999999999999999999",
    "2147483648",
    "[]",
    "{}",
    "null",
    "undefined",
    "' OR 1=1 --",
    '"; DROP TABLE "User"; --',
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "$K1",
    "$@0",
    "$F1",
    "$Q1",
    "$T",
    "\ud800",
    "۱۴۰۴/۱۳/۴۰",
    "1404/02/31",
    "true",
    "on",
    "ADMIN",
    "DONE_REPORTED",
    "🏭".repeat(50),
    "%00",
    "%ZZ",
    "\r\n\r\n--boundary",
    ...real,
    ...real.map((id) => `${id}\u0000`),
  ];
}

type Action = { id: string; label: string; path: string };

/** Every server action of the build, each with a page that serves it. */
function serverActions(ids: Ids): Action[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const pages = Object.keys(entry.workers).sort((a, b) => a.length - b.length);
    const route = (pages[0] ?? "app/(app)/page")
      .replace(/^app/, "")
      .replace(/\/\([^)]*\)/g, "")
      .replace(/\/page$/, "")
      .replace(/\/(\w+)\/\[id\]/g, (_m, seg: string) => {
        const real = {
          units: ids.unit,
          meetings: ids.meeting,
          resolutions: ids.resolution,
          agencies: ids.agency,
          users: ids.user,
          requests: ids.request,
          intake: ids.request,
        }[seg];
        return `/${seg}/${real ?? "x"}`;
      });
    return { id, label: `${entry.filename}#${entry.exportedName}`, path: route || "/" };
  });
}

/** One malformed request to a server action: the envelope or the fields or both are wrong. */
function actionRequest(
  rand: ReturnType<typeof prng>,
  ids: Ids,
): { headers: Record<string, string>; body: Buffer | string } {
  const v = () => rand.pick(values(ids));
  const kind = rand.next();
  if (kind < 0.6) {
    // React's own encoding (`encodeReply`): "0" holds the arguments, "1_<field>" the form.
    const boundary = `----fuzz${Math.floor(rand.next() * 1e9)}`;
    const parts: [string, string][] = [
      [
        "0",
        rand.pick([
          '[{"ok":false},"$K1"]',
          '["$K1"]',
          '[{"ok":false},"$K1"]',
          '["$K9"]',
          "[",
          '[{"ok":"$K1"}]',
          JSON.stringify([v(), v()]),
        ]),
      ],
    ];
    const n = 1 + Math.floor(rand.next() * 8);
    for (let i = 0; i < n; i++) parts.push([`1_${rand.pick(FIELDS)}`, v()]);
    if (rand.next() < 0.2) parts.push([rand.pick(["1_$ACTION_ID_x", "$ACTION_REF_1", "1_"]), v()]);
    const body =
      parts
        .map(
          ([name, value]) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        )
        .join("") + (rand.next() < 0.9 ? `--${boundary}--\r\n` : "");
    return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body };
  }
  if (kind < 0.85) {
    // Plain-text arguments, as React sends when no FormData is involved.
    return {
      headers: { "content-type": "text/plain;charset=UTF-8" },
      body: rand.pick([
        JSON.stringify([v()]),
        JSON.stringify([v(), { x: v() }]),
        v(),
        "[".repeat(5000),
        '{"__proto__":{"x":1}}',
      ]),
    };
  }
  return {
    headers: {
      "content-type": rand.pick([
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/plain",
      ]),
    },
    body: Buffer.from(
      Array.from({ length: Math.floor(rand.next() * 2000) }, () => Math.floor(rand.next() * 256)),
    ),
  };
}

async function fuzzProvince(): Promise<{ ids: Ids; emails: string[] }> {
  const code = `FZ-${randomUUID().slice(0, 6)}`;
  const id = () => `fz-${randomUUID()}`;
  const ids = {
    province: id(),
    county: id(),
    agency: id(),
    body: id(),
    meeting: id(),
    unit: id(),
    obstacle: id(),
    item: id(),
    resolution: id(),
    user: id(),
    request: id(),
  };
  const q = (sql: string, params: unknown[]) => pool().query(sql, params);
  await q(
    `INSERT INTO "Province" (id, code, "nameFa", "nameEn") VALUES ($1, $2, 'استان آزمون', 'Fuzz province')`,
    [ids.province, code],
  );
  await q(
    `INSERT INTO "County" (id, "provinceId", "nameFa", "nameEn") VALUES ($1, $2, 'شهرستان آزمون', 'Fuzz county')`,
    [ids.county, ids.province],
  );
  await q(
    `INSERT INTO "Agency" (id, "provinceId", kind, "nameFa", "nameEn", "nameNormalized", "updatedAt") VALUES ($1, $2, 'BANK', 'بانک آزمون', 'Fuzz bank', 'بانک آزمون', now())`,
    [ids.agency, ids.province],
  );
  await q(
    `INSERT INTO "Body" (id, "provinceId", kind, "nameFa", "nameEn") VALUES ($1, $2, 'WORKING_GROUP', 'کارگروه آزمون', 'Fuzz group')`,
    [ids.body, ids.province],
  );
  await q(
    `INSERT INTO "Meeting" (id, "provinceId", "bodyId", "jalaliYear", number, "startsAt", "updatedAt") VALUES ($1, $2, $3, 1404, 1, now() + interval '3 days', now())`,
    [ids.meeting, ids.province, ids.body],
  );
  await q(
    `INSERT INTO "ProductionUnit" (id, "provinceId", "countyId", name, "nameNormalized", sector, status, "updatedAt") VALUES ($1, $2, $3, 'واحد آزمون', 'واحد آزمون', 'INDUSTRIAL', 'IDLE', now())`,
    [ids.unit, ids.province, ids.county],
  );
  await q(
    `INSERT INTO "Obstacle" (id, "provinceId", "unitId", "categoryId", description, "updatedAt") SELECT $1, $2, $3, id, 'مانع آزمون فاز', now() FROM "ObstacleCategory" WHERE "parentId" IS NULL LIMIT 1`,
    [ids.obstacle, ids.province, ids.unit],
  );
  await q(`INSERT INTO "AgendaItem" (id, "meetingId", "unitId", position) VALUES ($1, $2, $3, 1)`, [
    ids.item,
    ids.meeting,
    ids.unit,
  ]);
  await q(
    `INSERT INTO "Resolution" (id, "provinceId", "meetingId", "unitId", "agendaItemId", text, "responsibleAgencyId", deadline, "updatedAt") VALUES ($1, $2, $3, $4, $5, 'مصوبه آزمون فاز', $6, (now() AT TIME ZONE 'Asia/Tehran')::date + 10, now())`,
    [ids.resolution, ids.province, ids.meeting, ids.unit, ids.item, ids.agency],
  );
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const emails: string[] = [];
  for (const [roles, agency, userId] of [
    ["{SECRETARIAT}", null, ids.user],
    ["{ADMIN}", null, id()],
    ["{AGENCY}", ids.agency, id()],
    ["{CHAIR}", null, id()],
  ] as const) {
    const email = `fuzz-${randomUUID()}@tashil.test`;
    await q(
      `INSERT INTO "User" (id, email, name, "passwordHash", roles, "agencyId", "provinceId", "updatedAt") VALUES ($1, $2, 'کاربر فاز', $3, $4, $5, $6, now())`,
      [userId, email, passwordHash, roles, agency, ids.province],
    );
    emails.push(email);
  }
  // A unit's applicant (issue #32) with a draft request of their own: signs in by e-mailed code
  // only, so the fuzz mints their session (tests/e2e/session.ts).
  const applicant = `fuzz-applicant-${randomUUID()}@unit.test`;
  const applicantId = id();
  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", roles, "provinceId", "updatedAt") VALUES ($1, $2, 'متقاضی فاز', $3, '{APPLICANT}', $4, now())`,
    [applicantId, applicant, passwordHash, ids.province],
  );
  await q(
    `INSERT INTO "ApplicantProfile" ("userId", "nationalCode", position, "unitNationalId") VALUES ($1, '0499370899', 'MANAGER', '10861451015')`,
    [applicantId],
  );
  await q(
    `INSERT INTO "UnitRequest" (id, "provinceId", "applicantId", "unitNationalId", "unitName", "updatedAt") VALUES ($1, $2, $3, '10861451015', 'واحد متقاضی فاز', now())`,
    [ids.request, ids.province, applicantId],
  );
  emails.push(applicant);
  return { ids: { ...ids }, emails };
}

/** An applicant has no password: their session is minted as the app mints it. */
async function mintedSession(email: string): Promise<APIRequestContext> {
  const cookie = await sessionCookie(email, ORIGIN);
  return playwrightRequest.newContext({
    baseURL: ORIGIN,
    storageState: {
      cookies: [
        {
          name: cookie.name,
          value: cookie.value,
          domain: new URL(ORIGIN).hostname,
          path: "/",
          expires: cookie.expires,
          httpOnly: true,
          secure: false,
          sameSite: "Lax",
        },
      ],
      origins: [],
    },
  });
}

async function signedIn(email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: ORIGIN });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  return context;
}

const ROUTES = (ids: Ids) => [
  "/api/units/export",
  "/api/obstacles/export",
  "/api/resolutions/export",
  "/api/reports/scorecard",
  "/api/reports/money",
  "/api/reports/returns",
  "/reports/weekly",
  `/api/meetings/${ids.meeting}/resolutions`,
  `/api/attachments/${ids.obstacle}`,
  `/api/apply/documents/${ids.obstacle}`,
  "/api/health",
  "/api/auth/session",
  "/api/auth/csrf",
  "/api/auth/providers",
];
const QUERY_KEYS = [
  "week",
  "province",
  "q",
  "page",
  "status",
  "sector",
  "countyId",
  "agencyId",
  "meetingId",
  "from",
  "to",
  "overdue",
  "sort",
  "dir",
  "year",
  "body",
  "open",
  "categoryId",
  "park",
  "spage",
];

// Its own Playwright project, run after the journeys (playwright.config.ts), so its roles
// may run side by side.
test.describe.configure({ mode: "parallel" });

for (const [role, share] of [
  ["secretariat", 0],
  ["admin", 1],
  ["agency", 2],
  ["chair", 3],
  ["applicant", 4],
] as const) {
  test(`malformed requests to every server action as ${role}: no 5xx, no partial write`, async () => {
    test.setTimeout(600_000);
    const { ids, emails } = await fuzzProvince();
    const context =
      role === "applicant" ? await mintedSession(emails[share]!) : await signedIn(emails[share]!);
    // After the fixture's own rows and the sign-in: only what the fuzz changed counts.
    const started = new Date();
    const rand = prng(1404 + share);
    const failures: string[] = [];
    let sent = 0;
    for (const action of serverActions(ids)) {
      for (let i = 0; i < 8; i++) {
        const { headers, body } = actionRequest(rand, ids);
        const res = await context.post(action.path, {
          headers: { ...headers, "next-action": action.id, accept: "text/x-component" },
          data: body,
          maxRedirects: 0,
        });
        sent++;
        if (res.status() >= 500)
          failures.push(`${res.status()} ${action.label} via ${action.path}: ${String(body).slice(0, 200)}`);
      }
    }
    // Route handlers and pages with hostile query strings and path segments.
    const hostile = values(ids).filter((v) => v.length < 1000);
    for (const route of [
      ...ROUTES(ids),
      "/units",
      "/obstacles",
      "/meetings",
      "/resolutions",
      "/dashboard",
      "/search",
      "/agency",
      "/admin/users",
      "/agencies",
      "/notifications",
      "/intake",
      `/intake/${ids.request}`,
      "/apply",
      "/apply/sign-up",
      "/apply/requests",
      `/apply/requests/${ids.request}`,
      "/status",
    ]) {
      for (let i = 0; i < 5; i++) {
        const params = new URLSearchParams();
        for (let k = 0; k < 3; k++) params.append(rand.pick(QUERY_KEYS), rand.pick(hostile));
        const res = await context.get(`${route}?${params}`, { maxRedirects: 0 });
        sent++;
        if (res.status() >= 500) failures.push(`${res.status()} GET ${route}?${params}`);
      }
    }
    for (const segment of hostile.slice(0, 16)) {
      for (const base of [
        "/api/attachments/",
        "/units/",
        "/meetings/",
        "/resolutions/",
        "/api/meetings/",
        "/intake/",
        "/apply/requests/",
      ]) {
        const res = await context.get(base + encodeSegment(segment), { maxRedirects: 0 });
        sent++;
        if (res.status() >= 500) failures.push(`${res.status()} GET ${base}${encodeSegment(segment)}`);
      }
    }
    // Sign-in itself, with hostile e-mails and passwords.
    for (let i = 0; i < 10; i++) {
      const res = await context.post("/api/auth/callback/credentials", {
        form: { email: rand.pick(hostile), password: rand.pick(hostile) },
        maxRedirects: 0,
      });
      sent++;
      if (res.status() >= 500) failures.push(`${res.status()} sign-in`);
      // The applicant's code sign-in (issue #32), with hostile addresses and codes.
      const code = await context.post("/api/auth/callback/applicant-code", {
        form: { address: rand.pick(hostile), code: rand.pick(hostile) },
        maxRedirects: 0,
      });
      sent++;
      if (code.status() >= 500) failures.push(`${code.status()} applicant code sign-in`);
    }
    await context.dispose();
    expect(sent).toBeGreaterThanOrEqual(250);
    expect(failures, `${failures.length} of ${sent} requests answered 5xx`).toEqual([]);

    // No partial write: whatever the fuzz changed in its province carries an audit event
    // written after the fuzz started, and no stored text holds a control character.
    const changed = await pool().query<{ kind: string; id: string }>(
      `SELECT 'ProductionUnit' AS kind, id FROM "ProductionUnit" WHERE "provinceId" = $1 AND "updatedAt" > $2
       UNION ALL SELECT 'Obstacle', id FROM "Obstacle" WHERE "provinceId" = $1 AND "updatedAt" > $2
       UNION ALL SELECT 'Agency', id FROM "Agency" WHERE "provinceId" = $1 AND "updatedAt" > $2
       UNION ALL SELECT 'Meeting', id FROM "Meeting" WHERE "provinceId" = $1 AND "updatedAt" > $2
       UNION ALL SELECT 'Resolution', id FROM "Resolution" WHERE "provinceId" = $1 AND "updatedAt" > $2
       UNION ALL SELECT 'User', id FROM "User" WHERE "provinceId" = $1 AND "updatedAt" > $2
       UNION ALL SELECT 'UnitRequest', id FROM "UnitRequest" WHERE "provinceId" = $1 AND "updatedAt" > $2`,
      [ids.province, started],
    );
    for (const row of changed.rows) {
      const audited = await pool().query(
        `SELECT 1 FROM "AuditEvent" WHERE "entityId" = $1 AND "createdAt" >= $2 LIMIT 1`,
        [row.id, started],
      );
      expect(audited.rowCount, `${row.kind} ${row.id} changed without an audit event`).toBe(1);
    }
    const control = await pool().query(
      `SELECT 'unit' AS t, name AS v FROM "ProductionUnit" WHERE "provinceId" = $1 AND (name || coalesce(activity,'') || coalesce("managerName",'')) ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'
       UNION ALL SELECT 'obstacle', description FROM "Obstacle" WHERE "provinceId" = $1 AND description ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'
       UNION ALL SELECT 'agency', "nameFa" FROM "Agency" WHERE "provinceId" = $1 AND ("nameFa" || "nameEn") ~ '[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'`,
      [ids.province],
    );
    expect(control.rows).toEqual([]);
  });
}

// Issue #31: the last envelopes that answered 500 or an HTML page — a NUL in an uploaded file's
// name (Next's multipart parser throws), a server action posted from another site, and
// /api/v1 bodies over the limit. Each must be a 4xx in the caller's terms, nothing executed.
test("NUL file names, foreign origins and oversized API bodies: 4xx, nothing written", async () => {
  test.setTimeout(600_000);
  const { ids, emails } = await fuzzProvince();
  const context = await signedIn(emails[0] ?? "");
  const started = new Date();
  const failures: string[] = [];
  const counts = { nulFileNames: 0, foreignOrigins: 0, oversizedApiBodies: 0 };
  const boundary = "----fuzz-envelope";
  const withFile = (fileName: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"ok":false},"$K1"]\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="1_unitId"\r\n\r\n${ids.unit}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="1_description"\r\n\r\nمانع با فایل بد\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="1_files"; filename="${fileName}"\r\n` +
    `Content-Type: application/pdf\r\n\r\n%PDF-1.7 fuzz\r\n--${boundary}--\r\n`;
  for (const action of serverActions(ids)) {
    for (const fileName of ["a\u0000b.pdf", "\u0000", "نامه\u0000.pdf\u0000"]) {
      const res = await context.post(action.path, {
        headers: {
          "next-action": action.id,
          accept: "text/x-component",
          origin: ORIGIN,
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
        data: withFile(fileName),
        maxRedirects: 0,
      });
      counts.nulFileNames++;
      if (res.status() < 400 || res.status() >= 500)
        failures.push(`${res.status()} NUL file name ${JSON.stringify(fileName)} → ${action.label}`);
    }
    for (const origin of ["https://evil.example", "null", `http://127.0.0.2:${PORT + 1}`]) {
      const res = await context.post(action.path, {
        headers: {
          "next-action": action.id,
          accept: "text/x-component",
          origin,
          "content-type": "text/plain;charset=UTF-8",
        },
        data: JSON.stringify([{ id: ids.unit, name: "از سایت دیگر" }]),
        maxRedirects: 0,
      });
      counts.foreignOrigins++;
      if (res.status() !== 403) failures.push(`${res.status()} Origin ${origin} → ${action.label}`);
    }
  }
  // 35 MB bodies: real bytes, and a claimed length; every answer problem+json.
  const big = Buffer.alloc(35 * 1024 * 1024, 0x61);
  for (const path of [
    `/api/v1/resolutions/${ids.resolution}/reports`,
    "/api/v1/units",
    "/api/v1/no-such-thing",
  ]) {
    for (const type of ["application/json", "multipart/form-data; boundary=x", "text/plain"]) {
      const res = await context.post(path, {
        headers: { authorization: "Bearer tashil_fuzz", "content-type": type, "accept-language": "en" },
        data: big,
        maxRedirects: 0,
      });
      counts.oversizedApiBodies++;
      const contentType = res.headers()["content-type"] ?? "";
      if (res.status() !== 413 || !contentType.startsWith("application/problem+json"))
        failures.push(`${res.status()} ${contentType} for 35 MB ${type} to ${path}`);
    }
  }
  await context.dispose();
  console.log(`[fuzz] envelopes: ${JSON.stringify(counts)}`);
  expect(counts.nulFileNames).toBeGreaterThanOrEqual(30);
  expect(failures, `${failures.length} answers were not the refusal`).toEqual([]);
  // Nothing executed: no audit event since, and no attachment in the fuzz province.
  const audited = await pool().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "provinceId" = $1 AND "createdAt" >= $2`,
    [ids.province, started],
  );
  expect(audited.rows[0]?.n).toBe(0);
  const attachments = await pool().query(
    `SELECT count(*)::int AS n FROM "Attachment" a JOIN "Obstacle" o ON o.id = a."obstacleId" WHERE o."provinceId" = $1`,
    [ids.province],
  );
  expect(attachments.rows[0]?.n).toBe(0);
});
