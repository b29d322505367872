import { expect, test } from "@playwright/test";
import { ACCOUNTS, faDigits } from "./support";
import { enterAs } from "./session";

test("the secretariat registers an agency; an agency's page shows its users and open resolutions", async ({
  page,
}) => {
  const name = `بانک توسعه تعاون ${faDigits(Date.now() % 1_000_000)}`;
  await enterAs(page, ACCOUNTS.secretariat);
  await page
    .getByRole("navigation", { name: "منوی اصلی" })
    .getByRole("link", { name: "دستگاه‌های اجرایی" })
    .click();
  await page.getByRole("link", { name: "دستگاه جدید" }).click();
  await page.getByLabel("نام فارسی").fill(name);
  await page.getByLabel("نام انگلیسی").fill("Cooperative Development Bank");
  await page.getByLabel("نوع").selectOption({ label: "بانک" });
  await page.getByLabel("ایمیل").fill("not-an-email");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByText("ایمیل معتبر وارد کنید.")).toBeVisible();
  await page.getByLabel("ایمیل").fill("info@ttbank.example");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("status")).toHaveText("دستگاه ثبت شد.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("کاربری به این دستگاه وابسته نیست.")).toBeVisible();

  // A second agency with the same name, typed with Arabic letters, is refused.
  await page.goto("/agencies/new");
  await page.getByLabel("نام فارسی").fill(name.replace(/ک/g, "ك").replace(/ی/g, "ي"));
  await page.getByLabel("نام انگلیسی").fill("Copy");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByText("دستگاهی با این نام قبلاً ثبت شده است.")).toBeVisible();

  // The demo bank: its officer is listed and its open resolutions are counted.
  await page.goto("/agencies?q=بانک ملی ایران");
  await page.getByRole("link", { name: "بانک ملی ایران" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "کارشناس بانک ملی" })).toBeVisible();
  await expect(page.getByText("مصوبات باز", { exact: true })).toBeVisible();
});
