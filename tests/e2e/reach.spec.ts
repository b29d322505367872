import { randomUUID } from "node:crypto";
import jsQR from "jsqr";
import { ACCOUNTS, expect, test } from "./fixtures";

// Issue #37: an agency without users is reached through its head. The secretariat adds the
// head's title, mobile and e-mail on the agency's record; the chair approves the minutes; the
// notice waits for the head in the e-mail and SMS outboxes (the journey's server has neither a
// mail server nor an SMS gateway: the round trips are tests/integration/agency-heads.test.ts);
// the secretariat prints the session's letters, and the QR code on the printed letter, decoded
// from the page's image, opens the public verification page.

test("an agency without users: its head gets the notice by e-mail and SMS, and the printed letter proves itself", async ({
  signedInAs,
  data,
}) => {
  test.setTimeout(90_000);
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
  await db.resolution.create({
    data: {
      id: `e2e-${randomUUID()}`,
      provinceId: agency.provinceId,
      meetingId: meeting.id,
      unitId: unit.id,
      responsibleAgencyId: agency.id,
      text,
      deadline: new Date(Date.now() + 20 * 86_400_000),
    },
  });
  const email = `head-${tag}@agency.test`;
  try {
    // The secretariat records the head's contacts, in Persian digits as people type them.
    const secretariat = await signedInAs(ACCOUNTS.secretariat, `/agencies/${agency.id}`);
    await secretariat.getByLabel("عنوان رئیس دستگاه").fill("مدیرکل");
    await secretariat.getByLabel("تلفن همراه رئیس دستگاه").fill("۰۹۱۷ ۱۲۳ ۴۵۶۷");
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
    const mail = await db.emailMessage.findFirstOrThrow({ where: { eventKey: `notice:${notice.id}` } });
    expect(mail.toEmail).toBe(email);
    expect(mail.body).toContain(text);
    const sms = await db.smsMessage.findFirstOrThrow({ where: { eventKey: `notice:${notice.id}` } });
    expect(sms.toMobile).toBe("09171234567");
    expect(sms.body).toContain(agency.nameFa);

    // The secretariat prints the session's letters.
    await secretariat.goto(`/meetings/${meeting.id}/letters`);
    await secretariat.getByRole("button", { name: "نامه‌های رسمی دستگاه‌ها" }).click();
    const letter = secretariat.locator("article.official-letter");
    await expect(letter).toHaveCount(1);
    await expect(letter).toContainText(`مدیرکل محترم ${agency.nameFa}`);
    await expect(letter).toContainText(text);
    await secretariat.emulateMedia({ media: "print" });
    // The QR code as printed, read back from the page's image.
    const png = await letter.locator(".verify-qr").screenshot();
    // Decoded to pixels by the browser itself, on a blank page (no content policy to satisfy).
    const blank = await secretariat.context().newPage();
    const image = await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("no 2d canvas");
      ctx.drawImage(img, 0, 0);
      return {
        width: img.width,
        height: img.height,
        data: Array.from(ctx.getImageData(0, 0, img.width, img.height).data),
      };
    }, png.toString("base64"));
    const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(qr?.data).toMatch(/\/verify\/[A-Z0-9]{10}$/);

    // Anyone, signed in or not, opens it: the paper is what the page says.
    const visitor = await signedInAs(ACCOUNTS.member);
    await visitor.goto(new URL(qr?.data ?? "").pathname);
    await expect(visitor.getByRole("status")).toHaveText("این سند در سامانه تسهیل ثبت شده است.");
    await expect(visitor.getByText(text)).toBeVisible();
    await visitor.goto("/verify/AAAAAAAAAA");
    // (Next's route announcer is an alert too: look for ours by its words.)
    await expect(
      visitor.getByRole("alert").filter({ hasText: "سندی با این کد در سامانه تسهیل ثبت نشده است" }),
    ).toBeVisible();
  } finally {
    await db.letter.deleteMany({ where: { meetingId: meeting.id } });
    const notices = await db.notice.findMany({ where: { meetingId: meeting.id }, select: { id: true } });
    const keys = notices.map((n) => `notice:${n.id}`);
    await db.emailMessage.deleteMany({ where: { eventKey: { in: keys } } });
    await db.smsMessage.deleteMany({ where: { eventKey: { in: keys } } });
    await db.notification.deleteMany({ where: { eventKey: { in: keys } } });
    await db.notice.deleteMany({ where: { meetingId: meeting.id } });
    await db.resolution.deleteMany({ where: { meetingId: meeting.id } });
    await db.meeting.delete({ where: { id: meeting.id } });
    await db.agency.update({
      where: { id: agency.id },
      data: { email: null, headMobile: null, headTitle: agency.headTitle },
    });
  }
});
