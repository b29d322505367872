import type { Page } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, expect, test } from "./fixtures";
import { createTestMember, faDigits, TEST_USER_PASSWORD } from "./support";
import { addSession, enterAs } from "./session";

// Security behaviour that lives in the running server: session cookies, the socket address
// behind sign-in throttling, response headers, hostile input (issue #14).
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

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = TEST_USER_PASSWORD;
const newMember = createTestMember;

/**
 * Fills and sends the sign-in form, opening it first unless the page shows it already: after a
 * refused attempt the form stays, so the next attempt costs no page load. Resolves when the
 * server has answered this attempt.
 */
async function attemptSignIn(page: Page, email: string, password: string, origin = "") {
  if (origin || new URL(page.url()).pathname !== "/login") await page.goto(`${origin}/login`);
  await page.getByLabel("ایمیل").fill(email);
  await page.getByLabel("گذرواژه").fill(password);
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login",
  );
  await page.getByRole("button", { name: "ورود" }).click();
  await answered;
}

/**
 * The form is back (its button no longer "sending"), so the message shown is this attempt's
 * answer and not the previous one's, which may read the same.
 */
async function expectRefusal(page: Page, message: string) {
  await expect(page.getByRole("button", { name: "ورود" })).toBeEnabled();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
}

const THROTTLED = "تلاش‌های ناموفق زیادی انجام شده است. لطفاً چند دقیقه دیگر دوباره تلاش کنید.";
const INVALID = "ایمیل یا گذرواژه نادرست است.";

test.describe("sessions that end", () => {
  test("a session cookie copied before sign-out is refused afterwards", async ({ browser, page }) => {
    // Signed in directly: what is under test is the cookie after sign-out, not the form.
    await enterAs(page, await newMember({ password: false }));
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
    await page.getByRole("button", { name: "خروج" }).click();
    await expect(page).toHaveURL(/\/login/);

    // Someone who kept the cookie (another tab, a stolen copy) replays it.
    const replay = await browser.newContext();
    await replay.addCookies(copied);
    const stale = await replay.newPage();
    await stale.goto("/resolutions");
    await expect(stale).toHaveURL(/\/login/);
    const api = await replay.request.get("/api/resolutions/export");
    expect(api.status()).toBe(401);
    await replay.close();
  });

  test("deactivation ends a user's session and reactivation does not revive it", async ({ page }) => {
    const email = await newMember();
    // A minted session (tests/e2e/session.ts) carries the user's session version like one
    // from the form, so deactivation must end it too; signing in again goes through the form.
    const admin = await page.context().browser()!.newContext();
    const adminPage = await admin.newPage();
    // The member and the administrator come in side by side.
    await Promise.all([
      enterAs(page, email).then(() => expect(page).toHaveURL(/\/resolutions/)),
      enterAs(adminPage, ACCOUNTS.admin, `/admin/users?q=${encodeURIComponent(email)}`),
    ]);
    const row = adminPage.getByRole("row").filter({ hasText: email });
    const dialog = adminPage.getByRole("dialog");
    // The page may not be hydrated yet when the button is first clicked (as in admin-users).
    await expect(async () => {
      await row.getByRole("button", { name: "غیرفعال کردن" }).click();
      await expect(dialog).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await dialog.getByRole("button", { name: "غیرفعال کردن" }).click();
    await expect(row.getByRole("button", { name: "فعال کردن", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "فعال کردن", exact: true }).click();
    await expect(row.getByRole("status")).toHaveText("کاربر فعال شد.");
    await admin.close();

    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    await attemptSignIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/resolutions/);
  });
});

test.describe("sign-in throttling by the socket address", () => {
  test("changing X-Forwarded-For does not get around the limit", async ({ page }) => {
    const email = await newMember();
    for (let i = 0; i < 5; i++) {
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i + 1}` });
      await attemptSignIn(page, email, `wrong-password-${i}`);
      await expectRefusal(page, INVALID);
    }
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.77" });
    await attemptSignIn(page, email, PASSWORD);
    await expectRefusal(page, THROTTLED);
    await expect(page).toHaveURL(/\/login/);
  });

  test("naming the owner's address in X-Forwarded-For does not lock the owner out", async ({
    browser,
    page,
  }) => {
    const email = await newMember();
    // The attacker connects over 127.0.0.1 and claims to be ::1, where the owner is.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "::1" });
    for (let i = 0; i < 6; i++) {
      await attemptSignIn(page, email, `wrong-password-${i}`);
      await expect(page.getByRole("button", { name: "ورود" })).toBeEnabled();
    }
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(THROTTLED);

    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    await attemptSignIn(ownerPage, email, PASSWORD, `http://[::1]:${PORT}`);
    await expect(ownerPage).toHaveURL(/\/resolutions/);
    await owner.close();

    const { rows } = await pool().query<{ action: string; ip: string }>(
      `SELECT action, after->>'ip' AS ip FROM "AuditEvent" WHERE after->>'email' = $1 ORDER BY "createdAt"`,
      [email],
    );
    expect(rows.filter((r) => r.action === "auth.signInFailed").map((r) => r.ip)).toEqual(
      Array(5).fill("127.0.0.1"),
    );
    expect(rows.at(-1)).toEqual({ action: "auth.signIn", ip: "::1" });
  });
});

test.describe("headers on every response", () => {
  const PAGES = [
    "/dashboard",
    "/units",
    "/units/new",
    "/obstacles",
    "/meetings",
    "/meetings/new",
    "/resolutions",
    "/agencies",
    "/reports",
    "/search?q=کرمان",
    "/notifications",
    "/api/units/export",
    "/api/health",
  ];

  function expectSecurityHeaders(headers: Record<string, string>, path: string) {
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }

  test("pages, exports and the login page carry CSP, framing, sniffing, referrer and permission headers", async ({
    page,
  }) => {
    const login = await page.goto("/login");
    expectSecurityHeaders(login!.headers(), "/login");
    expect(login!.headers()["strict-transport-security"]).toBeUndefined();

    // Signed in without a page load: the pages are read as requests, then one is opened.
    await addSession(page.context(), ACCOUNTS.secretariat);
    const { rows } = await pool().query<{
      unit: string;
      meeting: string;
      resolution: string;
      agency: string;
    }>(
      `SELECT (SELECT id FROM "ProductionUnit" LIMIT 1) AS unit, (SELECT id FROM "Meeting" LIMIT 1) AS meeting,
              (SELECT id FROM "Resolution" LIMIT 1) AS resolution, (SELECT id FROM "Agency" LIMIT 1) AS agency`,
    );
    const ids = rows[0]!;
    const dynamic = [
      `/units/${ids.unit}`,
      `/units/${ids.unit}/edit`,
      `/meetings/${ids.meeting}`,
      `/meetings/${ids.meeting}/minutes`,
      `/resolutions/${ids.resolution}`,
      `/agencies/${ids.agency}`,
    ];
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // Side by side: each is a request of its own, their order tells nothing.
    await Promise.all(
      [...PAGES, ...dynamic].map(async (path) => {
        const response = await page.request.get(path);
        expect(response.status(), path).toBeLessThan(400);
        expectSecurityHeaders(response.headers(), path);
      }),
    );
    // The app itself works under its policy: a full page with charts, nothing blocked.
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "داشبورد" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("HSTS over https, and a favicon", async ({ request }) => {
    const https = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toContain("max-age=");
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("icon");
    expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("hostile input gets a message, not a 500", () => {
  test("NUL bytes and absurd page numbers in URLs", async ({ page }) => {
    // Signed in without a page load: the URLs are read as requests, then one page is opened.
    await addSession(page.context(), ACCOUNTS.secretariat);
    for (const path of [
      "/units?q=%00",
      "/obstacles?q=%00",
      "/api/units/export?q=%00",
      "/api/obstacles/export?q=%00",
      "/meetings?page=1e308",
      "/units?page=1e308",
      "/resolutions?page=99999999999999999999",
      "/meetings?year=1e308",
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
    }
    for (const path of ["/api/attachments/%00", "/units/%00"]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    expect((await page.request.get("/units/%ZZ")).status()).toBe(400);
    await page.goto("/meetings?page=1e308");
    await expect(page.getByRole("heading", { level: 1, name: "جلسات" })).toBeVisible();
  });

  test("a NUL typed into a form is dropped, and a 35 MB body is refused in Persian", async ({ page }) => {
    await enterAs(page, ACCOUNTS.secretariat, "/units/new");
    const name = `واحد نویسه پنهان ${faDigits(Date.now())}`;
    await page
      .getByLabel("نام واحد")
      .evaluate((el, v) => ((el as HTMLInputElement).value = v), `${name}\u0000`);
    await page.getByLabel("شهرستان").selectOption({ label: "رفسنجان" });
    await page.getByLabel("وضعیت بهره‌برداری").selectOption({ label: "راکد" });
    await page.getByRole("button", { name: "ذخیره" }).click();
    await expect(page.getByRole("status")).toHaveText("واحد ثبت شد.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

    const big = await page.request.post("/units/new", {
      headers: { "content-type": "application/octet-stream" },
      data: Buffer.alloc(35 * 1024 * 1024),
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("حجم درخواست بیش از حد مجاز");
  });
});

test("two people saving the same unit: one is saved, the other told it conflicted", async ({
  browser,
  data,
}) => {
  const { id } = await data.unit({ name: `واحد ویرایش هم‌زمان ${faDigits(Date.now())}` });
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [a, b] = await Promise.all([first.newPage(), second.newPage()]);
  await Promise.all([
    enterAs(a, ACCOUNTS.secretariat, `/units/${id}/edit`),
    enterAs(b, ACCOUNTS.admin, `/units/${id}/edit`),
  ]);

  await a.getByLabel("تعداد کارکنان").fill("۴۰");
  await b.getByLabel("تعداد کارکنان").fill("۹۰");
  await a.getByRole("button", { name: "ذخیره" }).click();
  await expect(a.getByRole("status")).toHaveText("تغییرات واحد ذخیره شد.");
  await b.getByRole("button", { name: "ذخیره" }).click();
  await expect(b.getByRole("main").getByRole("alert").first()).toContainText(
    "این مورد را کاربر دیگری هم‌زمان تغییر داده است",
  );
  const saved = await pool().query<{ employees: number }>(
    `SELECT employees FROM "ProductionUnit" WHERE id = $1`,
    [id],
  );
  expect(saved.rows[0]!.employees).toBe(40);
  await Promise.all([first.close(), second.close()]);
});
