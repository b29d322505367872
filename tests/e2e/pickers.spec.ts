import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support";
import { enterAs } from "./session";

// The register's unit and session filters are pickers searched on the server: a national
// register would otherwise carry 50,000 units and 3,100 sessions as <option>s (issue #15).
test("the secretariat filters the register by a unit found typing Arabic letters, and by a session number", async ({
  page,
}) => {
  await enterAs(page, ACCOUNTS.secretariat, "/resolutions");
  const unit = page.getByRole("combobox", { name: "واحد تولیدی" });
  // «ك» and «ي» from an Arabic keyboard, the ZWNJ-less «کرمانتایل»: still the unit's name.
  await unit.fill("كاشي و سراميك كرمانتايل");
  await page.getByRole("option", { name: "شرکت کاشی و سرامیک کرمان‌تایل" }).click();
  await expect(unit).toHaveValue("شرکت کاشی و سرامیک کرمان‌تایل");
  await page.getByRole("button", { name: "اعمال فیلتر" }).click();
  await expect(page).toHaveURL(/unitId=/);
  // The picker names the chosen unit after the reload, and every row is that unit's.
  await expect(page.getByRole("combobox", { name: "واحد تولیدی" })).toHaveValue(
    "شرکت کاشی و سرامیک کرمان‌تایل",
  );
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  for (const text of await rows.allTextContents()) expect(text).toContain("کرمان‌تایل");

  // Erasing the name clears the filter; a session is found by its number in Persian digits.
  await page.getByRole("combobox", { name: "واحد تولیدی" }).fill("");
  const session = page.getByRole("combobox", { name: "جلسه" });
  await session.fill("۴ ۱۴۰۴");
  const option = page.getByRole("option", { name: /چهارم/ }).first();
  await expect(option).toBeVisible();
  await option.click();
  await page.getByRole("button", { name: "اعمال فیلتر" }).click();
  await expect(page).toHaveURL(/meetingId=/);
  await expect(page).not.toHaveURL(/unitId=[^&]/);
});
