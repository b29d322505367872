import { PDFParse } from "pdf-parse";
import { addDays, calendarDate, formatDate, todayInTehran } from "@/lib/i18n/format";
import { ACCOUNTS, expect, test } from "./fixtures";
import { addSession, enterAs } from "./session";

const PHONE = { width: 390, height: 844 };

/** The next Friday after today (Tehran), as a Jalali date in Persian digits. */
function nextFriday(): string {
  let day = addDays(todayInTehran(), 1);
  while (calendarDate(day).getUTCDay() !== 5) day = addDays(day, 1);
  return formatDate(calendarDate(day), "fa", { style: "short" });
}

test("a deadline is chosen with the keyboard in the calendar, and a Friday is warned about", async ({
  signedInAs,
  data,
}) => {
  const id = await data.bankResolution({ daysLeft: 5 });
  const bank = await signedInAs(ACCOUNTS.bank, `/resolutions/${id}`);
  const request = bank.getByRole("form", { name: "درخواست تمدید مهلت" });
  const field = request.getByLabel("مهلت جدید (تاریخ شمسی)");

  // Open the calendar from its button with the keyboard: focus goes into the dialog's grid.
  await request.getByRole("button", { name: "باز کردن تقویم" }).focus();
  await bank.keyboard.press("Enter");
  const dialog = bank.getByRole("dialog", { name: "تقویم" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("grid")).toBeVisible();
  // Weeks start on Saturday, in Persian.
  await expect(dialog.locator("thead th").first()).toHaveAttribute("aria-label", "شنبه");
  const today = dialog.getByRole("button", { name: /امروز/ });
  await expect(today).toBeFocused();

  // Two months on, then a day along; Enter chooses the focused day.
  await bank.keyboard.press("PageDown");
  await bank.keyboard.press("PageDown");
  await bank.keyboard.press("ArrowLeft");
  const chosen = await bank.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  expect(chosen).toMatch(/[۰-۹]/);
  await bank.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(field).toHaveValue(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
  // The full date read back under the field is the day that was focused in the grid.
  const fullDate = chosen.split("، ")[0] ?? "";
  await expect(request.getByText(fullDate, { exact: true })).toBeVisible();

  // Escape closes the calendar and gives focus back to its button.
  await request.getByRole("button", { name: /باز کردن تقویم/ }).click();
  await expect(dialog).toBeVisible();
  await bank.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(request.getByRole("button", { name: /باز کردن تقویم/ })).toBeFocused();

  // Typing still works; a Friday is said to be a day off.
  await field.fill(nextFriday());
  await expect(request.getByText("این روز جمعه است؛ ادارات تعطیل‌اند.")).toBeVisible();

  // The chosen (working) date is what the server stores.
  await field.fill("");
  await request.getByRole("button", { name: "باز کردن تقویم" }).click();
  await bank.keyboard.press("PageDown");
  await bank.keyboard.press("PageDown");
  await bank.keyboard.press("Enter");
  await request.getByLabel("دلیل").fill("بانک مرکزی هنوز بخشنامه امهال را ابلاغ نکرده است.");
  await request.getByRole("button", { name: "ارسال درخواست تمدید" }).click();
  await expect(
    bank.getByRole("region", { name: "درخواست‌های تمدید مهلت و سابقه مهلت" }).getByText(/^در انتظار تصمیم/),
  ).toBeVisible();
});

test("the agency inbox on a 390 px phone shows deadline, delay and status without sideways scrolling", async ({
  browser,
  data,
}, testInfo) => {
  const text = "بانک ملی وثیقه واحد را آزاد کند (آزمون تلفن همراه).";
  await data.bankResolution({ daysLeft: -3, text });
  const context = await browser.newContext({ viewport: PHONE, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const page = await context.newPage();
  await enterAs(page, ACCOUNTS.bank, "/agency");
  const card = page.locator("tr").filter({ hasText: text });
  await card.scrollIntoViewIfNeeded();
  for (const part of [card.getByText("۳ روز تأخیر"), card.getByText("ابلاغ‌شده", { exact: true })]) {
    await expect(part).toBeInViewport();
    const box = await part.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("390-agency-inbox.png"), fullPage: true });
  await context.close();
});

test("the main pages at 390 px (and the session page at 768 px), saved as screenshots", async ({
  browser,
  data,
}, testInfo) => {
  // A dozen pages loaded and photographed at two sizes: past 30 s on a busy CI.
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: PHONE, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const page = await context.newPage();
  // Signed in without a page load: the loop below opens every page itself.
  await addSession(context, ACCOUNTS.secretariat);
  for (const [name, path] of [
    ["dashboard", "/dashboard"],
    ["meetings", "/meetings"],
    ["resolutions", "/resolutions"],
    ["units", "/units"],
    ["obstacles", "/obstacles"],
    ["notifications", "/notifications"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`390-${name}.png`), fullPage: true });
  }
  // A tablet in the session room: the session page with its entry form.
  const session = await data.one<{ id: string }>(
    `SELECT m.id FROM "Meeting" m JOIN "Province" p ON p.id = m."provinceId"
     WHERE p.code = 'KRM' ORDER BY m."startsAt" DESC LIMIT 1`,
  );
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(`/meetings/${session?.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("768-session.png"), fullPage: true });
  await context.close();
});

test("the printed minutes number their pages in Persian digits", async ({ signedInAs, data }) => {
  const meeting = await data.one<{ id: string }>(
    `SELECT m.id FROM "Meeting" m JOIN "Province" p ON p.id = m."provinceId"
     WHERE p.code = 'KRM' AND m.status <> 'PLANNED'
     ORDER BY (SELECT count(*) FROM "AgendaItem" a WHERE a."meetingId" = m.id) DESC LIMIT 1`,
  );
  const page = await signedInAs(ACCOUNTS.secretariat, `/meetings/${meeting?.id}/minutes`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  // PDF text comes out in visual order with Arabic presentation forms; NFKC gives letters back.
  const text = (await parser.getText()).text.normalize("NFKC");
  await parser.destroy();
  // "صفحه ۱ از ۲" (the extraction may reverse the right-to-left run).
  expect(text).toMatch(/(صفحه|هحفص) [۰-۹]+ از [۰-۹]+|[۰-۹]+ از [۰-۹]+ (صفحه|هحفص)/);
  expect(text).not.toMatch(/Page \d+ of \d+/);
  // The letterhead is printed ("جمهوری اسلامی ایران"; the extraction may reverse it).
  expect(text).toMatch(/جمهوری|یروهمج/);
});

test("an administrator adds an announced holiday and withdraws it", async ({ signedInAs }) => {
  const page = await signedInAs(ACCOUNTS.admin, "/admin/calendar?year=1406");
  await expect(page.getByRole("heading", { level: 1, name: "تقویم کاری" })).toBeVisible();
  const form = page.getByRole("region", { name: "ثبت اصلاح" });
  await form.getByLabel("تاریخ", { exact: true }).fill("۱۴۰۶/۰۵/۰۵");
  await form.getByLabel("مناسبت", { exact: true }).fill("تعطیلی اعلام‌شده (آزمون)");
  await form.getByRole("button", { name: "ثبت اصلاح" }).click();
  await expect(form.getByText(/اصلاح تقویم برای .* ثبت شد/)).toBeVisible();
  const changes = page.getByRole("region", { name: "اصلاحات این سال" });
  await expect(changes.getByText(/تعطیلی اعلام‌شده \(آزمون\)/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: /تعطیلات سال/ }).getByRole("cell", { name: "تعطیلی اعلام‌شده (آزمون)" }),
  ).toBeVisible();

  await changes.getByRole("button", { name: "لغو اصلاح" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "تأیید" }).click();
  await expect(changes.getByText("اصلاحی ثبت نشده است.")).toBeVisible();
});

test("delays counted in working days stay chosen when the dashboard's filters are applied or cleared", async ({
  signedInAs,
}) => {
  test.setTimeout(90_000); // seven dashboard and report loads
  const page = await signedInAs(ACCOUNTS.secretariat, "/dashboard");
  const overdue = page.getByRole("region", { name: /مصوبات معوق/ });
  await overdue
    .getByRole("navigation", { name: "شمارش تأخیر" })
    .getByRole("link", { name: "روز کاری" })
    .click();
  await expect(page).toHaveURL(/late=working/);
  const scorecard = page.getByRole("region", { name: "کارنامه دستگاه‌ها" });
  // The scorecard's average is in working days too, and says so.
  await scorecard.getByRole("link", { name: "مرتب‌سازی بر اساس میانگین روز کاری تأخیر" }).click();
  await expect(page).toHaveURL(/sort=daysLate/);
  await expect(page).toHaveURL(/late=working/);

  // Applying a filter keeps both choices.
  await page.getByLabel("بخش", { exact: true }).selectOption("INDUSTRIAL");
  await page.getByRole("button", { name: "اعمال فیلتر" }).click();
  await expect(page).toHaveURL(/sector=INDUSTRIAL/);
  expect(new URL(page.url()).searchParams.get("late")).toBe("working");
  expect(new URL(page.url()).searchParams.get("sort")).toBe("daysLate");
  await expect(scorecard.getByRole("columnheader", { name: "میانگین روز کاری تأخیر" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(overdue.getByText(/روز کاری تأخیر/).first()).toBeVisible();
  // The printed report and the spreadsheet count the same way.
  for (const name of ["چاپ گزارش", "خروجی اکسل"])
    await expect(page.getByRole("link", { name })).toHaveAttribute("href", /late=working/);

  // Clearing the filters clears the filters, not how delays are counted.
  await page.getByRole("link", { name: "حذف فیلترها" }).click();
  await expect(page).not.toHaveURL(/sector=/);
  expect(new URL(page.url()).searchParams.get("late")).toBe("working");
  await expect(scorecard.getByRole("columnheader", { name: "میانگین روز کاری تأخیر" })).toBeVisible();

  // The report keeps it through its own filter form.
  await page.goto("/reports?late=working");
  await page.getByRole("button", { name: "اعمال فیلتر" }).click();
  await expect(page).toHaveURL(/late=working/);
  await expect(page.getByRole("columnheader", { name: "میانگین روز کاری تأخیر" })).toBeVisible();
});
