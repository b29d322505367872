import { randomUUID } from "node:crypto";
import { ACCOUNTS, expect, test } from "./fixtures";
import type { E2eDb } from "./db";
import { readPdfPages } from "../support/pdf-pages";
import { faDigits } from "./support";

// Issue #37: a paper that proves itself carries its verification code and QR on EVERY printed
// page, so a page torn from approved minutes or a long notice still proves itself
// (components/print/paper-pages.tsx). Papers long enough for several pages are printed to PDF
// as the browser prints them; each page's image must hold a QR that reads back as the
// verification address, and each page's text the code.

/**
 * An approved session of six cases with three resolutions each (four A4 pages of minutes),
 * each resolution carrying a Latin word of its own: pdftotext gives Persian in visual order,
 * but a Latin word comes back whole (letters first, so a Persian page shows no bare Latin number).
 */
async function longSession(db: E2eDb) {
  const tag = `m${randomUUID().slice(0, 6)}`;
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
  const tokens: string[] = [];
  for (const [i, unit] of units.entries()) {
    const item = await db.agendaItem.create({ data: { meetingId: meeting.id, unitId: unit.id } });
    await db.resolution.createMany({
      data: [1, 2, 3].map((k) => {
        tokens.push(token(i, k));
        return {
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
        };
      }),
    });
  }
  return {
    meeting,
    provinceId: province.id,
    agencyId: agency.id,
    tokens,
    async remove() {
      await db.notice.deleteMany({ where: { meetingId: meeting.id } });
      await db.resolution.deleteMany({ where: { meetingId: meeting.id } });
      await db.agendaItem.deleteMany({ where: { meetingId: meeting.id } });
      await db.meeting.delete({ where: { id: meeting.id } });
    },
  };
}

/** Every page: the QR reads back as the code's address, and the code is printed. */
function expectProofOnEveryPage(pages: { qr: string | null; text: string }[], origin: string, code: string) {
  for (const [i, page] of pages.entries()) {
    expect(page.qr, `page ${i + 1} of ${pages.length}`).toBe(`${origin}/verify/${code}`);
    expect(page.text, `page ${i + 1} of ${pages.length}`).toContain(code);
  }
}

test("every printed page of long approved minutes carries the verification QR and code", async ({
  signedInAs,
  data,
}, testInfo) => {
  // Printing and reading every page back takes 15–30 s on a busy machine.
  test.setTimeout(120_000);
  const db = data.db;
  const session = await longSession(db);
  try {
    const chair = await signedInAs(ACCOUNTS.chair, `/meetings/${session.meeting.id}/minutes`);
    // On screen the proof is shown once, at the end, as before.
    await expect(chair.locator(".print-document .verify-qr svg")).toBeVisible();
    await expect(chair.locator(".paper-foot")).toBeHidden();
    const { minutesVerifyCode: code } = await db.meeting.findUniqueOrThrow({
      where: { id: session.meeting.id },
      select: { minutesVerifyCode: true },
    });
    expect(code).toMatch(/^[A-Z0-9]{10}$/);

    const pages = readPdfPages(
      await chair.pdf({ format: "A4", printBackground: true }),
      testInfo.outputDir,
      "long-minutes",
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectProofOnEveryPage(pages, new URL(chair.url()).origin, code ?? "");
    // The repeated foot takes room in the flow and covers nothing: every resolution is printed.
    const printed = pages.map((p) => p.text).join("\n");
    for (const token of session.tokens) expect(printed).toContain(token);

    // The address on any page opens the public verification page, naming the same code.
    // (A public page: reach.spec.ts opens it as another reader; here the same tab will do.)
    await chair.goto(new URL(pages[1]?.qr ?? "").pathname);
    await expect(chair.getByRole("status")).toHaveText("این سند در سامانه تسهیل ثبت شده است.");
    await expect(chair.getByRole("main")).toContainText("صورتجلسه تأییدشده کارگروه");
    await expect(chair.getByRole("main")).toContainText(code ?? "");
  } finally {
    await session.remove();
  }
});

test("every printed page of a long notice carries its verification QR and code", async ({
  signedInAs,
  data,
}, testInfo) => {
  test.setTimeout(120_000);
  const db = data.db;
  const session = await longSession(db);
  // The session's notice to the agency, with all eighteen resolutions (a code of its own; the
  // frozen text is not what this test is about, lib/letters/queries.ts checks it).
  const code = `N${randomUUID().replace(/-/g, "").slice(0, 9).toUpperCase()}`;
  try {
    const resolutions = await db.resolution.findMany({
      where: { meetingId: session.meeting.id },
      select: { id: true, deadline: true },
    });
    const notice = await db.notice.create({
      data: {
        provinceId: session.provinceId,
        agencyId: session.agencyId,
        meetingId: session.meeting.id,
        jalaliYear: 1380,
        number: 100 + Math.floor(Math.random() * 900_000),
        verifyCode: code,
        items: { create: resolutions.map((r) => ({ resolutionId: r.id, deadline: r.deadline })) },
      },
      select: { id: true },
    });
    const secretariat = await signedInAs(ACCOUNTS.secretariat, `/notices/${notice.id}`);
    await expect(secretariat.locator(".notice-letter .verify-qr svg")).toBeVisible();
    const pages = readPdfPages(
      await secretariat.pdf({ format: "A4", printBackground: true }),
      testInfo.outputDir,
      "long-notice",
    );
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectProofOnEveryPage(pages, new URL(secretariat.url()).origin, code);
    const printed = pages.map((p) => p.text).join("\n");
    for (const token of session.tokens) expect(printed).toContain(token);
  } finally {
    await session.remove();
  }
});
