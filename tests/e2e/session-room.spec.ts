import { spawn, type ChildProcess } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, expect, test } from "./fixtures";
import { serverNodeOptions } from "../../scripts/server-options";
import { E2E_AUTH_SECRET } from "./server-env";
import { addSession } from "./session";
import { faDigits, watchForRefresh } from "./support";

// Issue #22: two clerks in one session, each on a different app instance sharing the database,
// and the hall screen. The second instance is started here from the same build.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OTHER_PORT = PORT + 5;
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;
/** The issue's promise: what one clerk saves is on the others' screens within two seconds. */
const LIVE = { timeout: 2_000 };

let other: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  other = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(OTHER_PORT)], {
    env: {
      ...process.env,
      NODE_OPTIONS: serverNodeOptions(),
      AUTH_SECRET: E2E_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      APP_URL: OTHER,
    },
    stdio: "ignore",
  });
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${OTHER}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 120) throw new Error("the second instance did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  other?.kill();
});

/** A signed-in page on one of the two instances, opened at `path`. */
async function pageOn(browser: Browser, baseURL: string, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  await addSession(context, email, baseURL);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test("a resolution saved by one clerk reaches the other clerk on another instance and the hall screen; typing survives", async ({
  browser,
  baseURL,
  data,
}) => {
  test.setTimeout(90_000);
  // The demo's planned working-group session, with the cases the committee referred.
  const session = await data.one<{ id: string; unit: string; item: string }>(
    `SELECT m.id, u.name AS unit, a.id AS item FROM "Meeting" m
       JOIN "Body" b ON b.id = m."bodyId" AND b.kind = 'WORKING_GROUP'
       JOIN "AgendaItem" a ON a."meetingId" = m.id
       JOIN "ProductionUnit" u ON u.id = a."unitId"
     WHERE m.status = 'PLANNED' ORDER BY m."startsAt", a.position LIMIT 1`,
  );
  if (!session) throw new Error("no planned working-group session in the demo data");
  const text = `مصوبه زنده ${faDigits(Date.now())}`;
  const typing = "متنی که هنوز ذخیره نشده است";

  const room = `/meetings/${session.id}`;
  const typist = await pageOn(browser, baseURL ?? "", ACCOUNTS.secretariat, room);
  const colleague = await pageOn(browser, OTHER, ACCOUNTS.secretariat, room);
  const chair = await pageOn(browser, OTHER, ACCOUNTS.chair, `${room}/screen`);
  try {
    const typistEntry = typist.getByRole("region", { name: "ثبت نتایج و مصوبات در جلسه" });
    const colleagueEntry = colleague.getByRole("region", { name: "ثبت نتایج و مصوبات در جلسه" });
    await expect(typistEntry.getByRole("heading", { level: 3 })).toHaveText(session.unit);
    await expect(colleagueEntry.getByRole("heading", { level: 3 })).toHaveText(session.unit);

    // Each sees the other, on the first case (the other instance's page included).
    await expect(typist.getByRole("list", { name: "در این صفحه" }).getByRole("listitem")).toContainText(
      session.unit,
    );

    // The colleague moves the hall screen to this case; the chair follows it on a tablet.
    await colleague.getByRole("button", { name: "نمایش این پرونده در سالن" }).click();
    await expect(colleague.getByText("نمایشگر سالن به این پرونده رفت.")).toBeVisible();
    await chair.reload();
    await expect(chair.getByRole("heading", { level: 1 })).toHaveText(session.unit);
    await expect(chair.getByRole("navigation")).toHaveCount(0);

    // From here on, what the colleague saves is patched into the other pages (decision 084).
    const typistWatch = await watchForRefresh(typist);
    const chairWatch = await watchForRefresh(chair);

    // The typist starts a resolution and does not save it yet.
    const typistDraft = typistEntry.getByRole("group", { name: "مصوبه جدید" });
    await typistDraft.getByLabel("متن مصوبه").fill(typing);

    // The colleague, on the other instance, saves one.
    const draft = colleagueEntry.getByRole("group", { name: "مصوبه جدید" });
    await draft.getByLabel("متن مصوبه").fill(text);
    await draft.getByRole("combobox", { name: "دستگاه مسئول" }).focus();
    await colleague.keyboard.type("ملی");
    await colleague.keyboard.press("Enter");
    await draft.getByLabel("متن مصوبه").focus();
    await colleague.keyboard.press("Control+Enter");
    await expect(colleagueEntry.getByRole("group", { name: "مصوبه ۱" }).getByRole("status")).toHaveText(
      "✓ ذخیره شد",
    );

    // Without reloading: on the typist's page (other instance) and on the hall screen.
    await expect(typistEntry.getByRole("group", { name: "مصوبه ۱" }).getByLabel("متن مصوبه")).toHaveValue(
      text,
      LIVE,
    );
    await expect(chair.getByText(text)).toBeVisible(LIVE);
    await expect(chair.getByRole("main")).toContainText("بانک ملی");
    // What the typist was typing is still there, unsaved.
    await expect(typistEntry.getByRole("group", { name: "مصوبه جدید" }).getByLabel("متن مصوبه")).toHaveValue(
      typing,
    );
    // Patched in, not redrawn: the same window, the session's cases read from /room, and no
    // request for the page's server components (what router.refresh() would send).
    for (const watch of [typistWatch, chairWatch]) {
      expect(await watch.mark()).toBe("same window");
      expect(watch.reads.length).toBeGreaterThan(0);
      expect(watch.refreshes).toEqual([]);
    }
    // The case list says so too: one resolution on this case.
    await expect(
      typist.getByRole("navigation", { name: "فهرست پرونده‌ها" }).locator("button[aria-current=true]"),
    ).toContainText("۱ مصوبه");
  } finally {
    await data.one(
      `WITH gone AS (SELECT id FROM "Resolution" WHERE text = $1),
            o AS (DELETE FROM "ResolutionObstacle" WHERE "resolutionId" IN (SELECT id FROM gone)),
            s AS (DELETE FROM "ResolutionSupportingAgency" WHERE "resolutionId" IN (SELECT id FROM gone))
       SELECT 1`,
      [text],
    );
    await data.one(`DELETE FROM "Resolution" WHERE text = $1`, [text]);
    await data.one(`UPDATE "Meeting" SET "screenItemId" = NULL WHERE id = $1`, [session.id]);
    for (const page of [typist, colleague, chair]) await page.context().close();
  }
});
