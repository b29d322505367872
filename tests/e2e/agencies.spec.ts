import { randomInt } from "node:crypto";
import { ACCOUNTS, expect, test } from "./fixtures";
import { faDigits } from "./support";

// The stories of the agencies' pages, each on its own (issue #29: one journey of them all took
// half its time limit on a busy machine). The duplicate-name check starts from an agency
// made in set-up (tests/e2e/fixtures.ts) instead of one registered through the form first.

test("the main menu leads the secretariat to the agencies and their new-agency form", async ({
  signedInAs,
}) => {
  // From a light page with the main menu (the secretariat's home is the dashboard, the heaviest).
  const page = await signedInAs(ACCOUNTS.secretariat, "/notifications");
  await page
    .getByRole("navigation", { name: "منوی اصلی" })
    .getByRole("link", { name: "دستگاه‌های اجرایی" })
    .click();
  await page.getByRole("link", { name: "دستگاه جدید" }).click();
  await expect(page).toHaveURL(/\/agencies\/new$/);
  await expect(page.getByLabel("نام فارسی")).toBeVisible();
});

test("the secretariat registers an agency: a wrong e-mail is refused with a message, then it is saved", async ({
  signedInAs,
}) => {
  const name = `بانک توسعه تعاون ${faDigits(Date.now() % 1_000_000)}`;
  const page = await signedInAs(ACCOUNTS.secretariat, "/agencies/new");
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
});

test("a second agency with the same name, typed with Arabic letters, is refused", async ({
  signedInAs,
  data,
}) => {
  const name = `بانک نام تکراری ${faDigits(randomInt(1_000_000))}`;
  await data.agency({ name, nameEn: "Duplicate Name Bank" });
  const page = await signedInAs(ACCOUNTS.secretariat, "/agencies/new");
  await page.getByLabel("نام فارسی").fill(name.replace(/ک/g, "ك").replace(/ی/g, "ي"));
  await page.getByLabel("نام انگلیسی").fill("Copy");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByText("دستگاهی با این نام قبلاً ثبت شده است.")).toBeVisible();
});

test("an agency's page shows its users and its open resolutions", async ({ signedInAs }) => {
  // The demo bank: its officer is listed and its open resolutions are counted.
  const page = await signedInAs(ACCOUNTS.secretariat, "/agencies?q=بانک ملی ایران");
  await page.getByRole("link", { name: "بانک ملی ایران" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "کارشناس بانک ملی" })).toBeVisible();
  await expect(page.getByText("مصوبات باز", { exact: true })).toBeVisible();
});
