import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { ACCOUNTS } from "./support";
import { enterAs } from "./session";

test("the secretariat sees overdue items, filters by agency, opens one and exports the scorecard", async ({
  page,
}) => {
  await enterAs(page, ACCOUNTS.secretariat);
  await expect(page).toHaveURL(/\/dashboard$/);
  const overdue = page.getByRole("region", { name: /مصوبات معوق/ });
  await expect(overdue.getByText(/روز تأخیر/).first()).toBeVisible();
  const overdueFigure = page.getByRole("definition").nth(1);
  const before = Number(
    (await overdueFigure.textContent())?.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))),
  );
  expect(before).toBeGreaterThan(0);

  // Filter by one agency: every overdue row is that agency's.
  // The agency picker is searched on the server; Arabic letters find the Persian name.
  await page.getByRole("combobox", { name: "دستگاه مسئول", exact: true }).fill("بانك ملي");
  await page.getByRole("option", { name: "بانک ملی ایران", exact: true }).click();
  await page.getByRole("button", { name: "اعمال فیلتر" }).click();
  await expect(page).toHaveURL(/agency=/);
  // The filtered page streams in after its skeleton: wait for the scorecard to narrow first.
  const scorecard = page.getByRole("region", { name: "کارنامه دستگاه‌ها" });
  await expect(scorecard.getByRole("rowheader")).toHaveText(["بانک ملی ایران"]);
  const agencyCells = overdue.locator("tbody tr td:nth-child(3)");
  await expect(agencyCells.first()).toBeVisible();
  expect(new Set(await agencyCells.allTextContents())).toEqual(new Set(["بانک ملی ایران"]));

  // Export the scorecard and read the spreadsheet back.
  await page
    .getByRole("button", { name: "حذف فیلترها" })
    .or(page.getByRole("link", { name: "حذف فیلترها" }))
    .click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "خروجی اکسل" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^tashil-scorecard-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe("دستگاه مسئول");
  const names = (sheet?.getColumn(1).values ?? []).slice(2);
  expect(names).toContain("بانک ملی ایران");

  // One click to the resolution.
  const first = overdue.getByRole("link").first();
  const text = await first.textContent();
  await first.click();
  await expect(page).toHaveURL(/\/resolutions\/\w+$/);
  await expect(page.getByText(text ?? "").first()).toBeVisible();
});

test("the chair's home shows the next session's agenda and the scorecard", async ({ page }) => {
  await enterAs(page, ACCOUNTS.chair);
  const next = page.getByRole("region", { name: "جلسه بعدی" });
  await expect(next.getByText(/کارگروه تسهیل و رفع موانع تولید/)).toBeVisible();
  await expect(next.getByRole("list", { name: "دستور جلسه" }).getByRole("listitem").first()).toBeVisible();
  await expect(
    page.getByRole("region", { name: "کارنامه دستگاه‌ها" }).getByRole("rowheader").first(),
  ).toBeVisible();
});

test("the public figures page is off until the admin switches it on", async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  expect((await visitor.goto("/figures"))?.status()).toBe(404);

  await enterAs(page, ACCOUNTS.admin, "/admin/settings");
  await page.getByRole("button", { name: "فعال کردن صفحه عمومی" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("صفحه عمومی آمار فعال شد.");

  expect((await visitor.goto("/figures"))?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(
    "کارنامه کارگروه تسهیل و رفع موانع تولید",
  );
  await expect(visitor.getByText("واحدهای تولیدی بررسی‌شده")).toBeVisible();
  // No person is named: not the chair, not a demo user.
  await expect(visitor.getByText("سالاری")).toHaveCount(0);
  await page.getByRole("button", { name: "غیرفعال کردن صفحه عمومی" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("صفحه عمومی آمار غیرفعال شد.");
  await anonymous.close();
});

test("the scorecard workbook is built when asked for, not on every dashboard view", async ({ page }) => {
  // Issue #30: a next/link to the export prefetched it, building the .xlsx on each view.
  const built: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/reports/scorecard")) built.push(request.url());
  });
  await enterAs(page, ACCOUNTS.secretariat);
  await expect(page).toHaveURL(/\/dashboard$/);
  const exportLink = page.getByRole("link", { name: "خروجی اکسل" });
  await exportLink.scrollIntoViewIfNeeded();
  await exportLink.hover();
  // next/link prefetches a link in view and on hover; give it the time it would take.
  await page.waitForTimeout(2_000);
  expect(built).toEqual([]);
  const download = page.waitForEvent("download");
  await exportLink.click();
  expect((await download).suggestedFilename()).toMatch(/^tashil-scorecard-.*\.xlsx$/);
  expect(built).toHaveLength(1);
});
