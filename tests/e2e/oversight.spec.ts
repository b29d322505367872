import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";
import { enterAs } from "./session";

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const NATIONAL = "national@tashil.demo";
const HQ_ADMIN = "hq-admin@tashil.demo";

test("the national administrator opens a province with its first secretariat user", async ({
  page,
  browser,
}) => {
  const suffix = String(Date.now() % 100_000);
  const code = `E${suffix}`;
  const email = `yazd-${suffix}@tashil.demo`;
  await enterAs(page, HQ_ADMIN, "/admin/provinces");
  await page.getByLabel("کد استان").fill(code);
  await page.getByLabel("نام فارسی").fill(`یزد ${persian(suffix)}`);
  await page.getByLabel("نام انگلیسی").fill(`Yazd ${suffix}`);
  await page.getByLabel(/شهرستان‌ها/).fill("یزد | Yazd\nمیبد | Meybod");
  await page.getByLabel("نام و نام خانوادگی").fill("دبیر کارگروه یزد");
  await page.getByLabel("ایمیل").fill(email);
  await page.getByLabel(/گذرواژه/).fill("yazd-secretariat-1404");
  await page.getByRole("button", { name: "ایجاد استان" }).click();
  await expect(page.getByRole("status")).toContainText("نخستین کاربر دبیرخانه آن ایجاد شد");
  await expect(page.getByRole("row", { name: new RegExp(code) })).toBeVisible();

  // The new secretariat signs in and works in their own, empty province.
  const other = await browser.newContext();
  const secretary = await other.newPage();
  await signIn(secretary, email, "yazd-secretariat-1404");
  await expect(secretary).toHaveURL(/\/dashboard$/);
  await other.close();
});

test("a national viewer compares provinces, sorts them and drills into one, read-only", async ({ page }) => {
  test.setTimeout(90_000);
  await enterAs(page, NATIONAL);
  await page
    .getByRole("navigation", { name: "منوی اصلی" })
    .getByRole("link", { name: "مقایسه استان‌ها" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("مقایسه استان‌ها");
  // The first table: the second compares units' own requests (issue #32).
  const table = page.getByRole("table").first();
  const kerman = table.getByRole("row", { name: /کرمان/ });
  await expect(kerman).toBeVisible();
  // The demo's Kerman has overdue resolutions and held sessions.
  await expect(table.getByRole("columnheader", { name: "معوق" })).toHaveAttribute("aria-sort", "descending");
  await table.getByRole("link", { name: "مرتب‌سازی بر اساس جلسات برگزارشده" }).click();
  await expect(table.getByRole("columnheader", { name: /جلسات برگزارشده/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(page).toHaveURL(/sort=sessionsHeld/);
  const overdueCell = await kerman.getByRole("cell").nth(1).textContent();

  await kerman.getByRole("link", { name: /کرمان/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("داشبورد استان کرمان (فقط خواندنی)");
  // The drilled-down dashboard's overdue figure is the comparison's.
  const figure = page.locator("dl > div").filter({ has: page.getByText("مصوبات معوق", { exact: true }) });
  await expect(figure.locator("dd")).toHaveText(overdueCell ?? "");
  await expect(page.getByRole("link", { name: "خروجی اکسل" })).toBeHidden();
  await page.getByRole("link", { name: "بازگشت به مقایسه استان‌ها" }).click();
  await expect(page).toHaveURL(/\/provinces/);
});

test("an admin finds who changed a unit's employee count and sees before and after", async ({
  page,
  browser,
}) => {
  // Two people, two sign-ins, an edit, a search and two record pages: past 30 s on a busy CI.
  test.setTimeout(60_000);
  // The secretariat changes a unit's number of employees.
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await enterAs(clerk, ACCOUNTS.secretariat, "/units");
  await clerk.getByRole("table").locator("tbody").getByRole("link").first().click();
  await expect(clerk).toHaveURL(/\/units\/[^/]+$/);
  const unitId = new URL(clerk.url()).pathname.split("/").at(-1) ?? "";
  await clerk.getByRole("link", { name: "ویرایش" }).click();
  const employees = clerk.getByLabel("تعداد کارکنان");
  const newCount = String(1000 + (Date.now() % 8000));
  await employees.fill(newCount);
  await clerk.getByRole("button", { name: "ذخیره" }).click();
  await expect(clerk.getByRole("status")).toHaveText("تغییرات واحد ذخیره شد.");
  await clerkContext.close();

  // The administrator looks the change up in the audit trail.
  await enterAs(page, ACCOUNTS.admin, "/admin/audit");
  await page.getByLabel("انجام‌دهنده").selectOption({ label: "سمیه دبیری (secretariat@tashil.demo)" });
  await page.getByLabel("نوع رکورد").selectOption({ label: "واحد تولیدی" });
  await page.getByLabel("شناسه رکورد").fill(unitId);
  await page.getByLabel("عملیات").fill("unit.update");
  await page.getByRole("button", { name: "نمایش" }).click();
  // In words, not as the code `unit.update` (issue #30).
  const event = page.getByRole("listitem").filter({ hasText: "مشخصات واحد ویرایش شد" }).first();
  await expect(event).toContainText("سمیه دبیری");
  // The code is not what the reader sees (only inside the closed raw change).
  await expect(event.getByText("unit.update")).toBeHidden();
  // The record is named, not shown as its id; the raw change is one click away for the admin.
  await expect(event.getByRole("link", { name: /./ }).first()).not.toHaveText(unitId);
  await event.getByText("تغییر خام (برای مدیر سامانه)").click();
  await expect(event.locator("pre")).toContainText('"action": "unit.update"');
  const change = event.getByRole("row", { name: /تعداد کارکنان/ });
  await expect(change.getByRole("insertion")).toHaveText(
    persian(Number(newCount).toLocaleString("en-US").replace(/,/g, "٬")),
  );
  await expect(change.getByRole("deletion")).not.toHaveText("");

  // The unit's own page tells the same story in its history section.
  await page.goto(`/units/${unitId}`);
  const history = page.getByRole("region", { name: "سابقه تغییرات" });
  await expect(history.getByRole("row", { name: /تعداد کارکنان/ }).first()).toBeVisible();
});
