import { randomUUID } from "node:crypto";
import { ACCOUNTS, expect, test } from "./fixtures";
import { readPdfPages } from "./pdf-pages";
import { faDigits } from "./support";

// Issue #37: a paper that proves itself carries its verification code and QR on EVERY printed
// page, so a page torn from approved minutes still proves itself (components/print/paper-pages.tsx).
// Minutes long enough for three pages or more are printed to PDF as the browser prints them;
// each page's image must hold a QR that reads back as the verification address, and each
// page's text the code; the address opens the public page, which names the same code.

test("every printed page of long approved minutes carries the verification QR and code", async ({
  signedInAs,
  data,
}, testInfo) => {
  // Printing and reading every page back takes 15–30 s on a busy machine.
  test.setTimeout(120_000);
  const db = data.db;
  const tag = `m${randomUUID().slice(0, 6)}`;
  // Each resolution's own Latin word (letters first, so a Persian page shows no bare Latin
  // number): pdftotext gives Persian in visual order, but a Latin word comes back whole.
  const token = (i: number, k: number) => `q${"abcdefghijkl"[i]}${"xyz"[k - 1]}${tag}`;
  const province = await db.province.findUniqueOrThrow({ where: { code: "KRM" }, select: { id: true } });
  const [body, units, agency] = await Promise.all([
    db.body.findFirstOrThrow({
      where: { provinceId: province.id, kind: "WORKING_GROUP" },
      select: { id: true },
    }),
    db.productionUnit.findMany({
      where: { provinceId: province.id },
      orderBy: { name: "asc" },
      take: 6,
      select: { id: true },
    }),
    db.agency.findFirstOrThrow({
      where: { provinceId: province.id, active: true },
      orderBy: { nameFa: "asc" },
      select: { id: true },
    }),
  ]);
  // Approved before codes existed: the first print seals them (lib/meetings/minutes-proof.ts).
  const meeting = await db.meeting.create({
    data: {
      provinceId: province.id,
      bodyId: body.id,
      jalaliYear: 1499,
      number: 100 + Math.floor(Math.random() * 900_000),
      // Long ago: no member agency counts it among its last four sessions (the chair's page).
      startsAt: new Date(Date.UTC(2001, 0, 20, 5, 0)),
      status: "MINUTES_APPROVED",
      minutesApprovedAt: new Date(),
    },
  });
  try {
    // Six cases with three resolutions each: four A4 pages (eight with twelve; kept short so
    // that turning every page into an image stays quick on a busy machine).
    for (const [i, unit] of units.entries()) {
      const item = await db.agendaItem.create({ data: { meetingId: meeting.id, unitId: unit.id } });
      await db.resolution.createMany({
        data: [1, 2, 3].map((k) => ({
          id: `e2e-${randomUUID()}`,
          provinceId: province.id,
          meetingId: meeting.id,
          agendaItemId: item.id,
          unitId: unit.id,
          responsibleAgencyId: agency.id,
          text:
            `بند ${faDigits(k)} پرونده ${faDigits(i + 1)} (${token(i, k)}): دستگاه مسئول ظرف بیست روز نسبت به بررسی درخواست واحد، ` +
            "امهال اقساط معوق، صدور مجوزهای لازم و گزارش نتیجه به دبیرخانه کارگروه اقدام کند؛ " +
            "در صورت نیاز به استعلام از سایر دستگاه‌ها، پاسخ ظرف ده روز کاری دریافت و پیگیری شود.",
          deadline: new Date(Date.now() + 20 * 86_400_000),
        })),
      });
    }

    const chair = await signedInAs(ACCOUNTS.chair, `/meetings/${meeting.id}/minutes`);
    // On screen the proof is shown once, at the end, as before.
    await expect(chair.locator(".print-document .verify-qr svg")).toBeVisible();
    await expect(chair.locator(".paper-foot")).toBeHidden();
    const { minutesVerifyCode: code } = await db.meeting.findUniqueOrThrow({
      where: { id: meeting.id },
      select: { minutesVerifyCode: true },
    });
    expect(code).toMatch(/^[A-Z0-9]{10}$/);

    const pages = readPdfPages(
      await chair.pdf({ format: "A4", printBackground: true }),
      testInfo.outputDir,
      "long-minutes",
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const origin = new URL(chair.url()).origin;
    for (const [i, page] of pages.entries()) {
      expect(page.qr, `page ${i + 1} of ${pages.length}`).toBe(`${origin}/verify/${code}`);
      expect(page.text, `page ${i + 1} of ${pages.length}`).toContain(code);
    }
    // The repeated foot takes room in the flow and covers nothing: every resolution is printed.
    const printed = pages.map((p) => p.text).join("\n");
    for (const i of units.keys()) for (const k of [1, 2, 3]) expect(printed).toContain(token(i, k));

    // The address on any page opens the public verification page, naming the same code.
    // (A public page: reach.spec.ts opens it as another reader; here the same tab will do.)
    await chair.goto(new URL(pages[1]?.qr ?? "").pathname);
    await expect(chair.getByRole("status")).toHaveText("این سند در سامانه تسهیل ثبت شده است.");
    await expect(chair.getByRole("main")).toContainText("صورتجلسه تأییدشده کارگروه");
    await expect(chair.getByRole("main")).toContainText(code ?? "");
  } finally {
    await db.resolution.deleteMany({ where: { meetingId: meeting.id } });
    await db.agendaItem.deleteMany({ where: { meetingId: meeting.id } });
    await db.meeting.delete({ where: { id: meeting.id } });
  }
});
