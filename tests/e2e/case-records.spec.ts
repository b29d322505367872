import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support";
import { enterAs } from "./session";
import { sessionDayHasCome } from "./session-day";

// Issue #12's journey. A demo unit with two obstacles awaiting the committee (prisma/seed.ts);
// meetings.spec.ts uses two other units of that batch.
const DAIRY = "شرکت لبنیات کویر";
const MEMBER = "سازمان صنعت، معدن و تجارت استان";
// Not a member of the demo working group (its member banks are eight others).
const INVITED_BANK = "بانک ملی ایران";
const MEMBER_BANK = "بانک رفاه کارگران";

/** The session page shows one part at a time (entry, attendance, agenda) as tabs. */
async function showPart(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

/** True once React has taken over the element (hydrated). */
const hydrated = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  }, selector);

test("a working-group session chosen before hydration, members and an invited bank, one resolution per obstacle, one amendment reason", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await enterAs(page, ACCOUNTS.secretariat);

  // The committee refers the dairy's two obstacles.
  await page.goto("/meetings/new");
  await hydrated(page, "select[name=bodyKind]");
  await page.getByLabel("تاریخ").fill("1410/02/05");
  await page.getByRole("button", { name: "ایجاد" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("کمیته تخصصی");
  await showPart(page, "دستور جلسه");
  for (const box of await page.getByRole("group", { name: DAIRY }).getByRole("checkbox").all())
    await box.check();
  await page.getByRole("button", { name: "افزودن به دستور جلسه" }).click();
  await expect(page.getByRole("region", { name: "دستور جلسه" })).toContainText(DAIRY);
  await showPart(page, "ثبت نتایج و مصوبات");
  const entry = page.getByRole("region", { name: "ثبت نتایج و مصوبات در جلسه" });
  await expect(entry.getByRole("heading", { level: 3 })).toHaveText(DAIRY);
  await entry.getByRole("radio", { name: "ارجاع به کارگروه" }).check();
  await expect(entry.getByRole("group", { name: "نتیجه بررسی" }).getByRole("status")).toHaveText(
    "✓ ذخیره شد",
  );

  // New working-group session: the body is chosen while the page's scripts are still held back.
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/meetings/new", { waitUntil: "domcontentloaded" });
  await page.getByLabel("مرجع").selectOption("WORKING_GROUP");
  await page.getByLabel("تاریخ").fill("1410/02/3");
  release();
  await hydrated(page, "select[name=bodyKind]");
  await page.unrouteAll();
  await expect(page.getByLabel("مرجع")).toHaveValue("WORKING_GROUP");
  // A refused submission (a date that does not exist) keeps every choice, the body included.
  await page.getByLabel("تاریخ").fill("1410/02/32");
  await page.getByLabel("محل برگزاری").fill("سالن آزمون");
  await page.getByRole("button", { name: "ایجاد" }).click();
  await expect(page.getByText("تاریخ شمسی معتبر وارد کنید").first()).toBeVisible();
  await expect(page.getByLabel("مرجع")).toHaveValue("WORKING_GROUP");
  await page.getByLabel("تاریخ").fill("1410/02/12");
  await page.getByRole("button", { name: "ایجاد" }).click();
  await expect(page).toHaveURL(/\/meetings\/(?!new$)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("کارگروه");
  const wgUrl = page.url();

  await showPart(page, "دستور جلسه");
  for (const box of await page.getByRole("group", { name: DAIRY }).getByRole("checkbox").all())
    await box.check();
  await page.getByRole("button", { name: "افزودن به دستور جلسه" }).click();
  await expect(page.getByRole("region", { name: "دستور جلسه" })).toContainText(DAIRY);

  // Invite a bank that is not a member, found by typing part of its name (Arabic yeh).
  const invitees = page.getByRole("region", { name: "دستگاه‌های مدعو" });
  await invitees.getByRole("combobox", { name: "افزودن دستگاه مدعو" }).fill("بانك ملي");
  await page.keyboard.press("Enter");
  await expect(invitees.getByRole("button", { name: `حذف ${INVITED_BANK}` })).toBeVisible();
  await page.keyboard.press("Escape");
  await invitees.getByRole("button", { name: "ذخیره مدعوین" }).click();
  await expect(invitees.getByRole("status")).toHaveText("فهرست مدعوین ذخیره شد.");

  // Attendance lists members and the invitee.
  await showPart(page, "حضور و غیاب");
  const attendance = page.getByRole("region", { name: "حضور و غیاب اعضا و مدعوین" });
  await attendance.getByRole("row", { name: MEMBER }).getByRole("radio", { name: "حضور شخص مدیر" }).check();
  await attendance
    .getByRole("row", { name: `${INVITED_BANK} (مدعو)` })
    .getByRole("radio", { name: "نماینده تام‌الاختیار" })
    .check();
  await attendance.getByRole("button", { name: "ذخیره حضور و غیاب" }).click();
  await expect(attendance.getByRole("status")).toHaveText("حضور و غیاب ذخیره شد.");

  // Two resolutions, each answering one of the two obstacles; agencies chosen by typing.
  await showPart(page, "ثبت نتایج و مصوبات");
  await expect(entry.getByRole("heading", { level: 3 })).toHaveText(DAIRY);
  await entry.getByRole("radio", { name: "تصمیم‌گیری شد" }).check();
  const draft = entry.getByRole("group", { name: "مصوبه جدید" });
  const answers = draft.getByRole("group", { name: "موانعی که این مصوبه به آن‌ها پاسخ می‌دهد" });
  await draft.getByLabel("متن مصوبه").fill("بانک ملی تسهیلات سرمایه در گردش واحد را تمدید کند.");
  await answers.getByRole("checkbox").nth(1).uncheck();
  await draft.getByRole("combobox", { name: "دستگاه مسئول" }).focus();
  // Arabic yeh, as an Arabic keyboard types it.
  await page.keyboard.type("ملي");
  await page.keyboard.press("Enter");
  await expect(draft.getByRole("combobox", { name: "دستگاه مسئول" })).toHaveValue("بانک ملی ایران");
  // Several supporting agencies, no modifier key: Enter adds each and the list stays open.
  await draft.getByRole("combobox", { name: "دستگاه‌های همکار" }).focus();
  await page.keyboard.type("بانک رفاه");
  await page.keyboard.press("Enter");
  await page.keyboard.type("گاز");
  await page.keyboard.press("Enter");
  await expect(draft.getByRole("button", { name: `حذف ${MEMBER_BANK}` })).toBeVisible();
  await expect(draft.getByRole("button", { name: "حذف شرکت گاز استان" })).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await expect(entry.getByRole("group", { name: "مصوبه ۱" }).getByRole("status")).toHaveText("✓ ذخیره شد");

  const second = entry.getByRole("group", { name: "مصوبه جدید" });
  await second.getByLabel("متن مصوبه").fill("سازمان صنعت، معدن و تجارت پروانه بهره‌برداری را تمدید کند.");
  await second
    .getByRole("group", { name: "موانعی که این مصوبه به آن‌ها پاسخ می‌دهد" })
    .getByRole("checkbox")
    .first()
    .uncheck();
  await second.getByRole("combobox", { name: "دستگاه مسئول" }).fill("صنعت، معدن و تجارت");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Enter");
  await expect(entry.getByRole("group", { name: "مصوبه ۲" }).getByRole("status")).toHaveText("✓ ذخیره شد");

  await sessionDayHasCome(wgUrl);
  await page.getByRole("button", { name: "ثبت برگزاری جلسه" }).click();
  await expect(page.getByRole("main").getByText("برگزارشده", { exact: true }).first()).toBeVisible();

  // The chair approves the minutes: members and the invitee, each resolution on its obstacle.
  const chairContext = await browser.newContext({ locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const chair = await chairContext.newPage();
  await enterAs(chair, ACCOUNTS.chair, `${wgUrl}/minutes`);
  await expect(chair.getByRole("row", { name: new RegExp(`${INVITED_BANK} \\(مدعو\\)`) })).toContainText(
    "نماینده تام‌الاختیار",
  );
  const minutesCase = chair.getByRole("listitem").filter({ hasText: "بانک ملی تسهیلات سرمایه" });
  await expect(minutesCase).toContainText("در پاسخ به مانع ۱");
  await expect(chair.getByRole("listitem").filter({ hasText: "پروانه بهره‌برداری را تمدید" })).toContainText(
    "در پاسخ به مانع ۲",
  );
  await chair.getByRole("button", { name: "تأیید صورتجلسه" }).click();
  await chair.getByRole("dialog").getByRole("button", { name: "تأیید صورتجلسه" }).click();
  await expect(chair.getByText(/تأییدشده توسط/)).toBeVisible();
  await chairContext.close();

  // After approval a change is an amendment: one reason, asked once, at the change.
  await page.goto(wgUrl);
  await expect(page.getByText(/سوابق آن قفل است/)).toBeVisible();
  // No amendment box waits on the page: the reason is asked for at the change.
  await expect(page.getByRole("textbox", { name: "دلیل اصلاحیه" })).toHaveCount(0);
  const first = entry.getByRole("group", { name: "مصوبه ۱" });
  await first.getByLabel("متن مصوبه").fill("بانک ملی تسهیلات سرمایه در گردش واحد را ۱۲ ماه تمدید کند.");
  await first.getByRole("button", { name: "ذخیره مصوبه" }).click();
  const dialog = page.getByRole("dialog", { name: "اصلاحیه صورتجلسه تأییدشده" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("دلیل اصلاحیه").fill("مدت تمدید در جلسه ۱۲ ماه تعیین شد.");
  await dialog.getByRole("button", { name: "ثبت اصلاحیه" }).click();
  await expect(dialog).toBeHidden();
  await expect(first.getByRole("status")).toHaveText("✓ ذخیره شد");
  // The amended text is what the minutes now say.
  await page.goto(`${wgUrl}/minutes`);
  await expect(page.getByText("بانک ملی تسهیلات سرمایه در گردش واحد را ۱۲ ماه تمدید کند.")).toBeVisible();
});
