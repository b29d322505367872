// axe on every page of the app, as the roles that can see it, in Persian and in English
// (issue #15: no serious or critical violation anywhere). One test per role and language
// visits that role's pages in turn and reports every finding at once, page by page, so one
// run shows all that is left to fix. Each test signs in as an account of its own, a copy of
// the demo account with the language under test: a user's language lives on the account,
// and switching the demo accounts' would change the language other journeys run in.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { e2eDb } from "./db";
import { addSession } from "./session";
import { ACCOUNTS } from "./support";

type Lang = "fa" | "en";
/**
 * A11Y_LARGE=1: also sweep the busiest records of whatever the database holds, as a national
 * viewer (who may read every province): against a database filled by
 * `npm run db:seed:large -- --years 10` they are the ten-year archive's largest unit, session
 * and resolution, which the demo's never show (issue #34; docs/performance.md says how to run).
 */
const LARGE = process.env.A11Y_LARGE === "1";
const APPLICANT = "applicant";
const APPLICANT_REQUEST = "APPLICANT_REQUEST";
type Ids = {
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
  /** A11Y_LARGE: the busiest unit, largest session, a resolution with milestones, nationally. */
  largestUnit: string;
  largestSession: string;
  largeResolution: string;
};

// Which pages each role opens. A page is listed for every role that sees a different page
// there (a form of its own, a national view); pages that look alike for several roles are
// visited once, to keep the suite fast.
const ROLES: { name: string; demo: string | null; pages: (ids: Ids) => string[] }[] = [
  {
    name: "visitor",
    demo: null,
    pages: () => ["/login", "/figures", "/api-docs", "/apply", "/apply/sign-up", "/status"],
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
      `/meetings/${ids.held}/screen`,
      "/agencies",
      `/agencies/${ids.agency}`,
      "/agencies/new",
      `/notices/${ids.notice}`,
      "/notices",
      "/notifications",
      "/reports",
      "/exports",
      `/search?q=${encodeURIComponent("کارخانه")}`,
      "/account/password",
    ],
  },
  {
    name: "chair",
    demo: ACCOUNTS.chair,
    pages: (ids) => ["/chair", `/meetings/${ids.held}`, `/resolutions/${ids.resolution}`],
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
const MAY_BE_ABSENT = new Set(["/figures"]);

let ids: Ids;
// For counting each role's pages when the tests are declared, before the real ids are read.
const SAMPLE_IDS: Ids = {
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
  largestUnit: "",
  largestSession: "",
  largeResolution: "",
};
let notice: string | undefined;
/** The draft of the applicant account each language's test signed in as. */
const applicantRequests = new Map<Lang, string>();

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
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
      `SELECT id FROM "Meeting" WHERE "provinceId" = ${krm} AND status = 'HELD' ORDER BY "startsAt" DESC LIMIT 1`,
    );
    const bankResolution = await one(
      `SELECT id FROM "Resolution" WHERE "responsibleAgencyId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [bank],
    );
    // A notice to the bank, as a session's letter would be (the demo seed issues none).
    notice = `e2e-${randomUUID()}`;
    await client.query(
      `INSERT INTO "Notice" (id, "provinceId", "agencyId", "meetingId", "jalaliYear", number)
       SELECT $1, ${krm}, $2, $3, 1300, 100000 + floor(random() * 800000)::int`,
      [notice, bank, held],
    );
    await client.query(
      `INSERT INTO "NoticeItem" ("noticeId", "resolutionId", deadline) SELECT $1, id, deadline FROM "Resolution" WHERE id = $2`,
      [notice, bankResolution],
    );
    ids = {
      unit: await one(
        `SELECT "unitId" AS id FROM "Resolution" WHERE "provinceId" = ${krm} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      ),
      resolution: await one(
        `SELECT id FROM "Resolution" WHERE "provinceId" = ${krm} ORDER BY "createdAt" DESC LIMIT 1`,
      ),
      bankResolution,
      planned: await one(
        `SELECT id FROM "Meeting" WHERE "provinceId" = ${krm} AND status = 'PLANNED' LIMIT 1`,
      ),
      held,
      approved: await one(
        `SELECT id FROM "Meeting" WHERE "provinceId" = ${krm} AND status = 'MINUTES_APPROVED' LIMIT 1`,
      ),
      agency: bank,
      member: await one(`SELECT id FROM "User" WHERE email = $1`, [ACCOUNTS.member]),
      notice,
      request: (await applicantWithRequest("fa", "SUBMITTED")).requestId,
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
  } finally {
    await client.end();
  }
});

test.afterAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    if (notice) await client.query(`DELETE FROM "Notice" WHERE id = $1`, [notice]);
  } finally {
    await client.end();
  }
});

/**
 * A copy of a demo account (same roles, province and agency) whose language is `lang`. Like
 * createTestMember's accounts it stays. Its name is marked, so journeys that find the demo
 * user by name (an agency's users) still find exactly one.
 */
async function accountLike(demo: string, lang: Lang): Promise<string> {
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
async function applicantWithRequest(
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

async function openAs(browser: Browser, demo: string | null, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  // A visitor's language is a cookie (lib/i18n/server.ts); a user's is on the account.
  if (!demo) {
    const { origin } = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1");
    await context.addCookies([{ name: "tashil-locale", value: lang, url: origin }]);
  }
  // Signed in directly (tests/e2e/session.ts): the sweep is about the pages, not the form.
  if (demo === APPLICANT) {
    const { email, requestId } = await applicantWithRequest(lang);
    await addSession(context, email);
    applicantRequests.set(lang, requestId);
  } else if (demo) await addSession(context, await accountLike(demo, lang));
  return context.newPage();
}

// Six pages a test at most: the roles with many pages are split, so the two workers share
// them and one slow page cannot take a whole role's findings down with it.
const PER_TEST = 6;
test.describe.configure({ mode: "parallel" });

for (const lang of ["fa", "en"] as const)
  for (const role of ROLES)
    for (let part = 0; part * PER_TEST < role.pages(SAMPLE_IDS).length; part++)
      test(`axe finds no serious or critical violation on the ${role.name}'s pages in ${lang} (${part + 1})`, async ({
        browser,
      }) => {
        const page = await openAs(browser, role.demo, lang);
        const paths = role
          .pages(ids)
          .slice(part * PER_TEST, (part + 1) * PER_TEST)
          .map((p) => p.replace(APPLICANT_REQUEST, applicantRequests.get(lang) ?? ""));
        // A page's load and axe's ~90 rules take a few seconds on an idle machine, up to twenty on
        // a shared one at load 20.
        test.setTimeout(30_000 + paths.length * 20_000);
        const findings: string[] = [];
        for (const path of paths) {
          const response = await page.goto(path);
          const status = response?.status() ?? 0;
          if (status >= 400 && !(MAY_BE_ABSENT.has(path) && status === 404)) {
            findings.push(`${path}: answered ${status}`);
            continue;
          }
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          // Legacy mode runs axe once in the page; the default injects it a second time into a
          // blank page to merge results across frames, which costs seconds a page and buys
          // nothing here (the app has no iframes). Violations only: collecting every passing
          // node as well doubles axe's time.
          const { violations } = await new AxeBuilder({ page })
            .setLegacyMode(true)
            .options({ resultTypes: ["violations"] })
            .analyze();
          for (const v of violations) {
            if (v.impact !== "serious" && v.impact !== "critical") continue;
            const where = v.nodes
              .slice(0, 5)
              .map((n) => n.target.join(" "))
              .join(" | ");
            findings.push(
              `${path}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length}× e.g. ${where}${v.nodes.length > 5 ? " …" : ""})`,
            );
          }
        }
        await page.context().close();
        expect(findings, `axe, ${role.name}, ${lang}:\n${findings.join("\n")}`).toEqual([]);
      });
