import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";
import { enterAs } from "./session";

test("the admin creates an agency user, who can then sign in, and deactivates them", async ({
  page,
  browser,
}) => {
  // Two argon2 sign-ins and a password change on top of the admin's work.
  test.setTimeout(60_000);
  const email = `officer-${Date.now()}@tashil.demo`;
  await enterAs(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "کاربر جدید" }).click();

  // Bad input first: short password and an agency role without an agency.
  await page.getByLabel("نام و نام خانوادگی").fill("کارشناس گاز");
  await page.getByLabel("ایمیل").fill(email);
  await page.getByLabel("گذرواژه").fill("short");
  await page.getByLabel("دستگاه اجرایی").check();
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText(
    "اطلاعات وارد شده معتبر نیست",
  );
  // Nothing typed is lost (except the password, which is never sent back).
  await expect(page.getByLabel("نام و نام خانوادگی")).toHaveValue("کارشناس گاز");
  await expect(page.getByLabel("دستگاه اجرایی")).toBeChecked();
  await expect(page.getByText("گذرواژه باید دست‌کم ۱۰ نویسه باشد.")).toBeVisible();
  await expect(page.getByText("کاربر دستگاه اجرایی باید به یک دستگاه وابسته باشد.")).toBeVisible();

  await page.getByLabel("گذرواژه").fill("gas-officer-2025");
  // The agency picker finds it from a few letters, typed with an Arabic kaf.
  await page.getByRole("combobox", { name: "دستگاه", exact: true }).fill("گاز");
  await page.getByRole("option", { name: "شرکت گاز استان" }).click();
  // Escape after choosing closes nothing more and keeps the choice (issue #30: it cleared it
  // silently and the save failed with "agency required").
  const picker = page.getByRole("combobox", { name: "دستگاه", exact: true });
  await picker.focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(picker).toHaveValue("شرکت گاز استان");
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("status")).toHaveText("کاربر ایجاد شد.");

  // The new user signs in with the administrator's temporary password, must choose their
  // own (a common one is refused), and then lands in the agency inbox.
  const other = await browser.newContext();
  const officer = await other.newPage();
  await signIn(officer, email, "gas-officer-2025");
  await expect(officer).toHaveURL(/\/account\/password$/);
  await expect(officer.getByRole("note")).toContainText("گذرواژه موقت");
  await officer.goto("/agency");
  await expect(officer).toHaveURL(/\/account\/password$/);
  await officer.getByLabel("گذرواژه فعلی").fill("gas-officer-2025");
  await officer.getByLabel("گذرواژه تازه", { exact: true }).fill("1234567890");
  await officer.getByLabel("تکرار گذرواژه تازه").fill("1234567890");
  await officer.getByRole("button", { name: "ذخیره" }).click();
  await expect(officer.getByText("این گذرواژه در فهرست گذرواژه‌های رایج است")).toBeVisible();
  await officer.getByLabel("گذرواژه فعلی").fill("gas-officer-2025");
  await officer.getByLabel("گذرواژه تازه", { exact: true }).fill("Kerman-gas-pipeline-77");
  await officer.getByLabel("تکرار گذرواژه تازه").fill("Kerman-gas-pipeline-77");
  await officer.getByRole("button", { name: "ذخیره" }).click();
  await expect(officer).toHaveURL(/\/agency$/);
  await other.close();

  // Deactivation asks first, then takes effect.
  await page.getByRole("searchbox").or(page.getByLabel("جستجوی نام یا ایمیل")).fill(email);
  await page.getByRole("button", { name: "جستجو" }).click();
  const row = page.getByRole("row", { name: /کارشناس گاز/ });
  const dialog = page.getByRole("dialog");
  // The search reloads the page; under load the button may be clicked before it is hydrated.
  await expect(async () => {
    if (!(await dialog.isVisible())) await row.getByRole("button", { name: "غیرفعال کردن" }).click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(dialog).toContainText("کارشناس گاز");
  await dialog.getByRole("button", { name: "غیرفعال کردن" }).click();
  await expect(row.getByText("غیرفعال", { exact: true })).toBeVisible();

  const again = await browser.newContext();
  const blocked = await again.newPage();
  await blocked.goto("/login");
  await blocked.getByLabel("ایمیل").fill(email);
  await blocked.getByLabel("گذرواژه").fill("gas-officer-2025");
  await blocked.getByRole("button", { name: "ورود" }).click();
  await expect(blocked.getByRole("main").getByRole("alert")).toHaveText("ایمیل یا گذرواژه نادرست است.");
  await again.close();
});
