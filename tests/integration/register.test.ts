import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { listResolutions } from "@/lib/resolutions/queries";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { writeResolutionsXlsx } from "@/lib/resolutions/export";
import {
  createActor,
  createAgency,
  createCategory,
  createCounty,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

// The register's filters and its spreadsheet, "today" fixed at 2025-07-10 (Tehran).
const TODAY = "2025-07-10";
let provinceId: string;
let bank: string;
let gas: string;
let unitA: string;
let meeting2: string;
let banking: string;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  bank = (await createAgency(provinceId, "بانک ملت آزمون")).id;
  gas = (await createAgency(provinceId, "شرکت گاز آزمون")).id;
  const countyId = (await createCounty(provinceId, "کرمان", "Kerman")).id;
  unitA = (await createUnit(provinceId, { countyId, name: "واحد الف" })).id;
  const unitB = (await createUnit(provinceId, { countyId, name: "واحد ب" })).id;
  // The sheet names the session «جلسه اول … ۱۴۰۴»: numbers and year as a real register has them.
  const m1 = await createMeeting(provinceId, {
    jalaliYear: 1404,
    number: 1,
    startsAt: new Date("2025-05-01"),
  });
  meeting2 = (
    await createMeeting(provinceId, { jalaliYear: 1404, number: 2, startsAt: new Date("2025-06-01") })
  ).id;
  banking = (await createCategory("T-REG-BANK")).id;
  const energy = (await createCategory("T-REG-ENERGY", "انرژی", "Energy")).id;
  const rows = [
    ["bank-overdue", bank, unitA, m1.id, "2025-07-01", "ISSUED", banking],
    ["bank-later", bank, unitB, meeting2, "2025-09-01", "IN_PROGRESS", banking],
    ["gas-overdue", gas, unitA, meeting2, "2025-07-05", "IN_PROGRESS", energy],
    ["gas-done", gas, unitB, m1.id, "2025-07-02", "DONE_REPORTED", energy],
  ] as const;
  for (const [text, agency, unit, meeting, deadline, status, categoryId] of rows) {
    const obstacle = await createObstacle({ id: unit, provinceId }, { categoryId, description: text });
    await createResolution(
      { provinceId, meetingId: meeting, unitId: unit, responsibleAgencyId: agency },
      { text, deadline, status, obstacleIds: [obstacle.id] },
    );
  }
});

describe("resolution register", () => {
  const texts = async (raw: Record<string, string>) => {
    const member = await createActor(["MEMBER"], { provinceId });
    return (await listResolutions(member, resolutionFilterSchema.parse(raw), TODAY)).items.map((r) => r.text);
  };

  it("filters by agency, status, overdue, session, unit, category and a Jalali deadline range", async () => {
    expect(await texts({})).toEqual(["bank-overdue", "gas-done", "gas-overdue", "bank-later"]);
    expect(await texts({ agencyId: bank })).toEqual(["bank-overdue", "bank-later"]);
    expect(await texts({ status: "IN_PROGRESS" })).toEqual(["gas-overdue", "bank-later"]);
    expect(await texts({ overdue: "1" })).toEqual(["bank-overdue", "gas-overdue"]);
    expect(await texts({ meetingId: meeting2 })).toEqual(["gas-overdue", "bank-later"]);
    expect(await texts({ unitId: unitA })).toEqual(["bank-overdue", "gas-overdue"]);
    expect(await texts({ categoryId: banking })).toEqual(["bank-overdue", "bank-later"]);
    // 1404/04/11 = 2025-07-02, 1404/04/14 = 2025-07-05 (Persian digits accepted).
    expect(await texts({ from: "۱۴۰۴/۰۴/۱۱", to: "1404/04/14" })).toEqual(["gas-done", "gas-overdue"]);
    expect(await texts({ status: "nonsense", from: "not a date" })).toHaveLength(4);
  });

  it("exports the filtered register as an .xlsx sheet", async () => {
    const member = await createActor(["MEMBER"], { provinceId });
    const buffer = await writeResolutionsXlsx(
      member,
      resolutionFilterSchema.parse({ overdue: "1" }),
      "fa",
      t,
      TODAY,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("مصوبات");
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      "جلسه",
      "واحد تولیدی",
      "متن مصوبه",
      "دستگاه مسئول",
      "مهلت",
      "روز مانده (منفی: تأخیر)",
      "وضعیت",
      "معوق",
      "پیشرفت",
      "راکد",
    ]);
    expect(sheet?.rowCount).toBe(3);
    const rows = [values(2), values(3)].sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(rows[0]).toEqual([
      "جلسه اول کارگروه تسهیل و رفع موانع تولید در سال ۱۴۰۴",
      "واحد الف",
      "bank-overdue",
      "بانک ملت آزمون",
      // Dates in the reader's digits, as in every export (decision 102).
      "۱۴۰۴/۰۴/۱۰",
      -9,
      "ابلاغ‌شده",
      "بله",
      // No steps, no stated percentage: no progress; overdue, so not stalled.
      undefined,
      "خیر",
    ]);
  });

  it("keeps other provinces out of the register", async () => {
    const elsewhere = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
    expect((await listResolutions(elsewhere, {}, TODAY)).total).toBe(0);
  });
});
