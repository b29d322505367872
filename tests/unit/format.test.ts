import { describe, it, expect } from "vitest";
import {
  formatDigits,
  formatList,
  formatPercent,
  localName,
  addDays,
  calendarDate,
  formatDate,
  formatDateTime,
  formatNumber,
  formatOrdinal,
  formatRials,
  jalaliParts,
  jalaliToGregorian,
  parseJalaliDate,
  toLatinDigits,
  toPersianDigits,
  todayInTehran,
} from "../../lib/i18n/format";

describe("formatDate", () => {
  it("formats the long Jalali form with weekday, without commas", () => {
    expect(formatDate("2025-05-31", "fa")).toBe("شنبه ۱۰ خرداد ۱۴۰۴");
    expect(formatDate("2025-05-31", "en")).toBe("Saturday 10 Khordad 1404");
  });

  it("formats the short numeric form", () => {
    expect(formatDate("2025-05-31", "fa", { style: "short" })).toBe("۱۴۰۴/۰۳/۱۰");
    expect(formatDate("2025-05-31", "en", { style: "short" })).toBe("1404/03/10");
  });

  it("treats date-only strings and Prisma @db.Date values (UTC midnight) as the same calendar day", () => {
    const prismaDate = new Date(Date.UTC(2025, 4, 31));
    expect(formatDate(prismaDate, "fa")).toBe("شنبه ۱۰ خرداد ۱۴۰۴");
    expect(formatDate("2025-05-31", "en", { style: "short" })).toBe(
      formatDate(prismaDate, "en", { style: "short" }),
    );
  });

  it("uses Tehran time for instants", () => {
    // 21:00 UTC is 00:30 the next day in Tehran (UTC+3:30).
    expect(formatDate(new Date("2025-05-31T21:00:00Z"), "fa")).toBe("یکشنبه ۱۱ خرداد ۱۴۰۴");
    expect(formatDate(new Date("2025-05-31T20:29:00Z"), "en", { style: "short" })).toBe("1404/03/10");
  });

  it("crosses Nowruz correctly", () => {
    expect(formatDate("2025-03-21", "en", { style: "short" })).toBe("1404/01/01");
    expect(formatDate("2025-03-20", "en", { style: "short" })).toBe("1403/12/30");
    expect(formatDate("2025-03-21", "fa")).toBe("جمعه ۱ فروردین ۱۴۰۴");
  });

  it("rejects invalid input", () => {
    expect(() => formatDate("2025-02-30", "fa")).toThrow(RangeError);
    expect(() => formatDate("not a date", "fa")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN), "en")).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("adds 24-hour Tehran time", () => {
    const instant = new Date("2025-05-31T10:35:00Z");
    expect(formatDateTime(instant, "fa")).toBe("شنبه ۱۰ خرداد ۱۴۰۴، ساعت ۱۴:۰۵");
    expect(formatDateTime(instant, "en")).toBe("Saturday 10 Khordad 1404, 14:05");
    expect(formatDateTime(instant, "fa", { style: "short" })).toBe("۱۴۰۴/۰۳/۱۰ ۱۴:۰۵");
    expect(formatDateTime("2025-05-31T20:30:00Z", "en", { style: "short" })).toBe("1404/03/11 00:00");
  });
});

describe("jalaliParts", () => {
  it("returns numeric Jalali parts in Tehran", () => {
    expect(jalaliParts("2025-05-31")).toEqual({ year: 1404, month: 3, day: 10 });
    expect(jalaliParts(new Date("2025-05-31T21:00:00Z"))).toEqual({ year: 1404, month: 3, day: 11 });
    expect(jalaliParts("2025-03-20")).toEqual({ year: 1403, month: 12, day: 30 });
  });
});

describe("jalaliToGregorian / parseJalaliDate", () => {
  it("converts known dates", () => {
    expect(jalaliToGregorian(1404, 3, 10)).toBe("2025-05-31");
    expect(jalaliToGregorian(1404, 1, 1)).toBe("2025-03-21");
    expect(jalaliToGregorian(1403, 12, 30)).toBe("2025-03-20"); // 1403 is leap
    expect(jalaliToGregorian(1357, 11, 22)).toBe("1979-02-11");
    expect(jalaliToGregorian(1300, 1, 1)).toBe("1921-03-21");
  });

  it("round-trips every day of 1300–1500", () => {
    const failures: string[] = [];
    let iso = "1921-03-21"; // 1300/01/01
    while (iso < "2122-03-21") {
      const { year, month, day } = jalaliParts(iso);
      const back = jalaliToGregorian(year, month, day);
      if (back !== iso) failures.push(`${iso} -> ${year}/${month}/${day} -> ${back}`);
      iso = addDays(iso, 1);
    }
    expect(failures).toEqual([]);
    expect(jalaliParts(addDays(iso, -1))).toEqual({ year: 1500, month: 12, day: 29 });
  });

  it("rejects Esfand 30 in a common year", () => {
    // Intl itself says 1404 is common: the day after 1404/12/29 is Nowruz 1405.
    const esfand29 = jalaliToGregorian(1404, 12, 29);
    expect(jalaliParts(addDays(esfand29, 1))).toEqual({ year: 1405, month: 1, day: 1 });
    expect(() => jalaliToGregorian(1404, 12, 30)).toThrow(RangeError);
    expect(parseJalaliDate("1404/12/30")).toBeNull();
    expect(parseJalaliDate("1403/12/30")).toBe("2025-03-20");
  });

  it("parses Latin, Persian and Arabic-Indic digits with / or -", () => {
    expect(parseJalaliDate("1404/03/10")).toBe("2025-05-31");
    expect(parseJalaliDate("۱۴۰۴-۰۳-۱۰")).toBe("2025-05-31");
    expect(parseJalaliDate(" ١٤٠٤/٣/١٠ ")).toBe("2025-05-31");
    expect(parseJalaliDate("1404/1/1")).toBe("2025-03-21");
  });

  it("rejects invalid input", () => {
    for (const bad of [
      "",
      "1404/13/01",
      "1404/00/10",
      "1404/07/31",
      "1404/01/32",
      "1404/03/00",
      "1404/03-10",
      "14040310",
      "1404/3/10x",
      "۱۴۰۴/۰۳",
    ]) {
      expect(parseJalaliDate(bad), bad).toBeNull();
    }
    expect(parseJalaliDate("1404/06/31")).toBe(jalaliToGregorian(1404, 6, 31));
    expect(() => jalaliToGregorian(1404, 3.5, 1)).toThrow(RangeError);
  });
});

describe("todayInTehran / addDays", () => {
  it("uses the Tehran calendar day", () => {
    expect(todayInTehran(new Date("2025-05-31T20:29:59Z"))).toBe("2025-05-31");
    expect(todayInTehran(new Date("2025-05-31T20:30:00Z"))).toBe("2025-06-01");
    expect(todayInTehran()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("adds calendar days", () => {
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2025-05-31", 0)).toBe("2025-05-31");
    expect(() => addDays("2025-13-01", 1)).toThrow(RangeError);
    expect(() => addDays("2025-05-31", 0.5)).toThrow(RangeError);
  });
});

describe("calendarDate", () => {
  it("is UTC midnight of the day, as PostgreSQL dates come back through Prisma", () => {
    expect(calendarDate("2025-05-31").toISOString()).toBe("2025-05-31T00:00:00.000Z");
    expect(calendarDate(addDays("2025-02-28", 1)).getTime() - calendarDate("2025-02-28").getTime()).toBe(
      86_400_000,
    );
    // The same calendar day in Tehran, whatever the hour there.
    expect(todayInTehran(calendarDate("2025-05-31"))).toBe("2025-05-31");
    expect(() => calendarDate("2025-02-30")).toThrow(RangeError);
    expect(() => calendarDate("1404/03/10")).toThrow(RangeError);
  });
});

describe("formatNumber / formatRials", () => {
  it("formats numbers per locale", () => {
    expect(formatNumber(1234567, "fa")).toBe("۱٬۲۳۴٬۵۶۷");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatNumber(1234567n, "fa")).toBe("۱٬۲۳۴٬۵۶۷");
  });

  it("formats rials and tomans", () => {
    expect(formatRials(12_500_000n, "fa")).toBe("۱۲٬۵۰۰٬۰۰۰ ریال");
    expect(formatRials(12_500_000, "en")).toBe("12,500,000 rials");
    expect(formatRials("12500000", "fa", { unit: "toman" })).toBe("۱٬۲۵۰٬۰۰۰ تومان");
    expect(formatRials("۱۲۵۰۰۰۰۰", "en", { unit: "toman" })).toBe("1,250,000 tomans");
    expect(formatRials(1, "en")).toBe("1 rial");
    expect(formatRials(10, "en", { unit: "toman" })).toBe("1 toman");
    expect(formatRials(12_345n, "en", { unit: "toman" })).toBe("1,234.5 tomans");
    expect(formatRials(12_345n, "fa", { unit: "toman" })).toBe("۱٬۲۳۴٫۵ تومان");
    expect(formatRials(-12_345n, "en", { unit: "toman" })).toBe("-1,234.5 tomans");
  });

  it("keeps bigint amounts beyond 2^53 exact", () => {
    const big = 2n ** 63n + 7n; // 9223372036854775815
    expect(formatRials(big, "en")).toBe("9,223,372,036,854,775,815 rials");
    expect(formatRials(big.toString(), "fa")).toBe("۹٬۲۲۳٬۳۷۲٬۰۳۶٬۸۵۴٬۷۷۵٬۸۱۵ ریال");
    expect(formatRials(big, "en", { unit: "toman" })).toBe("922,337,203,685,477,581.5 tomans");
  });

  it("rejects amounts that are not exact integers", () => {
    expect(() => formatRials(1.5, "en")).toThrow(RangeError);
    expect(() => formatRials(2 ** 60, "en")).toThrow(RangeError);
    expect(() => formatRials("12,500", "en")).toThrow(RangeError);
    expect(() => formatRials("", "en")).toThrow(RangeError);
  });
});

describe("formatOrdinal", () => {
  it("writes Persian ordinals", () => {
    const expected: Record<number, string> = {
      1: "اول",
      2: "دوم",
      3: "سوم",
      4: "چهارم",
      5: "پنجم",
      10: "دهم",
      11: "یازدهم",
      13: "سیزدهم",
      18: "هجدهم",
      20: "بیستم",
      21: "بیست و یکم",
      22: "بیست و دوم",
      23: "بیست و سوم",
      30: "سی‌ام",
      33: "سی و سوم",
      40: "چهلم",
      59: "پنجاه و نهم",
      60: "شصتم",
      100: "صدم",
      103: "صد و سوم",
      230: "دویست و سی‌ام",
    };
    for (const [n, word] of Object.entries(expected)) expect(formatOrdinal(Number(n), "fa")).toBe(word);
    for (let n = 1; n <= 999; n++) expect(formatOrdinal(n, "fa")).toMatch(/^[\u0600-\u06ff\u200c ]+$/);
  });

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => formatOrdinal(n, "en"))).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
  });

  it("rejects non-positive or fractional numbers", () => {
    expect(() => formatOrdinal(0, "fa")).toThrow(RangeError);
    expect(() => formatOrdinal(1.5, "en")).toThrow(RangeError);
  });
});

describe("digit conversion", () => {
  it("converts between scripts", () => {
    expect(toPersianDigits("1404/03/10 ١٢")).toBe("۱۴۰۴/۰۳/۱۰ ۱۲");
    expect(toLatinDigits("۱۴۰۴/۰۳/۱۰ ١٢٣")).toBe("1404/03/10 123");
    expect(toLatinDigits("abc")).toBe("abc");
  });
});

describe("formatJalaliMonth", () => {
  it("names the Jalali month and year", async () => {
    const { formatJalaliMonth } = await import("../../lib/i18n/format");
    expect(formatJalaliMonth("2025-05-31", "fa")).toBe("خرداد ۱۴۰۴");
    expect(formatJalaliMonth("2025-06-22", "en")).toBe("Tir 1404");
  });
});

describe("Jalali years out of range", () => {
  it("refuses years no deadline or session can have, instead of producing a non-ISO date", async () => {
    const { parseJalaliDate, jalaliToGregorian } = await import("../../lib/i18n/format");
    expect(parseJalaliDate("9999/01/01")).toBeNull();
    expect(parseJalaliDate("3000/01/01")).toBeNull();
    expect(parseJalaliDate("1299/12/29")).toBeNull();
    expect(parseJalaliDate("1500/01/01")).toBe("2121-03-21");
    expect(() => jalaliToGregorian(9999, 1, 1)).toThrow(RangeError);
  });
});

describe("locale helpers", () => {
  it("joins lists with the locale's own separators and conjunction", () => {
    expect(formatList(["بانک ملی", "محیط زیست", "گاز"], "fa")).toBe("بانک ملی،\u200f محیط زیست، و گاز");
    expect(formatList(["Bank Melli", "Environment"], "en")).toBe("Bank Melli and Environment");
    expect(formatList(["تنها"], "fa")).toBe("تنها");
  });

  it("writes percentages with the locale's sign and digits", () => {
    expect(formatPercent(45.6, "fa")).toBe("۴۵٫۶٪");
    expect(formatPercent(100, "en")).toBe("100%");
  });

  it("names reference records in the reader's language and ids in the reader's digits", () => {
    const bank = { nameFa: "بانک ملی", nameEn: "Bank Melli" };
    expect(localName(bank, "fa")).toBe("بانک ملی");
    expect(localName(bank, "en")).toBe("Bank Melli");
    expect(formatDigits("0012345678", "fa")).toBe("۰۰۱۲۳۴۵۶۷۸");
    expect(formatDigits("۰۰۱۲", "en")).toBe("0012");
  });
});
