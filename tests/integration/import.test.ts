// The spreadsheet import on sheets shaped like the ones clerks really keep, against a real
// PostgreSQL. Every test reads the database back cell by cell, not only the summary.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  checkImport,
  importNextChunk,
  templateWorkbook,
  uploadImport,
  verdictWorkbook,
  type ProgressState,
  type UploadState,
} from "@/lib/units/import";
import type { ImportField } from "@/lib/units/import-fields";
import { normalizeText } from "@/lib/i18n/normalize";
import {
  createActor,
  createAgency,
  createCategory,
  createCounty,
  createProvince,
  createUnit,
  t,
} from "../support/fixtures";

type Actor = Awaited<ReturnType<typeof createActor>>;
let provinceId: string;
let clerk: Actor;
let county: Record<"kerman" | "sirjan" | "zarand", string>;
let category: Record<"banking" | "energy" | "permits" | "tax" | "raw", string>;
/** This file's suffix for category names (see beforeAll). */
const S = String(Math.floor(Math.random() * 1e6));
const C = (name: string) => `${name} ${S}`;
let rescheduling: string;
let agency: Record<"melli" | "environment" | "customs" | "industry", string>;
let run = 0;
/** A national id no other test file uses. */
const nid = () => String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999));
const fa = (s: string | number) => String(s).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  clerk = await createActor(["SECRETARIAT"], { provinceId });
  const c = async (nameFa: string, nameEn: string) => (await createCounty(provinceId, nameFa, nameEn)).id;
  county = {
    kerman: await c("کرمان", "Kerman"),
    sirjan: await c("سیرجان", "Sirjan"),
    zarand: await c("زرند", "Zarand"),
  };
  // Categories are one list for every province, and other test files add their own «بانکی»:
  // this file's carry a suffix so each name means one category.
  const cat = async (nameFa: string, parentId: string | null = null) =>
    (await createCategory(`IMPT-${S}-${nameFa}`, C(nameFa), C(nameFa), parentId)).id;
  category = {
    banking: await cat("بانکی"),
    energy: await cat("سوخت و انرژی"),
    permits: await cat("استعلامات و مجوزها"),
    tax: await cat("مالیاتی"),
    raw: await cat("مواد اولیه و بازار"),
  };
  rescheduling = await cat("امهال تسهیلات", category.banking);
  const a = async (nameFa: string, nameEn: string, kind: "BANK" | "GOVERNMENT") =>
    (await createAgency(provinceId, nameFa, { kind, nameEn })).id;
  agency = {
    melli: await a("بانک ملی ایران", "Bank Melli Iran", "BANK"),
    environment: await a("اداره کل حفاظت محیط زیست", "Environmental Protection", "GOVERNMENT"),
    customs: await a("گمرک", "Customs", "GOVERNMENT"),
    // Its name holds the very separator cells use between agencies.
    industry: await a("سازمان صنعت، معدن و تجارت استان", "Industry, Mine and Trade", "GOVERNMENT"),
  };
});

async function xlsx(headers: string[], rows: string[][], opts: { title?: string; name?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], opts.name ?? "units.xlsx");
}

/**
 * Windows-1256 bytes, as Excel on a Persian Windows saves "CSV": the code page has no Persian
 * yeh or digits, so Windows writes the Arabic yeh and Latin digits instead.
 */
function windows1256(text: string): Uint8Array {
  text = text.replace(/ی/g, "ي");
  const decoder = new TextDecoder("windows-1256");
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array(
    [...text].map((ch) => {
      const b = byChar.get(ch);
      if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
      return b;
    }),
  );
}

/** Upload, take the proposal with `fix` applied, check, and import chunk by chunk. */
async function importSheet(
  file: File,
  fix: Record<number, ImportField | ""> = {},
  actor: Actor = clerk,
): Promise<{
  upload: UploadState;
  check: Awaited<ReturnType<typeof checkImport>>;
  progress: ProgressState[];
}> {
  const upload = await uploadImport(actor, file, t);
  expect(upload).toMatchObject({ ok: true });
  const mapping = (upload.columns ?? []).map((c) => fix[c.index] ?? c.proposed ?? "");
  const check = await checkImport(actor, { batchId: upload.batchId ?? "", mapping, remember: true }, t);
  expect(check).toMatchObject({ ok: true });
  const progress: ProgressState[] = [];
  for (;;) {
    const p = await importNextChunk(actor, upload.batchId ?? "", t);
    progress.push(p);
    expect(p.ok).toBe(true);
    if (p.finished || !p.ok) break;
  }
  return { upload, check, progress };
}

const unitsOf = (names: string[]) =>
  db.productionUnit.findMany({
    where: { provinceId, name: { in: names } },
    orderBy: { name: "asc" },
    include: {
      obstacles: { orderBy: { description: "asc" }, include: { agencies: { select: { agencyId: true } } } },
      statusChanges: true,
    },
  });

// A clerk's sheet: a title row, headers in their own words, Arabic letters, Persian digits.
const CLERK_HEADERS = [
  "ردیف",
  "نام شركت",
  "شناسه ملی",
  "محل",
  "وضعيت واحد",
  "بخش",
  "تعداد شاغلین",
  "نوع مشکل",
  "شرح مشکلات",
  "مبلغ (میلیون ریال)",
  "دستگاه مرتبط",
  "یادداشت کارشناس",
];

describe("column mapping", () => {
  it("proposes fields from clerks' headers, names the ignored columns, stops without a required field, and remembers a confirmed mapping", async () => {
    const tag = fa(++run);
    const file = () =>
      xlsx(
        CLERK_HEADERS,
        [["۱", `آجر نما ${tag}`, "", "کرمان", "فعال", "صنعتی", "۱۲", "", "", "", "", "تماس گرفته شد"]],
        {
          title: "فهرست واحدهای دارای مشکل — استان",
        },
      );
    const upload = await uploadImport(clerk, await file(), t);
    expect(upload.ok).toBe(true);
    expect(upload.reused).toBe(false);
    expect(upload.rowCount).toBe(1);
    expect(upload.columns?.map((c) => [c.header, c.proposed])).toEqual([
      ["ردیف", null],
      ["نام شركت", "name"],
      ["شناسه ملی", "nationalId"],
      ["محل", null],
      ["وضعيت واحد", "status"],
      ["بخش", "sector"],
      ["تعداد شاغلین", "employees"],
      ["نوع مشکل", "category"],
      ["شرح مشکلات", "description"],
      ["مبلغ (میلیون ریال)", "amount"],
      ["دستگاه مرتبط", "agencies"],
      ["یادداشت کارشناس", null],
    ]);
    expect(upload.columns?.[9]?.amountScale).toBe("1000000");
    const proposal = (upload.columns ?? []).map((c) => c.proposed ?? "");

    // «محل» was not recognised: without a county column nothing can be checked.
    const stopped = await checkImport(
      clerk,
      { batchId: upload.batchId ?? "", mapping: proposal, remember: true },
      t,
    );
    expect(stopped).toMatchObject({ ok: false, message: "برای «شهرستان» ستونی انتخاب نشده است." });
    const twice = proposal.map((f, i) => (i === 3 ? "county" : i === 0 ? "name" : f));
    expect(
      await checkImport(clerk, { batchId: upload.batchId ?? "", mapping: twice, remember: true }, t),
    ).toMatchObject({ ok: false, message: "«نام واحد» برای بیش از یک ستون انتخاب شده است: ردیف، نام شركت." });
    expect(await db.productionUnit.count({ where: { provinceId, name: `آجر نما ${tag}` } })).toBe(0);

    // The user maps «محل» to the county; the next sheet of the same shape gets that mapping.
    const corrected = proposal.map((f, i) => (i === 3 ? "county" : f));
    const check = await checkImport(
      clerk,
      { batchId: upload.batchId ?? "", mapping: corrected, remember: true },
      t,
    );
    expect(check).toMatchObject({ ok: true, counts: { create: 1, refused: 0 } });
    const again = await uploadImport(clerk, await file(), t);
    expect(again.reused).toBe(true);
    expect(again.columns?.map((c) => c.proposed ?? "")).toEqual(corrected);
    // Another province does not see this province's mapping.
    const elsewhere = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
    expect((await uploadImport(elsewhere, await file(), t)).reused).toBe(false);
  });
});

describe("values mapped, never defaulted; every cell accounted for", () => {
  it("writes each row's unit and obstacle with every cell it holds, refuses the rest naming column and value, and the summary equals the database", async () => {
    const tag = fa(++run);
    const [n1, n2] = [nid(), nid()];
    const headers = [
      "نام واحد تولیدی",
      "شناسه ملی",
      "شهرستان",
      "وضعیت",
      "بخش",
      "کارکنان",
      "دسته مانع",
      "زیردسته",
      "شرح مانع",
      "مبلغ",
      "دستگاه های مرتبط",
    ];
    const rows = [
      // 2: closed, Arabic letters in county and category, Persian separators, two agencies.
      [
        `فولاد ${tag}`,
        fa(n1),
        "سيرجان",
        "تعطیل",
        "صنعتی",
        "۱۲۰",
        C("بانكی"),
        C("امهال تسهیلات"),
        "امهال اقساط تسهیلات سرمایه در گردش",
        "۵۰۰٬۰۰۰٬۰۰۰",
        "بانک ملی ایران، سازمان صنعت، معدن و تجارت استان، گمرک",
      ],
      // 3: under construction, a sub-category written in the category column, amount in words.
      [
        `سیمان ${tag}`,
        n2,
        "زرند",
        "در دست احداث",
        "معدنی",
        "",
        C("امهال تسهیلات"),
        "",
        "درخواست امهال وام ساخت",
        "۲٫۵ میلیارد",
        "",
      ],
      // 4: unknown operating status.
      [`کاشی ${tag}`, "", "کرمان", "نیمه‌تعطیل‌موقت", "صنعتی", "", "", "", "", "", ""],
      // 5: unknown category and unknown agency.
      [
        `لبنیات ${tag}`,
        "",
        "کرمان",
        "فعال",
        "کشاورزی",
        "",
        "دسته خیالی",
        "",
        "شرح یک مانع خیالی",
        "",
        "اداره ناموجود",
      ],
      // 6: a new unit without a status: never defaulted to ACTIVE.
      [`پسته ${tag}`, "", "کرمان", "", "کشاورزی", "", "", "", "", "", ""],
      // 7: amount in words only.
      [
        `آرد ${tag}`,
        "",
        "کرمان",
        "فعال",
        "صنعتی",
        "",
        C("مالیاتی"),
        "",
        "اختلاف در مالیات عملکرد",
        "پانصد میلیون",
        "",
      ],
      // 8: unknown county.
      [`سنگ ${tag}`, "", "شهر خیالی", "فعال", "معدنی", "", "", "", "", "", ""],
      // 9: an obstacle without a description.
      [`نان ${tag}`, "", "کرمان", "فعال", "صنعتی", "", C("سوخت و انرژی"), "", "", "۱۰۰ میلیون", ""],
    ];
    const { check, progress } = await importSheet(await xlsx(headers, rows));
    const refused = (check.rows ?? [])
      .filter((r) => r.outcome === "refused")
      .map((r) => [r.line, r.messages]);
    expect(refused).toEqual([
      [4, ["«نیمه‌تعطیل‌موقت» در ستون «وضعیت» شناخته نشد."]],
      [
        5,
        [
          "«دسته خیالی» در ستون «دسته مانع» شناخته نشد.",
          "«اداره ناموجود» در ستون «دستگاه های مرتبط» شناخته نشد.",
        ],
      ],
      [6, ["برای ثبت واحد جدید، ستون «وضعیت» لازم است و خالی است."]],
      [
        7,
        [
          "مبلغ «پانصد میلیون» (ستون «مبلغ») با حروف نوشته شده است؛ آن را با رقم بنویسید، مثلاً ۵۰۰ میلیون یا ۵۰۰٬۰۰۰٬۰۰۰.",
        ],
      ],
      [8, ["«شهر خیالی» در ستون «شهرستان» شناخته نشد."]],
      [9, ["ستون «شرح مانع» خالی است."]],
    ]);
    expect(check.message).toBe(
      "۲ واحد جدید، به‌روزرسانی ۰ واحد، ۲ مانع جدید، ۰ ردیف بدون تغییر، ۶ ردیف رد شده.",
    );
    const last = progress.at(-1);
    expect(last?.summary).toEqual({
      unitsCreated: 2,
      unitsUpdated: 0,
      obstaclesAdded: 2,
      rowsUnchanged: 0,
      rowsRefused: 6,
    });
    expect(last?.message).toBe(
      "ثبت انجام شد: ۲ واحد جدید، ۰ واحد به‌روزرسانی شد، ۲ مانع افزوده شد، ۰ ردیف بدون تغییر، ۶ ردیف رد شد.",
    );

    // The database, cell by cell: exactly what the summary says.
    const units = await db.productionUnit.findMany({
      where: { provinceId, name: { contains: tag } },
      orderBy: { name: "asc" },
      include: { obstacles: { include: { agencies: true } }, statusChanges: true },
    });
    expect(
      units.map((u) => ({
        name: u.name,
        nationalId: u.nationalId,
        countyId: u.countyId,
        status: u.status,
        sector: u.sector,
        employees: u.employees,
        history: u.statusChanges.map((s) => [s.fromStatus, s.toStatus]),
        obstacles: u.obstacles.map((o) => ({
          categoryId: o.categoryId,
          subCategoryId: o.subCategoryId,
          description: o.description,
          amountRials: o.amountRials,
          agencies: o.agencies.map((a) => a.agencyId).sort(),
          status: o.status,
          createdById: o.createdById,
        })),
      })),
    ).toEqual([
      {
        name: `سیمان ${tag}`,
        nationalId: n2,
        countyId: county.zarand,
        status: "UNDER_CONSTRUCTION",
        sector: "MINING",
        employees: null,
        history: [[null, "UNDER_CONSTRUCTION"]],
        obstacles: [
          {
            categoryId: category.banking,
            subCategoryId: rescheduling,
            description: "درخواست امهال وام ساخت",
            amountRials: 2_500_000_000n,
            agencies: [],
            status: "REGISTERED",
            createdById: clerk.id,
          },
        ],
      },
      {
        name: `فولاد ${tag}`,
        nationalId: n1,
        countyId: county.sirjan,
        status: "CLOSED",
        sector: "INDUSTRIAL",
        employees: 120,
        history: [[null, "CLOSED"]],
        obstacles: [
          {
            categoryId: category.banking,
            subCategoryId: rescheduling,
            description: "امهال اقساط تسهیلات سرمایه در گردش",
            amountRials: 500_000_000n,
            agencies: [agency.melli, agency.customs, agency.industry].sort(),
            status: "REGISTERED",
            createdById: clerk.id,
          },
        ],
      },
    ]);
    expect(
      await db.auditEvent.count({
        where: { entityId: { in: units.map((u) => u.id) }, action: "unit.import.create" },
      }),
    ).toBe(2);
  });
});

describe("repeated units and re-imports", () => {
  it("keeps one unit per national id or name and county, appends its obstacles, refuses conflicting cells, and adds nothing when the same sheet comes again", async () => {
    const tag = fa(++run);
    const [n1, registeredNid] = [nid(), nid()];
    const registered = await createUnit(provinceId, {
      countyId: county.kerman,
      name: `کارخانه قند ${tag}`,
      nationalId: registeredNid,
      employees: 40,
    });
    const noId = await createUnit(provinceId, {
      countyId: county.sirjan,
      name: `باغ پسته ${tag}`,
      sector: "AGRICULTURAL",
      status: "ACTIVE",
    });
    const headers = [
      "نام واحد",
      "شناسه ملی",
      "شهرستان",
      "وضعیت بهره‌برداری",
      "بخش",
      "تعداد کارکنان",
      "دسته",
      "شرح مانع",
      "مبلغ (ریال)",
      "دستگاه",
    ];
    const rows = [
      // 2 and 3: one new unit (same national id) with two obstacles.
      [
        `معدن مس ${tag}`,
        n1,
        "زرند",
        "فعال",
        "معدنی",
        "۳۰",
        C("بانکی"),
        "تمدید ضمانت‌نامه بانکی",
        "۱٬۰۰۰٬۰۰۰٬۰۰۰",
        "بانک ملی ایران",
      ],
      [
        `معدن مس ${tag}`,
        fa(n1),
        "زرند",
        "",
        "",
        "",
        C("استعلامات و مجوزها"),
        "استعلام محیط زیست برای توسعه",
        "",
        "اداره کل حفاظت محیط زیست",
      ],
      // 4: the registered unit by national id (written with another name): status returns to ACTIVE.
      [`قند ${tag}`, registeredNid, "کرمان", "فعال", "", "", C("سوخت و انرژی"), "قطعی گاز در زمستان", "", ""],
      // 5: the registered unit without an id, by name (Arabic letters) and county.
      [
        `باغ پسته ${tag}`.replace(/ی/g, "ي"),
        "",
        "سیرجان",
        "",
        "",
        "",
        C("بانکی"),
        "معوقات وام کشاورزی",
        "۳۰۰ میلیون",
        "",
      ],
      // 6: the same new unit again, a different status: refused, never overwritten silently.
      [`معدن مس ${tag}`, n1, "زرند", "تعطیل", "", "", "", "", "", ""],
      // 7: exactly row 2's obstacle again: nothing new.
      [
        `معدن مس ${tag}`,
        n1,
        "زرند",
        "فعال",
        "معدنی",
        "",
        C("بانکی"),
        "تمدید ضمانت‌نامه بانکی",
        "۱٬۰۰۰٬۰۰۰٬۰۰۰",
        "بانک ملی ایران",
      ],
      // 8: row 2's obstacle with another amount: refused.
      [`معدن مس ${tag}`, n1, "زرند", "", "", "", C("بانکی"), "تمدید ضمانت‌نامه بانکی", "۲٬۰۰۰٬۰۰۰٬۰۰۰", ""],
    ];
    const sheet = () => xlsx(headers, rows);
    const first = await importSheet(await sheet());
    expect((first.check.rows ?? []).map((r) => [r.line, r.outcome, r.obstacle, r.messages])).toEqual([
      [2, "create", true, []],
      [3, "append", true, []],
      [
        4,
        "update",
        true,
        [`نام ثبت‌شده «کارخانه قند ${tag}» حفظ شد؛ «قند ${tag}» (ستون «نام واحد») به کار نرفت.`],
      ],
      [5, "append", true, []],
      [
        6,
        "refused",
        false,
        ["«تعطیل» در ستون «وضعیت بهره‌برداری» با «فعال» در ردیف ۲ برای همین واحد یکی نیست."],
      ],
      [7, "unchanged", false, ["تکرار مانع ردیف ۲؛ دوباره ثبت نمی‌شود."]],
      [
        8,
        "refused",
        false,
        ["این مانع در ردیف ۲ با همین شرح ولی با مبلغ، زیردسته یا دستگاه دیگری آمده است."],
      ],
    ]);
    expect(first.progress.at(-1)?.summary).toEqual({
      unitsCreated: 1,
      unitsUpdated: 1,
      obstaclesAdded: 4,
      rowsUnchanged: 1,
      rowsRefused: 2,
    });

    const snapshot = async () => {
      const units = await unitsOf([`معدن مس ${tag}`, `کارخانه قند ${tag}`, `باغ پسته ${tag}`]);
      return units.map((u) => ({
        name: u.name,
        nationalId: u.nationalId,
        status: u.status,
        employees: u.employees,
        history: u.statusChanges.map((s) => [s.fromStatus, s.toStatus]),
        obstacles: u.obstacles.map((o) => [
          o.categoryId,
          o.description,
          o.amountRials,
          o.agencies.map((a) => a.agencyId),
        ]),
      }));
    };
    const after = await snapshot();
    expect(after).toEqual([
      {
        name: `باغ پسته ${tag}`,
        nationalId: null,
        status: "ACTIVE",
        employees: null,
        history: [],
        obstacles: [[category.banking, "معوقات وام کشاورزی", 300_000_000n, []]],
      },
      {
        name: `کارخانه قند ${tag}`,
        nationalId: registeredNid,
        status: "ACTIVE",
        employees: 40,
        history: [["IDLE", "ACTIVE"]],
        obstacles: [[category.energy, "قطعی گاز در زمستان", null, []]],
      },
      {
        name: `معدن مس ${tag}`,
        nationalId: n1,
        status: "ACTIVE",
        employees: 30,
        history: [[null, "ACTIVE"]],
        obstacles: [
          [category.permits, "استعلام محیط زیست برای توسعه", null, [agency.environment]],
          [category.banking, "تمدید ضمانت‌نامه بانکی", 1_000_000_000n, [agency.melli]],
        ],
      },
    ]);
    expect(registered.id).toBeTruthy();
    expect(noId.id).toBeTruthy();
    expect(await db.productionUnit.count({ where: { provinceId, name: { contains: tag } } })).toBe(3);

    // The same sheet again: every accepted row is unchanged, nothing is written.
    const second = await importSheet(await sheet());
    expect(second.progress.at(-1)?.summary).toEqual({
      unitsCreated: 0,
      unitsUpdated: 0,
      obstaclesAdded: 0,
      rowsUnchanged: 5,
      rowsRefused: 2,
    });
    expect(await snapshot()).toEqual(after);
    expect(await db.productionUnit.count({ where: { provinceId, name: { contains: tag } } })).toBe(3);
  });
});

describe("amounts", () => {
  it("stores amounts in any digits, separators and unit words exactly, and refuses the rest with a message", async () => {
    const tag = fa(++run);
    const cells: [string, bigint | string][] = [
      ["۱۲۰٬۰۰۰٬۰۰۰", 120_000_000n],
      ["١٢٠،٠٠٠،٠٠٠", 120_000_000n],
      ["120,000,000", 120_000_000n],
      ["۱ میلیارد و ۲۰۰ میلیون", 1_200_000_000n],
      ["۵۰ میلیون تومان", 500_000_000n],
      ["1.5", "اعشار ریال یا نامعلوم"],
      ["۰", "صفر است"],
      ["دویست میلیون", "با حروف نوشته شده"],
      ["۱۲ - ۱۵ میلیون", "خوانده نشد"],
    ];
    const { check } = await importSheet(
      await xlsx(
        ["نام واحد", "شهرستان", "وضعیت", "بخش", "دسته", "شرح مانع", "مبلغ"],
        cells.map(([amount], i) => [
          `واحد مبلغ ${tag}-${i}`,
          "کرمان",
          "فعال",
          "صنعتی",
          C("مالیاتی"),
          `مانع مالیاتی شماره ${i}`,
          amount,
        ]),
      ),
    );
    const verdicts = check.rows ?? [];
    const stored = await db.obstacle.findMany({
      where: { provinceId, unit: { name: { startsWith: `واحد مبلغ ${tag}-` } } },
      select: { amountRials: true, unit: { select: { name: true } } },
    });
    cells.forEach(([, expected], i) => {
      const row = stored.find((o) => o.unit.name === `واحد مبلغ ${tag}-${i}`);
      if (typeof expected === "bigint") expect(row?.amountRials).toBe(expected);
      else {
        // Refused rows write nothing at all: no unit, no obstacle, no 0.
        expect(row).toBeUndefined();
        expect(verdicts[i]?.outcome).toBe("refused");
        expect(verdicts[i]?.messages.join(" ")).toContain(expected);
      }
    });
    expect(
      await db.productionUnit.count({ where: { provinceId, name: { startsWith: `واحد مبلغ ${tag}-` } } }),
    ).toBe(5);
  });
});

describe("fix and re-upload", () => {
  it("downloads the verdict sheet in Persian, takes it back fixed with its verdict columns ignored, and offers a template", async () => {
    const tag = fa(++run);
    const headers = ["نام واحد", "شهرستان", "وضعیت", "بخش"];
    const upload = await uploadImport(
      clerk,
      await xlsx(headers, [
        [`الف ${tag}`, "کرمان", "فعال", "صنعتی"],
        [`ب ${tag}`, "ناکجا", "فعال", "صنعتی"],
      ]),
      t,
    );
    const mapping = (upload.columns ?? []).map((c) => c.proposed ?? "");
    await checkImport(clerk, { batchId: upload.batchId ?? "", mapping, remember: true }, t);
    const { bytes } = await verdictWorkbook(clerk, upload.batchId ?? "", "fa");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer);
    const ws = wb.worksheets[0];
    const read = () => {
      const out: string[][] = [];
      // Empty trailing cells are not written: pad each row to the header's width.
      const width = ws?.getRow(1).cellCount ?? 0;
      ws?.eachRow((r) => {
        const cells = (r.values as unknown[]).slice(1).map((v) => String(v ?? ""));
        while (cells.length < width) cells.push("");
        out.push(cells);
      });
      return out;
    };
    expect(ws?.views[0]?.rightToLeft).toBe(true);
    expect(read()).toEqual([
      [...headers, "نتیجه بررسی", "توضیحات بررسی"],
      [`الف ${tag}`, "کرمان", "فعال", "صنعتی", "واحد جدید", ""],
      [`ب ${tag}`, "ناکجا", "فعال", "صنعتی", "رد شد", "«ناکجا» در ستون «شهرستان» شناخته نشد."],
    ]);

    // The clerk fixes the county in the verdict sheet and uploads that very file.
    if (ws) ws.getCell("B3").value = "زرند";
    const fixed = new File([new Uint8Array(await wb.xlsx.writeBuffer())], "units-verdict.xlsx");
    const again = await uploadImport(clerk, fixed, t);
    expect(again.reused).toBe(true);
    expect(again.columns?.map((c) => [c.proposed, c.verdictColumn])).toEqual([
      ["name", false],
      ["county", false],
      ["status", false],
      ["sector", false],
      [null, true],
      [null, true],
    ]);
    const result = await importSheet(fixed);
    expect(result.progress.at(-1)?.summary).toMatchObject({ unitsCreated: 2, rowsRefused: 0 });
    expect((await unitsOf([`الف ${tag}`, `ب ${tag}`])).map((u) => [u.name, u.countyId])).toEqual([
      [`الف ${tag}`, county.kerman],
      [`ب ${tag}`, county.zarand],
    ]);

    const template = await templateWorkbook(clerk, "fa");
    const tb = new ExcelJS.Workbook();
    await tb.xlsx.load(template.bytes.buffer);
    expect((tb.worksheets[0]?.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      "نام واحد",
      "شناسه ملی",
      "بخش",
      "نوع فعالیت",
    ]);
    const values: string[] = [];
    tb.worksheets[1]?.getColumn(3).eachCell((c) => {
      if (c.text) values.push(c.text);
    });
    expect(values).toEqual(["شهرستان", "زرند", "سیرجان", "کرمان"]);
  });
});

describe("file formats", () => {
  const header = "نام واحد,شهرستان,وضعیت,بخش,شرح مانع,دسته";
  it.each([
    ["UTF-8 with BOM", (s: string) => new TextEncoder().encode(`\uFEFF${s}`)],
    ["UTF-8 without BOM", (s: string) => new TextEncoder().encode(s)],
    ["Windows-1256", windows1256],
  ])("reads CSV in %s", async (_label, encode) => {
    const tag = `${_label.length}-${++run}`;
    const text = `${header}\r\nلبنیات کویر ${tag},کرمان,فعال,کشاورزی,"کمبود شیر خام، قیمت بالا",${C("مواد اولیه و بازار")}\r\n`;
    const file = new File([new Uint8Array(encode(text))], "units.csv", { type: "text/csv" });
    const { progress } = await importSheet(file);
    expect(progress.at(-1)?.summary).toMatchObject({ unitsCreated: 1, obstaclesAdded: 1, rowsRefused: 0 });
    const unit = await db.productionUnit.findFirst({
      where: { provinceId, nameNormalized: normalizeText(`لبنیات کویر ${tag}`) },
      include: { obstacles: true },
    });
    expect(unit?.obstacles.map((o) => [normalizeText(o.description), o.categoryId])).toEqual([
      [normalizeText("کمبود شیر خام، قیمت بالا"), category.raw],
    ]);
  });

  it("reads a semicolon CSV, and explains files it cannot read", async () => {
    const semi = new File([`نام واحد;شهرستان;وضعیت;بخش\nالف;کرمان;فعال;صنعتی\n`], "u.csv");
    expect((await uploadImport(clerk, semi, t)).columns?.map((c) => c.proposed)).toEqual([
      "name",
      "county",
      "status",
      "sector",
    ]);
    expect(await uploadImport(clerk, new File(["garbage"], "units.xlsx"), t)).toMatchObject({
      ok: false,
      message: "فایل خوانده نشد. یک فایل ‎.xlsx یا ‎.csv سالم انتخاب کنید.",
    });
    expect(await uploadImport(clerk, new File(["x"], "units.xls"), t)).toMatchObject({
      ok: false,
      message: "قالب قدیمی ‎.xls خوانده نمی‌شود. فایل را در اکسل با قالب ‎.xlsx ذخیره کنید.",
    });
    expect(await uploadImport(clerk, null, t)).toMatchObject({
      ok: false,
      message: "یک فایل ‎.xlsx یا ‎.csv انتخاب کنید.",
    });
  });

  it("keeps a cell under no header: shown as its column letter, and ignored only when the user leaves it so", async () => {
    const upload = await uploadImport(
      clerk,
      await xlsx(["نام واحد", "شهرستان"], [["الف", "کرمان", "", "یادداشت بی‌عنوان"]]),
      t,
    );
    expect(upload.columns?.map((c) => [c.letter, c.header, c.samples])).toEqual([
      ["A", "نام واحد", ["الف"]],
      ["B", "شهرستان", ["کرمان"]],
      ["C", "", []],
      ["D", "", ["یادداشت بی‌عنوان"]],
    ]);
  });
});

describe("large sheets and safety", () => {
  it("imports in chunks with a moving cursor, writes each row once even when two tabs confirm at once", async () => {
    const tag = fa(++run);
    const rows = Array.from({ length: 620 }, (_, i) => [
      `واحد انبوه ${tag}-${i}`,
      "کرمان",
      "فعال",
      "صنعتی",
      i % 2 ? C("بانکی") : "",
      i % 2 ? `مانع شماره ${i}` : "",
    ]);
    const upload = await uploadImport(
      clerk,
      await xlsx(["نام واحد", "شهرستان", "وضعیت", "بخش", "دسته", "شرح مانع"], rows),
      t,
    );
    const mapping = (upload.columns ?? []).map((c) => c.proposed ?? "");
    const check = await checkImport(clerk, { batchId: upload.batchId ?? "", mapping, remember: false }, t);
    expect(check.counts).toMatchObject({ create: 620, obstacles: 310, refused: 0 });
    expect(check.rows).toHaveLength(300);
    const batchId = upload.batchId ?? "";
    const seen: number[] = [];
    for (;;) {
      // Two requests at once for every chunk: the lock makes the second one wait and move on.
      const [a, b] = await Promise.all([
        importNextChunk(clerk, batchId, t),
        importNextChunk(clerk, batchId, t),
      ]);
      seen.push(a.done ?? 0, b.done ?? 0);
      if (a.finished || b.finished) break;
    }
    expect(seen.slice(0, 2).sort((x, y) => x - y)).toEqual([100, 200]);
    const finalState = await importNextChunk(clerk, batchId, t);
    expect(finalState).toMatchObject({
      finished: true,
      done: 620,
      total: 620,
      summary: { unitsCreated: 620, obstaclesAdded: 310 },
    });
    expect(
      await db.productionUnit.count({ where: { provinceId, name: { startsWith: `واحد انبوه ${tag}-` } } }),
    ).toBe(620);
    expect(
      await db.obstacle.count({
        where: { provinceId, unit: { name: { startsWith: `واحد انبوه ${tag}-` } } },
      }),
    ).toBe(310);
    // A finished batch cannot be checked again: upload it again to import it again.
    expect(await checkImport(clerk, { batchId, mapping, remember: false }, t)).toMatchObject({ ok: false });
  });

  it("keeps a user's batch to that user, and refuses read-only roles", async () => {
    const upload = await uploadImport(
      clerk,
      await xlsx(["نام واحد", "شهرستان", "وضعیت", "بخش"], [["الف", "کرمان", "فعال", "صنعتی"]]),
      t,
    );
    const colleague = await createActor(["SECRETARIAT"], { provinceId });
    const mapping = ["name", "county", "status", "sector"] as const;
    expect(
      await checkImport(
        colleague,
        { batchId: upload.batchId ?? "", mapping: [...mapping], remember: false },
        t,
      ),
    ).toEqual({
      ok: false,
      message: "این فایل دیگر در دسترس نیست. آن را دوباره بارگذاری کنید.",
    });
    await expect(verdictWorkbook(colleague, upload.batchId ?? "", "fa")).rejects.toThrow();
    for (const role of ["CHAIR", "MEMBER", "AGENCY"] as const) {
      const reader = await createActor([role], { provinceId });
      expect(await uploadImport(reader, await xlsx(["نام واحد"], [["الف"]]), t)).toEqual({
        ok: false,
        message: "شما اجازه دسترسی به این بخش را ندارید.",
      });
      expect((await importNextChunk(reader, upload.batchId ?? "", t)).ok).toBe(false);
    }
  });
});

describe("stored text tidied (issue #30)", () => {
  it("stores names and descriptions typed on an Arabic keyboard with Persian ی and ک, as a form does", async () => {
    const tag = fa(++run);
    await importSheet(
      await xlsx(
        ["نام واحد", "شهرستان", "وضعیت", "بخش", "دسته", "شرح مانع"],
        [
          [
            `شركت  كاشي يزد ${tag}`,
            "كرمان",
            "فعال",
            "صنعتی",
            C("مالیاتی"),
            "  تأمين مواد اوليه از بازار   داخلي  ",
          ],
        ],
      ),
    );
    const [unit] = await unitsOf([`شرکت کاشی یزد ${tag}`]);
    expect(unit?.name).toBe(`شرکت کاشی یزد ${tag}`);
    expect(unit?.obstacles.map((o) => o.description)).toEqual(["تأمین مواد اولیه از بازار داخلی"]);
    // Nothing with the Arabic letters reached the table.
    expect(await db.productionUnit.count({ where: { provinceId, name: { contains: "ك" } } })).toBe(0);
    expect(await db.obstacle.count({ where: { provinceId, description: { contains: "ي" } } })).toBe(0);
  });
});
