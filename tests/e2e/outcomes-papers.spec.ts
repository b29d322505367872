import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { todayInTehran } from "../../lib/i18n/format";
import { normalizeText } from "../../lib/i18n/normalize";
import { ACCOUNTS, expect, test } from "./fixtures";
import { readPdfPages } from "../support/pdf-pages";

// Issue #36, the papers of "what the working group achieved": the chair's one-click letter to
// the head of an agency who missed sessions, issued and printed with its verification code on
// every page; and the returns-to-production export, downloaded from the dashboard and read
// back row by row against the tables the dashboard shows.

const latin = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));
const number = (s: string | null) => Number(latin(s ?? "").replace(/[^\d]/g, "") || "0");

test("the chair's letter to an absent head: one click issues it, and it prints with its verification code", async ({
  signedInAs,
  data,
}, testInfo) => {
  // Issuing, opening and printing the letter takes 10–28 s on a busy machine.
  test.setTimeout(120_000);
  const db = data.db;
  const tag = `a${randomUUID().slice(0, 6)}`;
  const province = await db.province.findUniqueOrThrow({ where: { code: "KRM" }, select: { id: true } });
  const committee = await db.body.findFirstOrThrow({
    where: { provinceId: province.id, kind: "COMMITTEE" },
    select: { id: true },
  });
  const name = `اداره کل آزمون حضور ${tag}`;
  const agency = await db.agency.create({
    data: {
      provinceId: province.id,
      kind: "GOVERNMENT",
      nameFa: name,
      nameEn: `Attendance test office ${tag}`,
      nameNormalized: normalizeText(name),
      headName: "مهدی رضایی",
      headTitle: "مدیرکل",
    },
    select: { id: true },
  });
  // Two sessions its head missed (a representative, then nobody). Long ago: no member of the
  // committee counts them among its last four, so no other agency's trend moves.
  const meetings = await Promise.all(
    [1, 2].map((k) =>
      db.meeting.create({
        data: {
          provinceId: province.id,
          bodyId: committee.id,
          jalaliYear: 1380,
          number: 100 + Math.floor(Math.random() * 900_000),
          startsAt: new Date(Date.UTC(2001, 2, 10 + k, 5, 0)),
          status: "HELD",
          attendances: {
            create: { agencyId: agency.id, mode: k === 1 ? "REPRESENTATIVE" : "ABSENT" },
          },
        },
        select: { id: true },
      }),
    ),
  );
  try {
    const chair = await signedInAs(ACCOUNTS.chair, "/chair");
    const row = chair
      .getByRole("list", { name: "رئیس دستگاه در دست‌کم ۲ جلسه از ۴ جلسه اخیر حاضر نبود" })
      .getByRole("listitem")
      .filter({ hasText: name });
    await expect(row).toContainText("مهدی رضایی");
    await row.getByRole("button", { name: "نامه به رئیس دستگاه" }).click();

    // Issued and opened: the numbered letter, addressed to the head, naming both sessions.
    await expect(chair).toHaveURL(/\/letters\/[^/]+$/);
    const letter = await db.letter.findFirstOrThrow({
      where: { agencyId: agency.id },
      select: { id: true, verifyCode: true, scopeKey: true },
    });
    expect(chair.url()).toContain(`/letters/${letter.id}`);
    expect(letter.scopeKey).toBe(`absence:${agency.id}:${meetings[1]?.id}`);
    const sheet = chair.locator("article.official-letter");
    await expect(sheet).toContainText(`مدیرکل محترم ${name}`);
    await expect(sheet).toContainText("حضور شخص رئیس دستگاه در جلسات کارگروه تسهیل و رفع موانع تولید");
    await expect(sheet).toContainText("غایب");
    await expect(sheet).toContainText(`کد تصدیق: ${letter.verifyCode}`);

    // Printed: every page carries the QR of its verification address and the code.
    const pages = readPdfPages(
      await chair.pdf({ format: "A4", printBackground: true }),
      testInfo.outputDir,
      "absence-letter",
    );
    expect(pages.length).toBeGreaterThan(0);
    const origin = new URL(chair.url()).origin;
    for (const [i, page] of pages.entries()) {
      expect(page.qr, `page ${i + 1}`).toBe(`${origin}/verify/${letter.verifyCode}`);
      expect(page.text, `page ${i + 1}`).toContain(letter.verifyCode);
    }
    // (pdftotext gives Persian in visual order; the name's Latin tag comes back whole.)
    expect(pages.map((p) => p.text).join("\n")).toContain(tag);

    // Pressing again gives the same letter, not a second number.
    await chair.goto("/chair");
    await row.getByRole("button", { name: "نامه به رئیس دستگاه" }).click();
    await expect(chair).toHaveURL(new RegExp(`/letters/${letter.id}$`));
    expect(await db.letter.count({ where: { agencyId: agency.id } })).toBe(1);
  } finally {
    await db.letter.deleteMany({ where: { agencyId: agency.id } });
    await db.meeting.deleteMany({ where: { id: { in: meetings.map((m) => m.id) } } });
    await db.agency.delete({ where: { id: agency.id } });
  }
});

/** The dashboard's returns tables as the page shows them: name → [units, kept, created]. */
async function returnsOnPage(page: Page) {
  await page.goto("/dashboard");
  const rows = async (table: ReturnType<Page["locator"]>) =>
    new Map(
      await table
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.querySelector("th")?.textContent?.trim() ?? "",
            [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
          ]),
        ),
    );
  // The by-month figures are the returns chart's data table (inside its closed <details>).
  const months = await rows(
    page.locator("table", { has: page.locator("caption", { hasText: /^بازگشت به تولید و اشتغال$/ }) }),
  );
  const categories = await rows(page.getByTestId("returns-by-category"));
  const asNumbers = (m: Map<string, string[]>) =>
    new Map([...m].map(([k, v]) => [k, v.map((c) => number(c))]));
  return { months: asNumbers(months), categories: asNumbers(categories) };
}

/** The downloaded workbook's rows, by the table each names in its first column. */
async function returnsInFile(page: Page) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "جدول بازگشت به تولید و اشتغال (اکسل)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tashil-returns-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await readFile(await download.path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(3).value).toBe("واحد");
  const months = new Map<string, number[]>();
  const categories = new Map<string, number[]>();
  sheet?.eachRow((row, n) => {
    if (n === 1) return;
    const [group, name, ...figures] = [1, 2, 3, 4, 5].map((c) => row.getCell(c).value);
    const target = group === "ماه" ? months : group === "گروه مانع" ? categories : null;
    target?.set(String(name), figures.map(Number));
  });
  return { months, categories };
}

test("the returns-to-production export has the rows the dashboard shows", async ({ signedInAs, data }) => {
  test.setTimeout(90_000);
  const db = data.db;
  // A unit of this test's own back in production today, after its first resolution, with a
  // banking obstacle: this month's row and the banking row count it.
  const unit = await data.unit({ name: `کارخانه بازگشت r${randomUUID().slice(0, 6)}` });
  await db.productionUnit.update({
    where: { id: unit.id },
    data: { employees: 40, employeesAtRegistration: 30 },
  });
  const [bank, banking] = await Promise.all([
    db.agency.findFirstOrThrow({
      where: { province: { code: "KRM" }, kind: "BANK" },
      select: { id: true, provinceId: true },
    }),
    db.obstacleCategory.findUniqueOrThrow({ where: { code: "BANKING" }, select: { id: true, nameFa: true } }),
  ]);
  const meeting = await db.meeting.findFirstOrThrow({
    where: { provinceId: bank.provinceId, status: { not: "PLANNED" } },
    orderBy: { startsAt: "desc" },
    select: { id: true },
  });
  const resolutionId = `e2e-${randomUUID()}`;
  await db.resolution.create({
    data: {
      id: resolutionId,
      provinceId: bank.provinceId,
      meetingId: meeting.id,
      unitId: unit.id,
      responsibleAgencyId: bank.id,
      text: "بانک نسبت به تأمین سرمایه در گردش واحد اقدام کند (آزمون بازگشت).",
      deadline: new Date(Date.now() + 20 * 86_400_000),
    },
  });
  const obstacle = await db.obstacle.create({
    select: { id: true },
    data: {
      provinceId: bank.provinceId,
      unitId: unit.id,
      categoryId: banking.id,
      description: "کمبود سرمایه در گردش (آزمون بازگشت)",
    },
  });
  await db.unitStatusChange.create({
    data: {
      unitId: unit.id,
      fromStatus: "IDLE",
      toStatus: "ACTIVE",
      changedOn: new Date(`${todayInTehran()}T00:00:00Z`),
      cause: "BANK_REPORT",
    },
  });
  try {
    const page = await signedInAs(ACCOUNTS.secretariat, "/dashboard");
    // Another journey may return a unit between the two reads: read both again until they agree.
    let shown = await returnsOnPage(page);
    let file = await returnsInFile(page);
    await expect
      .poll(
        async () => {
          if (JSON.stringify([...file.months]) === JSON.stringify([...shown.months])) return "same";
          shown = await returnsOnPage(page);
          file = await returnsInFile(page);
          return "different";
        },
        { timeout: 30_000 },
      )
      .toBe("same");
    // Twelve months, named as the page names them, each with the page's figures.
    expect(file.months.size).toBe(12);
    expect([...file.months.keys()]).toEqual([...shown.months.keys()]);
    for (const [month, figures] of file.months) expect(figures, month).toEqual(shown.months.get(month));
    // This month (the last row) counts the unit returned today, with its jobs.
    const [, thisMonth] = [...file.months].at(-1) ?? [];
    expect(thisMonth?.[0]).toBeGreaterThanOrEqual(1);
    expect(thisMonth?.[1]).toBeGreaterThanOrEqual(30);
    expect(thisMonth?.[2]).toBeGreaterThanOrEqual(10);
    // The obstacle categories: the same names and figures, the banking one among them.
    expect(new Set(file.categories.keys())).toEqual(new Set(shown.categories.keys()));
    for (const [category, figures] of file.categories)
      expect(figures, category).toEqual(shown.categories.get(category));
    expect(file.categories.get(banking.nameFa)?.[0]).toBeGreaterThanOrEqual(1);
  } finally {
    // The fixture removes the unit (and its status history); these first.
    await db.obstacle.deleteMany({ where: { id: obstacle.id } });
    await db.resolution.deleteMany({ where: { id: resolutionId } });
  }
});
