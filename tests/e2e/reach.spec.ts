import { execFileSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import { ACCOUNTS, expect, test } from "./fixtures";
import { receivedMails, receivedSms } from "./inbox";
import { findProgram } from "../../scripts/debian-packages";
import { ppmToRgba } from "../support/pdf-pages";

// Issue #37: an agency without users is reached through its head. The secretariat adds the
// head's title, mobile and e-mail on the agency's record; the chair approves the minutes; the
// notice reaches the head by e-mail and SMS, read from the SMTP server and the SMS gateway the
// e2e server sends through (tests/e2e/inbox.ts), after the app's own every-minute jobs sent
// them; the secretariat prints the session's letters; and the QR code on the approved minutes,
// printed to PDF and read back from the page's image, opens the public verification page.

test("an agency without users: its head gets the notice by e-mail and SMS, the letters are printed, and the printed minutes prove themselves", async ({
  signedInAs,
  data,
}, testInfo) => {
  // The mail and the SMS leave by the app's every-minute jobs: up to a minute and a bit each.
  test.setTimeout(240_000);
  const pdftoppm = findProgram("pdftoppm");
  if (!pdftoppm)
    throw new Error(
      "pdftoppm is missing: `npm test` installs it as root; otherwise 'sudo apt-get install -y poppler-utils'",
    );
  const db = data.db;
  const tag = randomUUID().slice(0, 8);
  const agency = await db.agency.findFirstOrThrow({
    where: {
      province: { code: "KRM" },
      active: true,
      email: null,
      headMobile: null,
      users: { none: {} },
      responsibleResolutions: { none: { text: { contains: "یادآوری" } } },
    },
    orderBy: { nameFa: "asc" },
    select: { id: true, provinceId: true, nameFa: true, version: true, headTitle: true },
  });
  const [body, unit] = await Promise.all([
    db.body.findFirstOrThrow({
      where: { provinceId: agency.provinceId, kind: "WORKING_GROUP" },
      select: { id: true },
    }),
    db.productionUnit.findFirstOrThrow({
      where: { provinceId: agency.provinceId },
      orderBy: { name: "asc" },
    }),
  ]);
  const meeting = await db.meeting.create({
    data: {
      provinceId: agency.provinceId,
      bodyId: body.id,
      jalaliYear: 1499,
      number: 100 + Math.floor(Math.random() * 900_000),
      startsAt: new Date(),
      status: "HELD",
    },
  });
  const text = `استعلام زیست‌محیطی واحد ظرف ده روز پاسخ داده شود (${tag}).`;
  // The unit was on the session's agenda, and the resolution was made on its case: so the
  // approved minutes (and the text their code names) carry it.
  const item = await db.agendaItem.create({ data: { meetingId: meeting.id, unitId: unit.id } });
  await db.resolution.create({
    data: {
      id: `e2e-${randomUUID()}`,
      provinceId: agency.provinceId,
      meetingId: meeting.id,
      agendaItemId: item.id,
      unitId: unit.id,
      responsibleAgencyId: agency.id,
      text,
      deadline: new Date(Date.now() + 20 * 86_400_000),
    },
  });
  const email = `head-${tag}@agency.test`;
  // A number of this run's own, so a retry or another journey's SMS is never counted here.
  const line = String(randomInt(10_000_000)).padStart(7, "0");
  const mobile = `0917${line}`;
  const persian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
  try {
    // The secretariat records the head's contacts, in Persian digits as people type them.
    const secretariat = await signedInAs(ACCOUNTS.secretariat, `/agencies/${agency.id}`);
    await secretariat.getByLabel("عنوان رئیس دستگاه").fill("مدیرکل");
    await secretariat
      .getByLabel("تلفن همراه رئیس دستگاه")
      .fill(persian(`0917 ${line.slice(0, 3)} ${line.slice(3)}`));
    await secretariat.getByLabel("ایمیل").fill(email);
    await secretariat.getByRole("button", { name: "ذخیره" }).click();
    await expect(secretariat.getByRole("status").or(secretariat.getByRole("alert")).first()).toContainText(
      "تغییرات دستگاه ذخیره شد",
    );

    // The chair approves the minutes: the notice is issued, and reaches the head.
    const chair = await signedInAs(ACCOUNTS.chair, `/meetings/${meeting.id}/minutes`);
    await chair.getByRole("button", { name: "تأیید صورتجلسه" }).click();
    await chair.getByRole("dialog").getByRole("button", { name: "تأیید" }).click();
    await expect(chair.getByRole("status").filter({ hasText: "تأییدشده توسط" })).toBeVisible();
    const notice = await db.notice.findFirstOrThrow({ where: { meetingId: meeting.id } });

    // The secretariat prints the session's letters.
    await secretariat.goto(`/meetings/${meeting.id}/letters`);
    await secretariat.getByRole("button", { name: "نامه‌های رسمی دستگاه‌ها" }).click();
    const letter = secretariat.locator("article.official-letter");
    await expect(letter).toHaveCount(1);
    await expect(letter).toContainText(`مدیرکل محترم ${agency.nameFa}`);
    await expect(letter).toContainText(text);

    // The approved minutes, printed to PDF as the browser prints them, and each page turned into
    // an image: the QR code on the paper is read back from its pixels. The minutes carry it once,
    // kept whole with the signatures on the last page (components/meetings/print.css).
    await chair.goto(`/meetings/${meeting.id}/minutes`);
    await expect(chair.locator(".print-document .verify-qr svg")).toBeVisible();
    const pdfPath = testInfo.outputPath("minutes.pdf");
    writeFileSync(pdfPath, await chair.pdf({ format: "A4", printBackground: true }));
    execFileSync(pdftoppm, ["-r", "150", pdfPath, testInfo.outputPath("minutes-page")]);
    // minutes-page-1.ppm, …-2.ppm (…-01.ppm past nine pages), in page order.
    const pages = readdirSync(testInfo.outputDir)
      .map((f) => /^minutes-page-(\d+)\.ppm$/.exec(f))
      .filter((m) => m !== null)
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => path.join(testInfo.outputDir, m[0]));
    expect(pages.length).toBeGreaterThan(0);
    const image = ppmToRgba(readFileSync(pages.at(-1) ?? ""));
    const qr = jsQR(image.rgba, image.width, image.height);
    expect(qr?.data).toMatch(/\/verify\/[A-Z0-9]{10}$/);

    // Anyone, signed in or not, opens it: the paper is what the page says.
    const visitor = await signedInAs(ACCOUNTS.member, new URL(qr?.data ?? "").pathname);
    await expect(visitor.getByRole("status")).toHaveText("این سند در سامانه تسهیل ثبت شده است.");
    await expect(visitor.getByRole("main")).toContainText("صورتجلسه تأییدشده کارگروه");
    await expect(visitor.getByRole("main")).toContainText(text);
    const sealed = await db.meeting.findUniqueOrThrow({
      where: { id: meeting.id },
      select: { minutesVerifyCode: true },
    });
    expect(qr?.data).toBe(`${new URL(qr?.data ?? "").origin}/verify/${sealed.minutesVerifyCode}`);
    await visitor.goto("/verify/AAAAAAAAAA");
    // (Next's route announcer is an alert too: look for ours by its words.)
    await expect(
      visitor.getByRole("alert").filter({ hasText: "سندی با این کد در سامانه تسهیل ثبت نشده است" }),
    ).toBeVisible();

    // Meanwhile the app's every-minute jobs (up to a minute and a bit each) sent the notice: read
    // last, so the printing above runs while they wait (issue #29).
    // The head's mailbox: the notice, in Persian, with the resolution's words.
    const arrivedMail = () => receivedMails().filter((m) => m.to.includes(email));
    await expect.poll(() => arrivedMail().length, { timeout: 150_000 }).toBe(1);
    const [mail] = arrivedMail();
    expect(mail?.subject).toMatch(/^ابلاغ شماره [۰-۹]+/);
    expect(mail?.text).toContain(text);
    expect(mail?.text).toContain(agency.nameFa);
    // The head's phone: a short Persian text naming the agency, once.
    const arrivedSms = () => receivedSms().filter((m) => m.receptor === mobile);
    await expect.poll(() => arrivedSms().length, { timeout: 150_000 }).toBe(1);
    const [sms] = arrivedSms();
    expect(sms?.message).toContain("کارگروه تسهیل: ابلاغ شماره");
    expect(sms?.message).toContain(agency.nameFa);
    // And the outboxes record what the gateway answered.
    const smsRow = await db.smsMessage.findFirstOrThrow({ where: { eventKey: `notice:${notice.id}` } });
    expect(smsRow.status).toBe("SENT");
    expect(smsRow.providerMessageId).toBe(String(sms?.messageid));
  } finally {
    await db.letter.deleteMany({ where: { meetingId: meeting.id } });
    const notices = await db.notice.findMany({ where: { meetingId: meeting.id }, select: { id: true } });
    const keys = notices.map((n) => `notice:${n.id}`);
    await db.emailMessage.deleteMany({ where: { eventKey: { in: keys } } });
    await db.smsMessage.deleteMany({ where: { eventKey: { in: keys } } });
    await db.notification.deleteMany({ where: { eventKey: { in: keys } } });
    await db.notice.deleteMany({ where: { meetingId: meeting.id } });
    await db.resolution.deleteMany({ where: { meetingId: meeting.id } });
    await db.agendaItem.deleteMany({ where: { meetingId: meeting.id } });
    await db.meeting.delete({ where: { id: meeting.id } });
    await db.agency.update({
      where: { id: agency.id },
      data: { email: null, headMobile: null, headTitle: agency.headTitle },
    });
  }
});
