import { spawn, type ChildProcess } from "node:child_process";
import { ACCOUNTS, expect, test } from "./fixtures";
import { signIn } from "./support";
import { startDatabaseRelay, type DatabaseRelay } from "../support/database-outage";
import { serverNodeOptions } from "../../scripts/server-options";

// Issue #31: a page that cannot reach the database answered HTTP 500 "something unexpected".
// A second instance of the build talks to PostgreSQL through a TCP relay this spec cuts: its
// pages answer 503 with Retry-After and the localised outage sentence, then recover.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const BASE = `http://127.0.0.1:${PORT}`;

let relay: DatabaseRelay;
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  relay = await startDatabaseRelay(process.env.DATABASE_URL ?? "");
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: relay.url,
      NODE_OPTIONS: serverNodeOptions(),
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
      AUTH_TRUST_HOST: "true",
      APP_URL: BASE,
      NOTIFICATIONS_DISABLED: "1",
      EXPORT_WORKER_DISABLED: "1",
    },
    stdio: "ignore",
  });
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 120) throw new Error("the relayed instance did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  server?.kill();
  relay?.restore();
  await relay?.close();
});

test("a page during a database outage answers 503 with Retry-After and says so, then works again", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ baseURL: BASE, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.secretariat);

  relay.cut();
  try {
    const response = await page.goto("/units");
    expect(response?.status()).toBe(503);
    expect(response?.headers()["retry-after"]).toBe("10");
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "سامانه موقتاً در دسترس نیست. چند لحظه بعد دوباره تلاش کنید." }),
    ).toBeVisible();
    await expect(page.getByText("خطای پیش‌بینی‌نشده")).toHaveCount(0);

    // The public API answers in its own terms: 503 problem+json.
    const api = await page.request.get("/api/v1/units", {
      headers: { authorization: "Bearer tashil_0000000000000000000000000000000000000000" },
    });
    expect(api.status()).toBe(503);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
  } finally {
    relay.restore();
  }
  const back = await page.goto("/units");
  expect(back?.status()).toBe(200);
  await context.close();
});
