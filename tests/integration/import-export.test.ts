import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { obstaclesWorkbook, unitsWorkbook } from "@/lib/units/export";
import { unitFiltersSchema } from "@/lib/units/schema";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import {
  createActor,
  createCategory,
  createCounty,
  createObstacle,
  createProvince,
  createUnit,
} from "../support/fixtures";

let provinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let existingNid: string;
let code: string;
const nid = () => String(Math.floor(10_000_000_000 + Math.random() * 89_999_999_999));

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const countyId = (await createCounty(provinceId, "سیرجان", "Sirjan")).id;
  await createCounty(provinceId, "کرمان", "Kerman");
  code = `IMP${provinceId.slice(-6)}`;
  const banking = await createCategory(code, `بانکی ${code}`, `Banking ${code}`);
  // Exports read what the registry holds; the import has its own tests (import.test.ts).
  const other = await createUnit(provinceId, { countyId, name: "کاشی نو" });
  await createObstacle(other, {
    categoryId: banking.id,
    description: "درخواست امهال اقساط تسهیلات",
    amountRials: 500_000_000n,
  });
  existingNid = nid();
  await createUnit(provinceId, { countyId, name: "فولاد موجود", nationalId: existingNid, employees: 10 });
});

describe("spreadsheet export", () => {
  it("exports the filtered units and obstacles with Persian headers, right to left", async () => {
    const read = async (bytes: Uint8Array<ArrayBuffer>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer);
      const sheet = wb.worksheets[0];
      const rows: string[][] = [];
      sheet?.eachRow((row) =>
        rows.push(
          (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))),
        ),
      );
      return { rows, rtl: sheet?.views[0]?.rightToLeft };
    };
    const units = await read(
      await unitsWorkbook(secretariat, unitFiltersSchema.parse({ q: "فولاد موجود" }), "fa"),
    );
    expect(units.rtl).toBe(true);
    expect(units.rows[0]?.slice(0, 3)).toEqual(["نام واحد", "شناسه ملی", "بخش"]);
    expect(units.rows.slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([
      ["فولاد موجود", existingNid, "راکد"],
    ]);
    const obstacles = await read(
      await obstaclesWorkbook(secretariat, obstacleFiltersSchema.parse({ q: "امهال اقساط" }), "fa"),
    );
    expect(obstacles.rows[0]).toContain("شرح مانع");
    expect(obstacles.rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ["کاشی نو", "درخواست امهال اقساط تسهیلات", "500000000"],
    ]);
  });
});
