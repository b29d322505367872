// Every page of the app, as the roles that can see it: one list for the sweeps that open them
// all (accessibility.spec.ts runs axe on each, phone-sweep.spec.ts checks each at 390 px), so a
// page added here is swept by both. The records the pages need (a unit, sessions in each state,
// a notice, a letter, a request in the intake) are read or made once per worker by `pageIds`.
import { createHash, randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { e2eDb } from "./db";
import { addSession, projectBaseUrl } from "./session";
import { ACCOUNTS } from "./support";

export type Lang = "fa" | "en";
/**
 * A11Y_LARGE=1: also sweep the busiest records of whatever the database holds, as a national
 * viewer (who may read every province): against a database filled by
 * `npm run db:seed:large -- --years 10` they are the ten-year archive's largest unit, session
 * and resolution, which the demo's never show (issue #34; docs/performance.md says how to run).
 */
const LARGE = process.env.A11Y_LARGE === "1";
export const APPLICANT = "applicant";
/** Stands in a path for the id of the draft request of the applicant account signed in. */
export const APPLICANT_REQUEST = "APPLICANT_REQUEST";
export type Ids = {
  unit: string;
  resolution: string;
  bankResolution: string;
  planned: string;
  held: string;
  approved: string;
  agency: string;
  member: string;
  notice: string;
  /** A request filed by an applicant of Kerman, in the secretariat's intake. */
  request: string;
  /** An official letter to the bank, and the code printed on it (/verify/<code>). */
  letter: string;
  letterCode: string;
  /** A11Y_LARGE: the busiest unit, largest session, a resolution with milestones, nationally. */
  largestUnit: string;
  largestSession: string;
  largeResolution: string;
};

export type Role = { name: string; demo: string | null; pages: (ids: Ids) => string[] };

// Which pages each role opens. A page is listed for every role that sees a different page
// there (a form of its own, a national view); pages that look alike for several roles are
// visited once, to keep the suites fast.
export const ROLES: Role[] = [
  {
    name: "visitor",
    demo: null,
    pages: (ids) => [
      "/login",
      "/figures",
      "/api-docs",
      "/apply",
      "/apply/sign-up",
      "/status",
      `/verify/${ids.letterCode}`,
    ],
  },
  {
    name: "secretariat",
    demo: ACCOUNTS.secretariat,
    pages: (ids) => [
      "/dashboard",
      "/intake",
      `/intake/${ids.request}`,
      "/units",
      `/units/${ids.unit}`,
      `/units/${ids.unit}/edit`,
      `/units/${ids.unit}/obstacles/new`,
      "/units/new",
      "/units/import",
      "/obstacles",
      "/resolutions",
      `/resolutions/${ids.resolution}`,
      "/meetings",
      "/meetings/new",
      "/meetings/bodies",
      `/meetings/${ids.planned}`,
      `/meetings/${ids.held}`,
      `/meetings/${ids.held}/brief`,
      `/meetings/${ids.approved}`,
      `/meetings/${ids.approved}/minutes`,
      `/meetings/${ids.approved}/letters`,
      `/meetings/${ids.held}/screen`,
      "/agencies",
      `/agencies/${ids.agency}`,
      "/agencies/new",
      `/notices/${ids.notice}`,
      "/notices",
      `/letters/${ids.letter}`,
      "/notifications",
      "/reports",
      "/reports/weekly",
      "/exports",
      `/search?q=${encodeURIComponent("کارخانه")}`,
      "/account/password",
    ],
  },
  {
    name: "chair",
    demo: ACCOUNTS.chair,
    pages: (ids) => [
      "/chair",
      // The absence letter is an official letter now (decision 242): /letters/<id>, swept above.
      `/meetings/${ids.held}`,
      `/resolutions/${ids.resolution}`,
    ],
  },
  {
    name: "agency",
    demo: ACCOUNTS.bank,
    pages: (ids) => [
      "/agency",
      "/resolutions",
      `/resolutions/${ids.bankResolution}`,
      `/notices/${ids.notice}`,
      "/notices",
      `/letters/${ids.letter}`,
    ],
  },
  {
    name: "member",
    demo: ACCOUNTS.member,
    pages: (ids) => ["/resolutions", `/units/${ids.unit}`, `/meetings/${ids.held}`],
  },
  {
    name: "admin",
    demo: ACCOUNTS.admin,
    pages: (ids) => [
      "/admin",
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${ids.member}`,
      "/admin/audit",
      "/admin/calendar",
      "/admin/outbox",
      "/admin/settings",
      "/admin/tokens",
    ],
  },
  {
    // A unit's applicant (issue #32): an account of their own per language, with a draft
    // request of their own (APPLICANT_REQUEST stands for its id).
    name: "applicant",
    demo: APPLICANT,
    pages: () => ["/apply/requests", `/apply/requests/${APPLICANT_REQUEST}`],
  },
  {
    name: "national viewer",
    demo: "national@tashil.demo",
    pages: () => ["/dashboard", "/provinces", "/resolutions"],
  },
  {
    name: "national viewer on the largest records",
    demo: "national@tashil.demo",
    pages: (ids) =>
      LARGE
        ? [
            `/units/${ids.largestUnit}`,
            `/meetings/${ids.largestSession}`,
            `/resolutions/${ids.largeResolution}`,
            "/units",
            "/meetings",
            "/notices",
          ]
        : [],
  },
  {
    name: "national administrator",
    demo: "hq-admin@tashil.demo",
    pages: () => ["/admin/provinces", "/admin/users"],
  },
];

// Pages that may answer "not found" by design: the public figures are off unless an
// administrator publishes them; then the not-found page is what a visitor sees, and is checked.
export const MAY_BE_ABSENT = new Set(["/figures"]);

/** For counting each role's pages when the tests are declared, before the real ids are read. */
export const SAMPLE_IDS: Ids = {
  unit: "",
  resolution: "",
  bankResolution: "",
  planned: "",
  held: "",
  approved: "",
  agency: "",
  member: "",
  notice: "",
  request: "",
  letter: "",
  letterCode: "",
  largestUnit: "",
  largestSession: "",
  largeResolution: "",
};

/**
 * The records the pages show, read from the demo province; a notice and a letter to the bank
 * are made for the sweep (the demo seed issues none). `cleanUp` removes what was made.
 */
export async function pageIds(): Promise<{ ids: Ids; cleanUp: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const notice = `e2e-${randomUUID()}`;
  const letter = `e2e-${randomUUID()}`;
  try {
    // The demo's own records, the oldest of their kind: other journeys running beside the sweep
    // make (and delete) newer ones, and a record deleted mid-sweep answered 404.
    const one = async (sql: string, values: unknown[] = []) => {
      const { rows } = await client.query<{ id: string }>(sql, values);
      if (!rows[0]) throw new Error(`no row for ${sql}`);
      return rows[0].id;
    };
    const krm = `(SELECT id FROM "Province" WHERE code = 'KRM')`;
    const bank = await one(
      `SELECT id FROM "Agency" WHERE "nameFa" = 'بانک ملی ایران' AND "provinceId" = ${krm}`,
    );
    const held = await one(
      `SELECT id FROM "Meeting" WHERE "provinceId" = ${krm} AND status = 'HELD' ORDER BY "createdAt", "startsAt" DESC LIMIT 1`,
    );
    const bankResolution = await one(
      `SELECT id FROM "Resolution" WHERE "responsibleAgencyId" = $1 ORDER BY "createdAt", id LIMIT 1`,
      [bank],
    );
    await client.query(
      `INSERT INTO "Notice" (id, "provinceId", "agencyId", "meetingId", "jalaliYear", number)
       SELECT $1, ${krm}, $2, $3, 1300, 100000 + floor(random() * 800000)::int`,
      [notice, bank, held],
    );
    await client.query(
      `INSERT INTO "NoticeItem" ("noticeId", "resolutionId", deadline) SELECT $1, id, deadline FROM "Resolution" WHERE id = $2`,
      [notice, bankResolution],
    );
    // A letter as the resolution page would issue it (year 1300 and a random number keep it
    // clear of the demo's own numbering).
    const letterCode = `E2E${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
    const body = "بانک ملی ایران موظف است امهال اقساط واحد را ظرف یک ماه انجام دهد.";
    await client.query(
      `INSERT INTO "Letter" (id, "provinceId", "agencyId", "scopeKey", "resolutionId", "jalaliYear", number,
         recipient, subject, body, "contentHash", "verifyCode")
       SELECT $1, ${krm}, $2, $3, $4, 1300, 100000 + floor(random() * 800000)::int,
         'ریاست بانک ملی ایران استان کرمان', 'ابلاغ مصوبه کارگروه', $5, $6, $7`,
      [
        letter,
        bank,
        `e2e:${letter}`,
        bankResolution,
        body,
        createHash("sha256").update(body).digest("hex"),
        letterCode,
      ],
    );
    const ids: Ids = {
      unit: await one(
        `SELECT "unitId" AS id FROM "Resolution" WHERE "provinceId" = ${krm} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      ),
      resolution: await one(
        `SELECT id FROM "Resolution" WHERE "provinceId" = ${krm} ORDER BY "createdAt", id LIMIT 1`,
      ),
      bankResolution,
      planned: await one(
        `SELECT id FROM "Meeting" WHERE "provinceId" = ${krm} AND status = 'PLANNED' ORDER BY "createdAt", id LIMIT 1`,
      ),
      held,
      approved: await one(
        `SELECT id FROM "Meeting" WHERE "provinceId" = ${krm} AND status = 'MINUTES_APPROVED' ORDER BY "createdAt", id LIMIT 1`,
      ),
      agency: bank,
      member: await one(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.member]),
      notice,
      request: (await applicantWithRequest("fa", "SUBMITTED")).requestId,
      letter,
      letterCode,
      ...(LARGE
        ? {
            largestUnit: await one(
              `SELECT "unitId" AS id FROM "Resolution" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
            ),
            largestSession: await one(
              `SELECT "meetingId" AS id FROM "Resolution" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
            ),
            largeResolution: await one(
              `SELECT "resolutionId" AS id FROM "ResolutionMilestone" ORDER BY "resolutionId" LIMIT 1`,
            ),
          }
        : { largestUnit: "", largestSession: "", largeResolution: "" }),
    };
    return {
      ids,
      cleanUp: async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        try {
          await c.query(`DELETE FROM "Letter" WHERE id = $1`, [letter]);
          await c.query(`DELETE FROM "Notice" WHERE id = $1`, [notice]);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await client.end();
  }
}

/**
 * A copy of a demo account (same roles, province and agency) whose language is `lang`: a user's
 * language lives on the account, and switching the demo accounts' would change the language
 * other journeys run in. Like createTestMember's accounts it stays. Its name is marked, so
 * journeys that find the demo user by name (an agency's users) still find exactly one.
 */
export async function accountLike(demo: string, lang: Lang): Promise<string> {
  const email = `e2e-a11y-${randomUUID()}@tashil.test`;
  const db = e2eDb();
  const user = await db.user.findUnique({
    where: { email: demo },
    select: { name: true, passwordHash: true, roles: true, agencyId: true, provinceId: true },
  });
  if (!user) throw new Error(`no demo account ${demo}`);
  await db.user.create({
    data: { ...user, id: `e2e-${randomUUID()}`, email, name: `${user.name} (a11y)`, locale: lang },
  });
  return email;
}

/** An applicant of Kerman (no demo account exists: they sign themselves up) with one request. */
export async function applicantWithRequest(
  lang: Lang,
  status: "DRAFT" | "SUBMITTED" = "DRAFT",
): Promise<{ email: string; requestId: string }> {
  const db = e2eDb();
  const email = `e2e-a11y-applicant-${randomUUID()}@unit.test`;
  const province = await db.province.findFirstOrThrow({ where: { code: "KRM" } });
  const county = await db.county.findFirstOrThrow({ where: { provinceId: province.id } });
  const category = await db.obstacleCategory.findFirstOrThrow({ where: { parentId: null } });
  const user = await db.user.create({
    data: {
      email,
      name: "متقاضی دسترس‌پذیری",
      passwordHash: "x",
      roles: ["APPLICANT"],
      provinceId: province.id,
      locale: lang,
      applicantProfile: {
        create: { nationalCode: "0499370899", position: "OWNER", unitNationalId: "10861451015" },
      },
    },
  });
  const request = await db.unitRequest.create({
    data: {
      provinceId: province.id,
      applicantId: user.id,
      unitNationalId: "10861451015",
      unitName: "واحد آزمون دسترس‌پذیری",
      countyId: county.id,
      sector: "INDUSTRIAL",
      operatingStatus: "ACTIVE",
      status,
      submittedAt: status === "SUBMITTED" ? new Date() : null,
      trackingCode: status === "SUBMITTED" ? `${Date.now()}`.slice(-10) + "X" : null,
      obstacles: {
        create: [
          {
            position: 1,
            categoryId: category.id,
            description: "مانع آزمون دسترس‌پذیری",
            amountRials: 5_000_000n,
          },
        ],
      },
    },
  });
  return { email, requestId: request.id };
}

/**
 * A page signed in as (a copy of) `demo` reading in `lang`, or a visitor reading in `lang`, and
 * `path` to turn a role's paths into this account's (the applicant's own request).
 */
export async function openAs(
  browser: Browser,
  demo: string | null,
  lang: Lang,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; path: (p: string) => string }> {
  const context = await browser.newContext({
    locale: "fa-IR",
    timezoneId: "Asia/Tehran",
    ...(viewport ? { viewport } : {}),
  });
  let request = "";
  // A visitor's language is a cookie (lib/locale); a user's is on the account.
  if (!demo) {
    const { origin } = new URL(projectBaseUrl());
    await context.addCookies([{ name: "tashil-locale", value: lang, url: origin }]);
  }
  // Signed in directly (tests/e2e/session.ts): the sweeps are about the pages, not the form.
  if (demo === APPLICANT) {
    const { email, requestId } = await applicantWithRequest(lang);
    await addSession(context, email);
    request = requestId;
  } else if (demo) await addSession(context, await accountLike(demo, lang));
  return { page: await context.newPage(), path: (p) => p.replace(APPLICANT_REQUEST, request) };
}
