import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, test } from "./fixtures";
import { sessionDayHasCome } from "./session-day";

// Issue #16 from end to end: an overdue resolution brought back to a new session, a follow-up
// decision, the minutes approved, the bank's notice acknowledged, the work reported done and
// the secretariat told.

const fa = (n: number) => n.toLocaleString("fa-IR", { useGrouping: false });

/** The date field's read-back, «شنبه ۱۰ خرداد ۱۴۰۴», `days` from today in Tehran. */
function longJalali(days: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("fa-IR-u-ca-persian-nu-arabext", {
      timeZone: "Asia/Tehran",
      weekday: "long",
      year: "numeric",
      month: "long",
      day: "numeric",
    })
      .formatToParts(new Date(Date.now() + days * 86_400_000))
      .map((x) => [x.type, x.value]),
  );
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** A Jalali date typed as the forms take it, `days` from today in Tehran. */
function jalali(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
      timeZone: "Asia/Tehran",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day}`;
}

const letter = { name: "namé-emhal.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") };

async function confirmDialog(page: Page, name: string) {
  await page.getByRole("dialog").getByRole("button", { name }).click();
}

test("overdue resolutions go back to a new session, the decision reaches the bank in a notice it acknowledges, and its done report reaches the secretariat", async ({
  signedInAs,
  data,
}) => {
  test.setTimeout(120_000);
  const text = `بانک ملی امهال اقساط را انجام دهد (پیگیری r${randomUUID().slice(0, 6)}).`;
  const resolutionId = await data.bankResolution({ daysLeft: -9, text });
  // A working-group session of its own, planned late in the Jalali year so it renumbers nobody.
  const meetingId = `e2e-${randomUUID()}`;
  await data.one(
    `INSERT INTO "Meeting" (id, "provinceId", "bodyId", "jalaliYear", number, "startsAt", status, "updatedAt")
     SELECT $1, b."provinceId", b.id, 1405,
            (SELECT coalesce(max(number), 0) + 1 FROM "Meeting" m WHERE m."bodyId" = b.id AND m."jalaliYear" = 1405),
            '2027-03-15T06:00:00Z', 'PLANNED', now()
     FROM "Body" b JOIN "Province" p ON p.id = b."provinceId"
     WHERE p.code = 'KRM' AND b.kind = 'WORKING_GROUP' RETURNING id`,
    [meetingId],
  );
  try {
    // ─── The secretariat plans the session: the overdue case is listed with its days late.
    const secretariat = await signedInAs(ACCOUNTS.secretariat, `/meetings/${meetingId}`);
    const candidates = secretariat.getByRole("form", {
      name: "پرونده‌هایی که باید دوباره به کارگروه بیایند",
    });
    const box = candidates.getByRole("checkbox", { name: new RegExp(text.replace(/[()]/g, "\\$&")) });
    await expect(box).toBeVisible();
    await expect(candidates.getByText(/۹ روز تأخیر — معوق/).first()).toBeVisible();
    await box.check();
    await candidates.getByRole("button", { name: "افزودن انتخاب‌شده‌ها به دستور جلسه" }).click();
    await expect(candidates.getByRole("status")).toHaveText("۱ مصوبه برای پیگیری به دستور جلسه افزوده شد.");

    // ─── In the session: a new deadline for the bank.
    const decision = secretariat.getByRole("form", { name: /^تصمیم: / });
    await expect(decision).toHaveCount(1);
    await decision.getByLabel("تصمیم", { exact: true }).selectOption({ label: "مهلت تازه" });
    // The Jalali date field, like every other date (issue #30): quick buttons from today, the
    // chosen day read back in words with its weekday.
    await expect(decision.getByRole("button", { name: "مهلت: ۳۰ روز از امروز" })).toBeVisible();
    const newDeadline = decision.getByLabel("مهلت تازه", { exact: true });
    await newDeadline.fill(jalali(20));
    await expect(newDeadline).toHaveAccessibleDescription(new RegExp(longJalali(20)));
    await decision.getByLabel("شرح تصمیم").fill("بانک تا مهلت تازه امهال را انجام دهد.");
    await decision.getByRole("button", { name: "ثبت تصمیم" }).click();
    await expect(secretariat.getByText(/^تصمیم: مهلت تازه/)).toBeVisible();
    await sessionDayHasCome(meetingId);
    await secretariat.getByRole("button", { name: "ثبت برگزاری جلسه" }).click();
    await expect(secretariat.getByRole("main").getByText("برگزارشده", { exact: true }).first()).toBeVisible();
    // The resolution's history says which session decided.
    await secretariat.goto(`/resolutions/${resolutionId}`);
    await expect(
      secretariat.getByRole("region", { name: "سابقه تغییرات" }).getByText("تصمیم جلسه در پیگیری مصوبه"),
    ).toBeVisible();

    // ─── The chair is told the minutes wait, reads the follow-up section and approves.
    const chair = await signedInAs(ACCOUNTS.chair, "/notifications");
    await chair
      .getByRole("link", { name: /^صورتجلسه آماده تأیید: / })
      .first()
      .click();
    await chair.goto(`/meetings/${meetingId}/minutes`);
    const section = chair.getByRole("region", { name: "پیگیری مصوبات پیشین" });
    await expect(section.getByText(text)).toBeVisible();
    await expect(section.getByText("۹ روز تأخیر")).toBeVisible();
    await expect(section.getByText(/تصمیم: مهلت تازه/)).toBeVisible();
    await chair.getByRole("button", { name: "تأیید صورتجلسه" }).click();
    await confirmDialog(chair, "تأیید صورتجلسه");
    await expect(chair.getByRole("region", { name: "ابلاغ‌های این جلسه" })).toBeVisible();

    // ─── The bank finds its notice in the inbox, reads the letter and acknowledges it.
    const notice = await data.one<{ id: string; number: number; jalaliYear: number }>(
      `SELECT n.id, n.number, n."jalaliYear" FROM "Notice" n JOIN "Agency" a ON a.id = n."agencyId"
       WHERE n."meetingId" = $1 AND a."nameFa" = 'بانک ملی ایران'`,
      [meetingId],
    );
    expect(notice).toBeDefined();
    const label = `${fa(notice?.number ?? 0)}/${fa(notice?.jalaliYear ?? 0)}`;
    const bank = await signedInAs(ACCOUNTS.bank, "/agency");
    await bank.getByRole("link", { name: `ابلاغ ${label}` }).click();
    await expect(bank.getByRole("article", { name: "ابلاغ مصوبات" })).toContainText(text);
    await expect(bank.getByText(label, { exact: true })).toBeVisible();
    await expect(bank.getByText("(پیگیری مصوبه پیشین)", { exact: false })).toBeVisible();
    await bank.getByRole("button", { name: "اعلام دریافت ابلاغ" }).click();
    await confirmDialog(bank, "اعلام دریافت ابلاغ");
    await expect(bank.getByRole("status").filter({ hasText: /^دریافت‌شده توسط / })).toBeVisible();

    // ─── The bank reports the work done, with its letter.
    await bank.goto(`/resolutions/${resolutionId}`);
    const form = bank.getByRole("form", { name: "ثبت گزارش عملکرد" });
    await form.getByLabel("شرح اقدام").fill("امهال انجام و نامه آن به واحد ابلاغ شد.");
    await form.getByLabel("وضعیت جدید").selectOption({ label: "اعلام انجام" });
    await form.getByLabel("پیوست (اختیاری)").setInputFiles(letter);
    await form.getByRole("button", { name: "ثبت گزارش" }).click();
    await expect(bank.getByTestId("resolution-status")).toHaveText("اعلام انجام");

    // ─── The secretariat is told, with a link to the resolution.
    await secretariat.goto("/notifications");
    const told = secretariat
      .locator(`a[href="/resolutions/${resolutionId}"]`)
      .filter({ hasText: /^اعلام انجام مصوبه: / });
    await expect(told).toHaveCount(1);
    await expect(secretariat.getByRole("link", { name: /^اعلان‌ها/ })).toContainText(/[۰-۹]/);
  } finally {
    await data.one(`DELETE FROM "Notice" WHERE "meetingId" = $1`, [meetingId]);
    await data.one(`DELETE FROM "Meeting" WHERE id = $1`, [meetingId]);
  }
});

test("the bank returns a resolution that is not its remit; the secretariat reassigns it and the new agency gets a notice", async ({
  signedInAs,
  data,
}) => {
  // Three people (the bank, the secretariat, the new agency) and a notice: past 30 s on a busy CI.
  test.setTimeout(60_000);
  const text = `امهال مجوز محیط زیست (بازگشت r${randomUUID().slice(0, 6)}).`;
  const resolutionId = await data.bankResolution({ daysLeft: 10, text });
  try {
    const bank = await signedInAs(ACCOUNTS.bank, `/resolutions/${resolutionId}`);
    const back = bank.getByRole("form", { name: "بازگرداندن مصوبه" });
    await back.getByLabel("دلیل بازگرداندن").fill("صدور مجوز در حیطه محیط زیست است، نه بانک.");
    await back.getByRole("button", { name: "بازگرداندن به دبیرخانه" }).click();
    // The form leaves the page once used; the answer stays, as a message on the page (issue #30).
    await expect(
      bank.getByRole("status").filter({ hasText: "مصوبه به دبیرخانه بازگردانده شد." }),
    ).toBeVisible();
    await expect(bank.getByText(/^در انتظار تصمیم از /)).toBeVisible();

    const secretariat = await signedInAs(ACCOUNTS.secretariat, `/resolutions/${resolutionId}`);
    const decide = secretariat.getByRole("form", { name: "تصمیم درباره بازگشت" });
    // The agency is chosen by typing a few letters (Arabic forms too), as everywhere.
    await decide.getByRole("combobox", { name: "واگذاری به دستگاه" }).fill("محيط زيست");
    await decide.getByRole("option", { name: "اداره کل حفاظت محیط زیست" }).click();
    // The new agency gets a deadline of its own, not the bank's (issue #30): refused without one.
    await decide.getByRole("button", { name: "واگذاری به دستگاه انتخاب‌شده" }).click();
    await expect(decide.getByText("برای واگذاری، مهلت دستگاه تازه را تعیین کنید.")).toBeVisible();
    await decide.getByRole("button", { name: "مهلت: ۳۰ روز از امروز" }).click();
    await decide.getByRole("button", { name: "واگذاری به دستگاه انتخاب‌شده" }).click();
    await expect(
      secretariat
        .getByRole("status")
        .filter({ hasText: "مصوبه به دستگاه تازه واگذار شد و ابلاغ آن صادر شد." }),
    ).toBeVisible();
    await expect(secretariat.getByText(/^واگذار شد به اداره کل حفاظت محیط زیست/)).toBeVisible();
    const deadline = await data.one<{ days: number }>(
      `SELECT deadline - (now() AT TIME ZONE 'Asia/Tehran')::date AS days FROM "Resolution" WHERE id = $1`,
      [resolutionId],
    );
    // +30 days, moved to the next working day when it lands on a Friday or holiday.
    expect(deadline?.days).toBeGreaterThanOrEqual(30);
    expect(deadline?.days).toBeLessThan(36);

    const environment = await signedInAs(ACCOUNTS.environment, "/notifications");
    const notice = await data.one<{ id: string }>(
      `SELECT "noticeId" AS id FROM "NoticeItem" WHERE "resolutionId" = $1`,
      [resolutionId],
    );
    await environment
      .locator(`a[href="/notices/${notice?.id}"]`)
      .filter({ hasText: /^ابلاغ شماره .*: واگذاری مصوبه$/ })
      .click();
    await expect(environment.getByRole("article", { name: "ابلاغ مصوبات" })).toContainText(text);
  } finally {
    await data.one(
      `DELETE FROM "Notice" n USING "NoticeItem" i WHERE i."noticeId" = n.id AND i."resolutionId" = $1`,
      [resolutionId],
    );
  }
});
