import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support";
import { enterAs } from "./session";
import { sessionDayHasCome } from "./session-day";

// Units the demo data registers obstacles for, awaiting the committee (prisma/seed.ts).
const CONCRETE = "شرکت بتن آماده زرند";
const TURQUOISE = "معدن فیروزه شهربابک";

async function planSession(page: Page, body: "COMMITTEE" | "WORKING_GROUP", date: string) {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "جلسه جدید" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "جلسه جدید" })).toBeVisible();
  await page.getByLabel("مرجع").selectOption(body);
  await page.getByLabel("تاریخ").fill(date);
  await page.getByLabel("محل برگزاری").fill("سالن جلسات آزمون");
  await page.getByRole("button", { name: "ایجاد" }).click();
  await expect(page).toHaveURL(/\/meetings\/(?!new$)[^/]+$/);
  await showPart(page, "دستور جلسه");
  return page.url();
}

async function addUnitsToAgenda(page: Page, units: string[]) {
  for (const unit of units) {
    const group = page.getByRole("group", { name: unit });
    for (const box of await group.getByRole("checkbox").all()) await box.check();
  }
  await page.getByRole("button", { name: "افزودن به دستور جلسه" }).click();
  await expect(
    page.getByRole("main").getByRole("status").filter({ hasText: "به دستور جلسه افزوده شد" }),
  ).toBeVisible();
}

/** The session page shows one part at a time (entry, attendance, agenda) as tabs. */
async function showPart(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

/** Keyboard only: focus moves with Tab/shortcuts, values are typed or picked with the arrow keys. */
async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test("committee refers two units, the working group decides them by keyboard, the chair approves the minutes", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await enterAs(page, ACCOUNTS.secretariat);
  await page.getByRole("navigation", { name: "منوی اصلی" }).getByRole("link", { name: "جلسات" }).click();
  await expect(page.getByRole("heading", { name: "جلسات" })).toBeVisible();

  // The committee session: a date typed in Persian digits, numbered by the server.
  await planSession(page, "COMMITTEE", "۱۴۰۹/۰۲/۱۴");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("کمیته تخصصی در سال ۱۴۰۹");
  await addUnitsToAgenda(page, [CONCRETE, TURQUOISE]);
  const agenda = page.getByRole("region", { name: "دستور جلسه" });
  await expect(agenda.getByRole("listitem", { name: CONCRETE })).toContainText("ریال");

  // Reorder with the keyboard: the concrete works go below the turquoise mine.
  await agenda.getByRole("button", { name: `انتقال ${CONCRETE} به پایین` }).focus();
  await page.keyboard.press("Enter");
  await expect(agenda.getByRole("heading", { level: 3 }).first()).toContainText(TURQUOISE);

  // Outcome for each unit: referred to the working group, moving on with Alt+N.
  await showPart(page, "ثبت نتایج و مصوبات");
  const entry = page.getByRole("region", { name: "ثبت نتایج و مصوبات در جلسه" });
  await entry.getByRole("radio", { name: "ارجاع به کارگروه" }).focus();
  await page.keyboard.press("Space");
  await expect(entry.getByRole("group", { name: "نتیجه بررسی" }).getByRole("status")).toHaveText(
    "✓ ذخیره شد",
  );
  await press(page, "Alt+KeyN");
  await expect(entry.getByRole("heading", { level: 3 })).toHaveText(CONCRETE);
  await expect(entry.getByRole("heading", { level: 3 })).toBeFocused();
  // Tab lands on the checked choice ("no outcome", first); the arrow keys move to and pick the others.
  await press(page, "Tab");
  await expect(entry.getByRole("radio", { name: "بدون نتیجه" })).toBeFocused();
  await expect(entry.getByRole("radio", { name: "بدون نتیجه" })).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(entry.getByRole("radio", { name: "حل‌شده در کمیته" })).toBeChecked();
  await expect(entry.getByRole("group", { name: "نتیجه بررسی" }).getByRole("status")).toHaveText(
    "✓ ذخیره شد",
  );
  await page.keyboard.press("ArrowDown");
  await expect(entry.getByRole("radio", { name: "ارجاع به کارگروه" })).toBeChecked();
  await expect(entry.getByRole("group", { name: "نتیجه بررسی" }).getByRole("status")).toHaveText(
    "✓ ذخیره شد",
  );

  // The working-group session picks up exactly what the committee referred.
  const wgUrl = await planSession(page, "WORKING_GROUP", "1409/02/20");
  await expect(page.getByRole("group", { name: CONCRETE })).toBeVisible();
  await addUnitsToAgenda(page, [CONCRETE, TURQUOISE]);

  // Attendance, by keyboard.
  await showPart(page, "حضور و غیاب");
  const attendance = page.getByRole("region", { name: "حضور و غیاب اعضا" });
  const mark = async (agency: string, mode: string) => {
    await attendance.getByRole("row", { name: agency }).getByRole("radio", { name: mode }).focus();
    await page.keyboard.press("Space");
  };
  await mark("شرکت گاز استان", "حضور شخص مدیر");
  await mark("اداره کل حفاظت محیط زیست", "نماینده تام‌الاختیار");
  await mark("اداره کل امور مالیاتی", "غایب");
  await attendance.getByRole("button", { name: "ذخیره حضور و غیاب" }).focus();
  await page.keyboard.press("Enter");
  await expect(attendance.getByRole("status")).toHaveText("حضور و غیاب ذخیره شد.");

  // Three resolutions for two units, keyboard only: type, pick the agency by typing, quick deadline, Ctrl+Enter.
  await showPart(page, "ثبت نتایج و مصوبات");
  const unitOne = await entry.getByRole("heading", { level: 3 }).textContent();
  await entry.getByRole("radio", { name: "تصمیم‌گیری شد" }).focus();
  await page.keyboard.press("Space");
  await press(page, "Tab");
  await expect(entry.getByRole("group", { name: "مصوبه جدید" }).getByLabel("متن مصوبه")).toBeFocused();
  await page.keyboard.type("بانک عامل اقساط واحد را ۲۴ ماه امهال کند.");
  // The agency picker finds the agency from a few letters; Enter chooses it.
  await entry
    .getByRole("group", { name: "مصوبه جدید" })
    .getByRole("combobox", { name: "دستگاه مسئول" })
    .focus();
  await page.keyboard.type("ملی");
  await page.keyboard.press("Enter");
  await entry
    .getByRole("group", { name: "مصوبه جدید" })
    .getByRole("button", { name: "مهلت: ۶۰ روز پس از جلسه" })
    .focus();
  await page.keyboard.press("Enter");
  await press(page, "Control+Enter");
  await expect(entry.getByRole("group", { name: "مصوبه ۱" }).getByRole("status")).toHaveText("✓ ذخیره شد");
  // Focus is already on the next, empty resolution.
  await expect(entry.getByRole("group", { name: "مصوبه جدید" }).getByLabel("متن مصوبه")).toBeFocused();
  await page.keyboard.type("شرکت توزیع برق دیماند واحد را افزایش دهد.");
  await entry
    .getByRole("group", { name: "مصوبه جدید" })
    .getByRole("combobox", { name: "دستگاه مسئول" })
    .focus();
  await page.keyboard.type("توزیع نیروی");
  await page.keyboard.press("Enter");
  await press(page, "Control+Enter");
  await expect(entry.getByRole("group", { name: "مصوبه ۲" }).getByRole("status")).toHaveText("✓ ذخیره شد");

  await press(page, "Alt+KeyN");
  await expect(entry.getByRole("heading", { level: 3 })).not.toHaveText(unitOne ?? "");
  await press(page, "Tab");
  await page.keyboard.press("Space");
  await press(page, "Tab");
  await page.keyboard.type("سازمان صنعت، معدن و تجارت سهمیه سوخت واحد را اصلاح کند.");
  await entry
    .getByRole("group", { name: "مصوبه جدید" })
    .getByRole("combobox", { name: "دستگاه مسئول" })
    .focus();
  await page.keyboard.type("صنعت، معدن و تجارت");
  await page.keyboard.press("Enter");
  await press(page, "Control+Enter");
  await expect(entry.getByRole("group", { name: "مصوبه ۱" }).getByRole("status")).toHaveText("✓ ذخیره شد");
  // Back to the first unit: its two resolutions are still there, no reload in between.
  await press(page, "Alt+KeyP");
  await expect(entry.getByRole("group", { name: "مصوبه ۲" })).toBeVisible();

  await sessionDayHasCome(wgUrl);
  await page.getByRole("button", { name: "ثبت برگزاری جلسه" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByText("برگزارشده", { exact: true }).first()).toBeVisible();

  // The chair reviews the agenda brief, then approves the minutes.
  const chairContext = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const chair = await chairContext.newPage();
  await enterAs(chair, ACCOUNTS.chair, wgUrl);
  await chair.getByRole("link", { name: "خلاصه پرونده‌ها برای رئیس" }).click();
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText("خلاصه پرونده‌ها برای رئیس جلسه");
  for (const unit of [CONCRETE, TURQUOISE]) {
    const brief = chair.getByRole("region", { name: new RegExp(unit) });
    await expect(brief.getByRole("heading", { name: "موانع باز" })).toBeVisible();
    await expect(brief).toContainText("دستگاه‌های مرتبط");
  }
  await chair.goBack();
  await chair.getByRole("link", { name: "صورتجلسه" }).click();
  await expect(chair.getByRole("heading", { level: 1 })).toContainText("صورتجلسه جلسه");
  await expect(chair.getByText("بانک عامل اقساط واحد را ۲۴ ماه امهال کند.")).toBeVisible();
  await chair.getByRole("button", { name: "تأیید صورتجلسه" }).click();
  await chair.getByRole("dialog").getByRole("button", { name: "تأیید صورتجلسه" }).click();
  await expect(chair.getByText(/تأییدشده توسط سالاری/)).toBeVisible();

  // The printed minutes: A4 print styles hide the app's chrome and the buttons.
  await chair.emulateMedia({ media: "print" });
  await expect(chair.getByRole("button", { name: "چاپ صورتجلسه" })).toBeHidden();
  await expect(chair.getByRole("navigation", { name: "منوی اصلی" })).toBeHidden();
  await expect(chair.getByRole("heading", { name: "حاضران" })).toBeVisible();
  await expect(chair.getByText("شرکت گاز استان").first()).toBeVisible();
  await chair.screenshot({ path: testInfo.outputPath("minutes-print.png"), fullPage: true });
  await chairContext.close();

  // Locked for the secretariat from now on.
  await page.goto(wgUrl);
  await expect(page.getByText(/سوابق آن قفل است/)).toBeVisible();
});
