import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmImport, previewImport } from "@/lib/units/import";
import { obstaclesWorkbook, unitsWorkbook } from "@/lib/units/export";
import { unitFiltersSchema } from "@/lib/units/schema";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { normalizeText } from "@/lib/i18n/normalize";
import { createActor, createProvince, t } from "../support/fixtures";

const FORBIDDEN = "شما اجازه دسترسی به این بخش را ندارید.";
const HEADERS = [
  "نام واحد",
  "شناسه ملی",
  "بخش",
  "شهرستان",
  "وضعیت بهره‌برداری",
  "تعداد کارکنان",
  "دسته",
  "زیردسته",
  "شرح مانع",
  "مبلغ (ریال)",
];
let provinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let existingId: string;
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
  await db.obstacleCategory.create({
    data: { code: `${code}-R`, parentId: banking.id, nameFa: "امهال", nameEn: "Rescheduling" },
  });
  existingNid = nid();
  existingId = (
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
    })
  ).id;
});

async function xlsxFile(rows: string[][], name = "units.xlsx") {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Sheet1");
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name);
}

describe("spreadsheet import", () => {
  it("previews every row with its fate and writes nothing, then imports the valid rows in one go", async () => {
    const newNid = nid();
    const file = await xlsxFile([
      [
        "کاشی نو",
        newNid,
        "صنعتی",
        "سيرجان",
        "راکد",
        "۱۲۰",
        `بانکی ${code}`,
        "امهال",
        "درخواست امهال اقساط تسهیلات",
        "۵۰۰٬۰۰۰٬۰۰۰",
      ],
      ["", "", "صنعتی", "سیرجان", "فعال", "", "", "", "", ""],
      ["معدن ناشناس", "", "معدنی", "شهر خیالی", "فعال", "", "", "", "", ""],
      ["پسته ممتاز", "", "کشاورزی", "کرمان", "فعال", "صد", "دسته نامعلوم", "", "شرح یک مانع دیگر", ""],
      [
        "کاشی نو",
        newNid,
        "صنعتی",
        "سیرجان",
        "راکد",
        "۱۲۰",
        `بانکی ${code}`,
        "امهال",
        "درخواست امهال اقساط تسهیلات",
        "۵۰۰٬۰۰۰٬۰۰۰",
      ],
      ["فولاد موجود", existingNid, "", "سیرجان", "فعال", "45", "", "", "", ""],
    ]);
    const unitsBefore = await db.productionUnit.count({ where: { provinceId } });
    const preview = await previewImport(secretariat, file, t);
    expect(preview.ok).toBe(true);
    expect(preview.message).toBe("۲ ردیف معتبر، ۴ ردیف دارای خطا.");
    expect(preview.rows?.map((r) => [r.line, r.action, r.withObstacle, r.errors])).toEqual([
      [2, "create", true, []],
      [3, "create", false, ["نام واحد خالی است."]],
      [4, "create", false, ["شهرستان «شهر خیالی» شناخته نشد."]],
      [
        5,
        "create",
        true,
        ["عدد «صد» در ستون «تعداد کارکنان» معتبر نیست.", "دسته مانع «دسته نامعلوم» شناخته نشد."],
      ],
      [6, "update", true, ["این واحد در ردیف ۲ فایل تکرار شده است."]],
      [7, "update", false, []],
    ]);
    expect(await db.productionUnit.count({ where: { provinceId } })).toBe(unitsBefore);

    const done = await confirmImport(secretariat, preview.payload ?? "", t);
    expect(done).toEqual({ ok: true, message: "۲ ردیف ثبت شد." });
    const created = await db.productionUnit.findUniqueOrThrow({
      where: { nationalId: newNid },
      include: { obstacles: true, statusChanges: true },
    });
    expect(created).toMatchObject({ name: "کاشی نو", status: "IDLE", employees: 120, sector: "INDUSTRIAL" });
    expect(created.obstacles.map((o) => [o.amountRials, o.description])).toEqual([
      [500_000_000n, "درخواست امهال اقساط تسهیلات"],
    ]);
    expect(created.statusChanges).toHaveLength(1);
    const updated = await db.productionUnit.findUniqueOrThrow({
      where: { id: existingId },
      include: { statusChanges: true },
    });
    expect(updated).toMatchObject({ status: "ACTIVE", employees: 45, name: "فولاد موجود" });
    expect(updated.statusChanges.map((s) => [s.fromStatus, s.toStatus])).toEqual([["IDLE", "ACTIVE"]]);
    expect(await db.productionUnit.count({ where: { provinceId } })).toBe(unitsBefore + 1);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "unit.import.create" } })).toBe(
      1,
    );
  });

  it("writes nothing when no row is valid, and checks a tampered payload again on the server", async () => {
    const before = await db.productionUnit.count({ where: { provinceId } });
    const preview = await previewImport(
      secretariat,
      await xlsxFile([
        ["", "", "", "", "", "", "", "", "", ""],
        ["واحد", "", "", "ناکجا", "", "", "", "", "", ""],
      ]),
      t,
    );
    expect(preview.validCount).toBe(0);
    expect(await confirmImport(secretariat, preview.payload ?? "", t)).toEqual({
      ok: false,
      message: "ردیف معتبری برای ثبت وجود ندارد.",
    });
    const forged = JSON.stringify([{ line: 2, record: { name: "جعلی", county: "ناکجا" } }]);
    expect((await confirmImport(secretariat, forged, t)).ok).toBe(false);
    expect((await confirmImport(secretariat, "not json", t)).ok).toBe(false);
    expect(await db.productionUnit.count({ where: { provinceId } })).toBe(before);
  });

  it("reads CSV with Persian headers, and explains a file it cannot read", async () => {
    const csv = new File(
      [`\uFEFF${HEADERS.join(",")}\nلبنیات کویر,,کشاورزی,کرمان,فعال,۳۵,,,,\n`],
      "units.csv",
      { type: "text/csv" },
    );
    const preview = await previewImport(secretariat, csv, t);
    expect(preview.rows?.map((r) => [r.name, r.action, r.errors])).toEqual([["لبنیات کویر", "create", []]]);
    expect(await previewImport(secretariat, new File(["garbage"], "units.xlsx"), t)).toMatchObject({
      ok: false,
      message: "فایل خوانده نشد. یک فایل ‎.xlsx یا ‎.csv سالم انتخاب کنید.",
    });
    expect(await previewImport(secretariat, new File(["a,b\n1,2"], "units.csv"), t)).toMatchObject({
      ok: false,
      message: "ستون «نام واحد» در ردیف اول فایل پیدا نشد.",
    });
    expect(await previewImport(secretariat, null, t)).toMatchObject({
      ok: false,
      message: "یک فایل ‎.xlsx یا ‎.csv انتخاب کنید.",
    });
  });

  it("refuses import for read-only roles", async () => {
    for (const role of ["CHAIR", "MEMBER", "AGENCY"] as const) {
      const actor = await createActor([role], { provinceId });
      expect(
        await previewImport(actor, await xlsxFile([["الف", "", "", "کرمان", "", "", "", "", "", ""]]), t),
      ).toEqual({ ok: false, message: FORBIDDEN });
      expect(
        await confirmImport(
          actor,
          JSON.stringify([{ line: 2, record: { name: "الف", county: "کرمان" } }]),
          t,
        ),
      ).toEqual({ ok: false, message: FORBIDDEN });
    }
    expect(await db.productionUnit.count({ where: { provinceId, name: "الف" } })).toBe(0);
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
      ["فولاد موجود", existingNid, "فعال"],
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
