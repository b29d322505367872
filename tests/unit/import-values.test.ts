import { describe, expect, it } from "vitest";
import { mappingProblems } from "../../lib/units/import-fields";
import { amountScaleOfHeader, headerSignatureText, proposeMapping } from "../../lib/units/import-headers";
import { parseAmount, parseCount, sectorOf, splitList, statusOf } from "../../lib/units/import-values";

const ok = (value: bigint) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe("amounts as clerks type them", () => {
  it.each([
    ["500000000", ok(500_000_000n)],
    ["۵۰۰٬۰۰۰٬۰۰۰", ok(500_000_000n)],
    ["٥٠٠،٠٠٠،٠٠٠", ok(500_000_000n)],
    ["500,000,000", ok(500_000_000n)],
    ["500 000 000", ok(500_000_000n)],
    ["1.500.000", ok(1_500_000n)],
    ["۵۰۰ میلیون", ok(500_000_000n)],
    ["۵۰۰میلیون ریال", ok(500_000_000n)],
    ["۲٫۵ میلیارد", ok(2_500_000_000n)],
    ["2/5 میلیارد", ok(2_500_000_000n)],
    ["۱ میلیارد و ۲۰۰ میلیون", ok(1_200_000_000n)],
    ["۳ هزار میلیارد", ok(3_000_000_000_000n)],
    ["50 million", ok(50_000_000n)],
    ["۵۰ میلیون تومان", ok(500_000_000n)],
    ["120000 ریال", ok(120_000n)],
  ])("reads %s", (text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });

  it.each([
    ["پانصد میلیون", "words"],
    ["دو میلیارد", "words"],
    ["حدود ۵۰۰", "words"],
    ["1.5", "decimal"],
    ["1,500.75", "decimal"],
    ["۰", "zero"],
    ["0 ریال", "zero"],
    ["-500", "format"],
    ["1e+21", "format"],
    ["12,34,5", "format"],
    ["۲ میلیون و ۵۰۰", "format"],
    ["۲۰۰ میلیون و ۱ میلیارد", "format"],
    ["1.5 ریال", "decimal"],
    ["۲۰۰۰ میلیارد میلیارد", "tooLarge"],
  ])("refuses %s (%s), never 0 or half a number", (text, reason) => {
    expect(parseAmount(text)).toEqual(no(reason));
  });

  it("applies the header's unit exactly, decimals included", () => {
    expect(amountScaleOfHeader("مبلغ (میلیون ریال)")).toBe(1_000_000n);
    expect(amountScaleOfHeader("مبلغ (هزار تومان)")).toBe(10_000n);
    expect(amountScaleOfHeader("Amount (rials)")).toBe(1n);
    expect(parseAmount("2.5", 1_000_000n)).toEqual(ok(2_500_000n));
    expect(parseAmount("۱۲۰", 1_000_000n)).toEqual(ok(120_000_000n));
    expect(parseAmount("0.0000001", 1_000_000n)).toEqual(no("decimal"));
  });

  it("reads counts and percentages, nothing else", () => {
    expect(parseCount("۱٬۲۰۰", 1_000_000)).toBe(1200);
    expect(parseCount("۸۵٪", 100)).toBe(85);
    expect(parseCount("صد", 1_000_000)).toBeNull();
    expect(parseCount("120", 100)).toBeNull();
    expect(parseCount("12.5", 1000)).toBeNull();
  });
});

describe("enum values and lists", () => {
  it("matches sectors and operating statuses through synonyms, letters and spacing", () => {
    expect(sectorOf("صنايع")).toBe("INDUSTRIAL");
    expect(sectorOf("Mining")).toBe("MINING");
    expect(sectorOf("کشاورزي")).toBe("AGRICULTURAL");
    expect(statusOf("تعطیل")).toBe("CLOSED");
    expect(statusOf("در دست احداث")).toBe("UNDER_CONSTRUCTION");
    expect(statusOf("نیمه‌فعال")).toBe("SEMI_ACTIVE");
    expect(statusOf("نیمه فعال")).toBe("SEMI_ACTIVE");
    expect(statusOf("غير فعال")).toBe("IDLE");
    expect(statusOf("فعال")).toBe("ACTIVE");
    expect(statusOf("خوب")).toBeNull();
    expect(sectorOf("")).toBeNull();
  });

  it("splits a cell listing several agencies", () => {
    expect(splitList("بانک ملی، گمرک ; اداره کل امور مالیاتی\nشرکت گاز")).toEqual([
      "بانک ملی",
      "گمرک",
      "اداره کل امور مالیاتی",
      "شرکت گاز",
    ]);
  });
});

describe("column mapping", () => {
  it("proposes a field for headers worded the way clerks word them", () => {
    expect(
      proposeMapping([
        "ردیف",
        "نام شركت",
        "شناسه ملی",
        "شهرستان",
        "وضعيت واحد",
        "بخش",
        "نوع مشکل",
        "شرح مشکلات",
        "مبلغ (میلیون ریال)",
        "دستگاه‌های مرتبط",
        "یادداشت",
        "Operating status",
      ]),
    ).toEqual([
      null,
      "name",
      "nationalId",
      "county",
      "status",
      "sector",
      "category",
      "description",
      "amount",
      "agencies",
      null,
      // The field is already fed by an earlier column: left for the user.
      null,
    ]);
    expect(
      proposeMapping(["Unit name", "County", "Sector", "Status", "Obstacles", "Amount in rials"]),
    ).toEqual(["name", "county", "sector", "status", "description", "amount"]);
  });

  it("leaves the verdict columns out of the mapping and of the sheet's signature", () => {
    const headers = ["نام واحد", "شهرستان"];
    expect(proposeMapping([...headers, "نتیجه بررسی", "توضیحات بررسی"])).toEqual([
      "name",
      "county",
      null,
      null,
    ]);
    expect(headerSignatureText([...headers, "نتیجه بررسی", "توضیحات بررسی"])).toBe(
      headerSignatureText(headers),
    );
    expect(headerSignatureText(["نام واحد", "شهرستان"])).toBe(headerSignatureText(["نام‌واحد", "شهرستان:"]));
  });

  it("names what stops a mapping", () => {
    expect(mappingProblems(["name", "county", "sector", "status"])).toEqual([]);
    expect(mappingProblems(["name", "sector", "status", null])).toEqual([
      { kind: "missing", field: "county" },
    ]);
    expect(mappingProblems(["name", "county", "sector", "status", "amount"])).toEqual([
      { kind: "missing", field: "category" },
      { kind: "missing", field: "description" },
    ]);
    expect(mappingProblems(["name", "name", "county", "sector", "status"])).toEqual([
      { kind: "twice", field: "name", columns: [0, 1] },
    ]);
  });
});
