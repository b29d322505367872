import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { obstaclesWorkbook, unitsWorkbook } from "@/lib/units/export";
import { unitFiltersSchema } from "@/lib/units/schema";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { normalizeText } from "@/lib/i18n/normalize";
import { createActor, createProvince } from "../support/fixtures";

let provinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let existingNid: string;
let code: string;
const nid = () => String(Math.floor(10_000_000_000 + Math.random() * 89_999_999_999));

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const county = await db.county.create({ data: { provinceId, nameFa: "سیرجان", nameEn: "Sirjan" } });
  await db.county.create({ data: { provinceId, nameFa: "کرمان", nameEn: "Kerman" } });
  code = `IMP${provinceId.slice(-6)}`;
  const banking = await db.obstacleCategory.create({
    data: { code, nameFa: `بانکی ${code}`, nameEn: `Banking ${code}` },
  });
  // Exports read what the registry holds; the import has its own tests (import.test.ts).
  const other = await db.productionUnit.create({
    data: {
      provinceId,
      countyId: county.id,
      name: "کاشی نو",
      nameNormalized: normalizeText("کاشی نو"),
      sector: "INDUSTRIAL",
      status: "IDLE",
    },
  });
  await db.obstacle.create({
    data: {
      provinceId,
      unitId: other.id,
      categoryId: banking.id,
      description: "درخواست امهال اقساط تسهیلات",
      descriptionNormalized: normalizeText("درخواست امهال اقساط تسهیلات"),
      amountRials: 500_000_000n,
    },
  });
  existingNid = nid();
  await db.productionUnit.create({
    data: {
      provinceId,
      countyId: county.id,
      name: "فولاد موجود",
      nameNormalized: normalizeText("فولاد موجود"),
      nationalId: existingNid,
      sector: "INDUSTRIAL",
      status: "IDLE",
      employees: 10,
    },
  });
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
