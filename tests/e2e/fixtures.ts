// Playwright fixtures: a browser page signed in as any demo account (each in a context of
// its own, closed after the test), and data made for one test and removed after it. Each
// test works on rows of its own in the demo database, so it never depends on the seed's
// random fates or on another test, and leaves nothing behind (docs/decisions/009).
import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, signIn } from "./support";

export { ACCOUNTS, expect };

type TestData = {
  /** A Kerman resolution assigned to Bank Melli, due in `daysLeft` days. */
  bankResolution(options?: { daysLeft?: number; text?: string }): Promise<string>;
  /** A Kerman production unit, active, with no obstacles. */
  unit(options?: { name?: string }): Promise<{ id: string; name: string }>;
  /** One row of SQL, for asserting what the database holds. */
  one<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R | undefined>;
};

export const test = base.extend<
  { signedInAs: (email: string) => Promise<Page>; data: TestData },
  { pool: pg.Pool }
>({
  pool: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
      await use(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],

  signedInAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (email) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, email);
      return page;
    });
    for (const context of contexts) await context.close();
  },

  data: async ({ pool }, use) => {
    const resolutions: string[] = [];
    const units: string[] = [];
    await use({
      async bankResolution({ daysLeft = 20, text } = {}) {
        const id = `e2e-${randomUUID()}`;
        await pool.query(
          `INSERT INTO "Resolution" (id, "provinceId", "meetingId", "unitId", text, "responsibleAgencyId", deadline, "updatedAt")
           SELECT $1, a."provinceId", m.id, u.id, $2, a.id, (now() AT TIME ZONE 'Asia/Tehran')::date + $3::int, now()
           FROM "Agency" a
           JOIN "Meeting" m ON m."provinceId" = a."provinceId"
           JOIN "ProductionUnit" u ON u."provinceId" = a."provinceId"
           WHERE a."nameFa" = 'بانک ملی ایران'
           ORDER BY m."startsAt" DESC, u.name LIMIT 1`,
          [
            id,
            text ?? "بانک ملی نسبت به امهال اقساط تسهیلات واحد به مدت ۲۴ ماه اقدام کند (آزمون).",
            daysLeft,
          ],
        );
        resolutions.push(id);
        return id;
      },
      async unit({ name } = {}) {
        const id = `e2e-${randomUUID()}`;
        const unitName = name ?? `کارخانه آزمون ${id.slice(4, 12)}`;
        await pool.query(
          `INSERT INTO "ProductionUnit" (id, "provinceId", "countyId", name, "nameNormalized", sector, status, "updatedAt")
           SELECT $1, p.id, c.id, $2, $2, 'INDUSTRIAL', 'ACTIVE', now()
           FROM "Province" p JOIN "County" c ON c."provinceId" = p.id
           WHERE p.code = 'KRM' ORDER BY c."nameFa" LIMIT 1`,
          [id, unitName],
        );
        units.push(id);
        return { id, name: unitName };
      },
      async one(sql, values = []) {
        return (await pool.query(sql, values)).rows[0];
      },
    });
    // Their reports, extensions, obstacles and status history go with them (ON DELETE CASCADE).
    if (resolutions.length) await pool.query(`DELETE FROM "Resolution" WHERE id = ANY($1)`, [resolutions]);
    if (units.length) await pool.query(`DELETE FROM "ProductionUnit" WHERE id = ANY($1)`, [units]);
  },
});
