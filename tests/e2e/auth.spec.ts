import { expect, test } from "@playwright/test";
import { ACCOUNTS, createTestMember, signIn, TEST_USER_PASSWORD } from "./support";
import { enterAs } from "./session";

// Only the tests about the login form sign in through it; the others start with a session
// minted as the app mints one (tests/e2e/session.ts), which skips argon2 and two page loads.

test.describe("each role lands on its own home", () => {
  const homes = [
    { account: ACCOUNTS.secretariat, path: /\/dashboard$/, heading: "داشبورد" },
    { account: ACCOUNTS.chair, path: /\/chair$/, heading: "خوش آمدید، سالاری" },
    { account: ACCOUNTS.bank, path: /\/agency$/, heading: "کارتابل دستگاه" },
    { account: ACCOUNTS.environment, path: /\/agency$/, heading: "کارتابل دستگاه" },
    { account: ACCOUNTS.member, path: /\/resolutions$/, heading: "مصوبات" },
    { account: ACCOUNTS.admin, path: /\/admin\/users$/, heading: "کاربران" },
  ];
  for (const { account, path, heading } of homes) {
    test(account, async ({ page }) => {
      await signIn(page, account);
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }
});

test("the secretariat's dashboard shows the demo session's overdue resolutions", async ({ page }) => {
  await enterAs(page, ACCOUNTS.secretariat);
  const overdue = page.getByRole("region", { name: "مصوبات معوق" });
  await expect(overdue.getByRole("row").nth(1)).toBeVisible();
  await expect(overdue.getByText(/روز تأخیر/).first()).toBeVisible();
});

test("the bank's inbox lists only the bank's resolutions", async ({ page }) => {
  await enterAs(page, ACCOUNTS.bank);
  // The resolutions the bank answers for; its notices are listed apart, above them.
  const own = page.getByRole("region", { name: "مصوبات به مسئولیت دستگاه شما" });
  await expect(own.getByRole("row").nth(1)).toBeVisible();
  const agencies = await own.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(agencies.length).toBeGreaterThan(0);
  expect(new Set(agencies)).toEqual(new Set(["بانک ملی ایران"]));
});

test("a wrong password gets a clear Persian error and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("ایمیل").fill(ACCOUNTS.member);
  await page.getByLabel("گذرواژه").fill("not-the-password");
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("ایمیل یا گذرواژه نادرست است.");
  await expect(page.getByLabel("ایمیل")).toHaveValue(ACCOUNTS.member);
  await page.goto("/resolutions");
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form is answered field by field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByText("این فیلد الزامی است.").first()).toBeVisible();
  await expect(page.getByLabel("ایمیل")).toHaveAttribute("aria-invalid", "true");
});

test("an agency user opening an admin URL is refused", async ({ page }) => {
  await enterAs(page, ACCOUNTS.bank);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "دسترسی مجاز نیست" })).toBeVisible();
  await expect(page.getByRole("link", { name: "مدیریت سامانه" })).toHaveCount(0);
});

test("the language switch flips direction and is kept for the user", async ({ page }) => {
  // An account of its own: the demo member's language is what other journeys run in.
  await enterAs(page, await createTestMember());
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Resolutions" })).toBeVisible();
  // Kept on the account: a fresh visit after reload is still in English.
  await page.reload();
  await expect(page.getByRole("link", { name: "Resolutions" })).toBeVisible();
  await page.getByRole("button", { name: "فارسی" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, await createTestMember(), TEST_USER_PASSWORD);
  await page.getByRole("button", { name: "خروج" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/resolutions");
  await expect(page).toHaveURL(/\/login/);
});
