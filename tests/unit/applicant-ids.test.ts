import { describe, expect, it } from "vitest";
import {
  isValidLegalEntityId,
  isValidNationalCode,
  legalEntityCheckDigit,
  nationalCodeCheckDigit,
  normalizeIdDigits,
} from "@/lib/applicants/ids";
import {
  formatTrackingCode,
  newTrackingCode,
  parseTrackingCode,
  trackingCheckCharacter,
} from "@/lib/requests/tracking";

const toPersian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
const toArabic = (s: string) => s.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)] ?? d);

describe("national code (کد ملی)", () => {
  // Worked by hand: 0499370899 → 0·10+4·9+9·8+9·7+3·6+7·5+0·4+8·3+9·2 = 266, 266 mod 11 = 2, 11−2 = 9.
  it("accepts valid codes in Latin, Persian and Arabic-Indic digits, with separators", () => {
    for (const code of [
      "0499370899",
      "0013542419",
      "1111111111".slice(0, 9) + nationalCodeCheckDigit("111111112"),
    ]) {
      if (code.startsWith("111111111")) continue;
      expect(isValidNationalCode(code)).toBe(true);
      expect(isValidNationalCode(toPersian(code))).toBe(true);
      expect(isValidNationalCode(toArabic(code))).toBe(true);
    }
    expect(isValidNationalCode("۰۴۹-۹۳۷۰۸۹۹")).toBe(true);
    expect(normalizeIdDigits("۰۴۹ ۹۳۷-۰۸۹۹")).toBe("0499370899");
  });

  it("refuses a wrong check digit, wrong length, letters and one repeated digit", () => {
    expect(isValidNationalCode("0499370898")).toBe(false);
    expect(isValidNationalCode(toPersian("0499370898"))).toBe(false);
    expect(isValidNationalCode("049937089")).toBe(false);
    expect(isValidNationalCode("04993708999")).toBe(false);
    expect(isValidNationalCode("04993708a9")).toBe(false);
    expect(isValidNationalCode("0000000000")).toBe(false);
    expect(isValidNationalCode("2222222222")).toBe(false);
    expect(isValidNationalCode("")).toBe(false);
  });
});

describe("legal entity's national id (شناسه ملی)", () => {
  it("accepts valid ids in every digit script and refuses any other last digit", () => {
    for (const first10 of ["1010000001", "1086004513", "1400123456"]) {
      const check = legalEntityCheckDigit(first10);
      const id = first10 + check;
      expect(isValidLegalEntityId(id)).toBe(true);
      expect(isValidLegalEntityId(toPersian(id))).toBe(true);
      expect(isValidLegalEntityId(toArabic(id))).toBe(true);
      for (let d = 0; d <= 9; d++)
        if (String(d) !== check) expect(isValidLegalEntityId(first10 + String(d))).toBe(false);
    }
  });

  it("follows the registry's weights: a known id", () => {
    // Worked by hand for 1086145101·: shift = 1+2 = 3;
    // Σ(dᵢ+3)·w = 4·29+3·27+11·23+9·19+4·17+7·29+8·27+4·23+3·19+4·17 = 1325; 1325 mod 11 = 5.
    expect(isValidLegalEntityId("10861451015")).toBe(true);
    expect(isValidLegalEntityId("10861451011")).toBe(false);
  });

  it("refuses wrong length and all zeros", () => {
    expect(isValidLegalEntityId("1086145101")).toBe(false);
    expect(isValidLegalEntityId("108614510122")).toBe(false);
    expect(isValidLegalEntityId("00000000000")).toBe(false);
  });
});

describe("tracking code", () => {
  it("makes codes whose check character verifies, read back in any digits and grouping", () => {
    for (let i = 0; i < 50; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^\d{10}[\dX]$/);
      expect(parseTrackingCode(code)).toBe(code);
      expect(parseTrackingCode(toPersian(formatTrackingCode(code)).toLowerCase())).toBe(code);
    }
  });

  it("catches a changed digit and swapped neighbours", () => {
    const code = "1234567890" + trackingCheckCharacter("1234567890");
    expect(parseTrackingCode(code)).toBe(code);
    expect(parseTrackingCode("1234567891" + code.slice(10))).toBeNull();
    expect(parseTrackingCode("2134567890" + code.slice(10))).toBeNull();
    expect(parseTrackingCode("12345")).toBeNull();
  });
});
