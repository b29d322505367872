import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { ACCOUNTS } from "./support";
import { enterAs } from "./session";

test("a large export is prepared in the background: progress, a message, and a download for its requester only", async ({
  page,
  browser,
}) => {
  // The demo register is small; `mode=job` is where a national register's export link leads.
  // The first page opened, not the member's home first: one page load less.
  await enterAs(page, ACCOUNTS.member, "/api/resolutions/export?mode=job");
  await expect(page).toHaveURL(/\/exports\?job=/);
  const id = new URL(page.url()).searchParams.get("job") ?? "";
  await expect(page.getByRole("heading", { name: "فایل‌های خروجی" })).toBeVisible();
  const row = page.locator(`#job-${id}`);
  await expect(row).toContainText("دفتر مصوبات (Excel)");

  // The page follows the job without a reload until the file is ready.
  const link = row.getByRole("link", { name: /^دریافت resolutions-/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(row).toContainText("آماده");

  const downloadPromise = page.waitForEvent("download");
  await link.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^resolutions-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await readFile(await download.path());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ws = wb.worksheets[0];
  expect(ws?.name).toBe("مصوبات");
  expect(ws?.getRow(1).getCell(1).value).toBe("جلسه");
  expect(ws?.rowCount).toBeGreaterThan(10);

  // The requester got a message with the link.
  await page.goto("/notifications");
  await expect(page.getByText(/فایل خروجی آماده است/).first()).toBeVisible();

  // Someone else cannot fetch it, nor see it listed.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await enterAs(otherPage, ACCOUNTS.secretariat, "/exports");
  expect((await otherPage.request.get(`/api/exports/${id}`)).status()).toBe(404);
  await expect(otherPage.locator(`#job-${id}`)).toHaveCount(0);
  await other.close();
});
