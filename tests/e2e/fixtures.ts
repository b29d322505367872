// Playwright fixtures: a browser page signed in as any demo account (each in a context of
// its own, closed after the test), and data made for one test and removed after it. Each
// test works on rows of its own in the demo database, so it never depends on the seed's
// random fates or on another test, and leaves nothing behind (docs/decisions/009).
//
// Sessions are minted, not signed into (tests/e2e/session.ts); rows are written through the
// app's generated Prisma client (tests/e2e/db.ts), so a renamed column fails `tsc`, not a
// journey at run time.
import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { addDays, calendarDate, todayInTehran } from "../../lib/i18n/format";
import { normalizeText } from "../../lib/i18n/normalize";
import { closeE2eDb, e2eDb, type E2eDb } from "./db";
import { enterAs } from "./session";
import { ACCOUNTS } from "./support";

export { ACCOUNTS, expect };

/** The demo province (prisma/seed.ts) and the bank the journeys' resolutions are assigned to. */
const DEMO_PROVINCE = "KRM";
const DEMO_BANK = "بانک ملی ایران";

type TestData = {
  /** A Kerman resolution assigned to Bank Melli, due in `daysLeft` days (Tehran's calendar). */
  bankResolution(options?: { daysLeft?: number; text?: string }): Promise<string>;
  /** A Kerman production unit, active, with no obstacles. */
  unit(options?: { name?: string }): Promise<{ id: string; name: string }>;
  /** A Kerman agency (a bank unless told), with no users, named `name` as the form would store it. */
  agency(options: { name: string; nameEn?: string; kind?: "BANK" | "GOVERNMENT" }): Promise<{ id: string }>;
  /** One row of SQL, for asserting what the database holds. */
  one<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R | undefined>;
  /** The typed client, for rows a journey sets up or checks beyond the builders above. */
  db: E2eDb;
};

export const test = base.extend<
  {
    /** A page in a context of its own, signed in as `email`, opened at `path` (default "/"). */
    signedInAs: (email: string, path?: string) => Promise<Page>;
    data: TestData;
  },
  { pool: pg.Pool; db: E2eDb }
>({
  pool: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
      await use(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],

  db: [
    async ({}, use) => {
      await use(e2eDb());
      await closeE2eDb();
    },
    { scope: "worker" },
  ],

  signedInAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (email, path) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await enterAs(page, email, path);
      return page;
    });
    for (const context of contexts) await context.close();
  },

  data: async ({ pool, db }, use) => {
    const resolutions: string[] = [];
    const units: string[] = [];
    const agencies: string[] = [];
    await use({
      async bankResolution({ daysLeft = 20, text } = {}) {
        const bank = await db.agency.findFirstOrThrow({
          where: { nameFa: DEMO_BANK, province: { code: DEMO_PROVINCE } },
          select: { id: true, provinceId: true },
        });
        const [meeting, unit] = await Promise.all([
          db.meeting.findFirstOrThrow({
            where: { provinceId: bank.provinceId },
            orderBy: { startsAt: "desc" },
            select: { id: true },
          }),
          db.productionUnit.findFirstOrThrow({
            where: { provinceId: bank.provinceId },
            orderBy: { name: "asc" },
            select: { id: true },
          }),
        ]);
        const { id } = await db.resolution.create({
          data: {
            id: `e2e-${randomUUID()}`,
            provinceId: bank.provinceId,
            meetingId: meeting.id,
            unitId: unit.id,
            responsibleAgencyId: bank.id,
            text: text ?? "بانک ملی نسبت به امهال اقساط تسهیلات واحد به مدت ۲۴ ماه اقدام کند (آزمون).",
            // Deadlines are Tehran's calendar days: from 20:30 UTC Tehran is on the next day.
            deadline: calendarDate(addDays(todayInTehran(), daysLeft)),
          },
          select: { id: true },
        });
        resolutions.push(id);
        return id;
      },
      async unit({ name } = {}) {
        const id = `e2e-${randomUUID()}`;
        const unitName = name ?? `کارخانه آزمون t${id.slice(4, 12)}`;
        const county = await db.county.findFirstOrThrow({
          where: { province: { code: DEMO_PROVINCE } },
          orderBy: { nameFa: "asc" },
          select: { id: true, provinceId: true },
        });
        await db.productionUnit.create({
          data: {
            id,
            provinceId: county.provinceId,
            countyId: county.id,
            name: unitName,
            nameNormalized: normalizeText(unitName),
            sector: "INDUSTRIAL",
            status: "ACTIVE",
          },
        });
        units.push(id);
        return { id, name: unitName };
      },
      async agency({ name, nameEn = "Test agency", kind = "BANK" }) {
        const province = await db.province.findUniqueOrThrow({
          where: { code: DEMO_PROVINCE },
          select: { id: true },
        });
        const { id } = await db.agency.create({
          data: {
            id: `e2e-${randomUUID()}`,
            provinceId: province.id,
            kind,
            nameFa: name,
            nameEn,
            // As lib/agencies/mutations.ts stores it: the unique key a second agency is checked against.
            nameNormalized: normalizeText(name),
          },
          select: { id: true },
        });
        agencies.push(id);
        return { id };
      },
      async one(sql, values = []) {
        return (await pool.query(sql, values)).rows[0];
      },
      db,
    });
    // Their reports, extensions, obstacles and status history go with them (ON DELETE CASCADE).
    if (resolutions.length) await db.resolution.deleteMany({ where: { id: { in: resolutions } } });
    if (units.length) await db.productionUnit.deleteMany({ where: { id: { in: units } } });
    if (agencies.length) await db.agency.deleteMany({ where: { id: { in: agencies } } });
  },
});
