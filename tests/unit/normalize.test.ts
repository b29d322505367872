import { describe, it, expect } from "vitest";
import { normalizeText, parseLocalizedNumber, tidyText } from "../../lib/i18n/normalize";

describe("normalizeText", () => {
  it("unifies Arabic and Persian letter variants and ZWNJ", () => {
    expect(normalizeText("شركتهاي")).toBe(normalizeText("شرکت‌های"));
    expect(normalizeText("شهرکهای")).toBe(normalizeText("شهرک‌های"));
    expect(normalizeText("شرکت\u200cهای")).toBe("شرکتهای");
    expect(normalizeText("موسسى")).toBe("موسسی");
    expect(normalizeText("مدرسة")).toBe("مدرسه");
    expect(normalizeText("خانۀ")).toBe(normalizeText("خانهٔ"));
  });

  it("maps hamza-carrying alefs to plain alef but keeps آ", () => {
    expect(normalizeText("أمین إیران")).toBe(normalizeText("امین ایران"));
    expect(normalizeText("آب")).toBe("آب");
    expect(normalizeText("آب".normalize("NFD"))).toBe("آب");
  });

  it("strips tatweel, diacritics and invisible characters", () => {
    expect(normalizeText("تـــولید")).toBe("تولید");
    expect(normalizeText("مُحَمَّد")).toBe("محمد");
    expect(normalizeText("\u200fکار\u200bگاه\u200d\ufeff")).toBe("کارگاه");
  });

  it("folds digits and case, and drops word breaks", () => {
    expect(normalizeText("  Tashil   ۱۴۰۴\n\t١٢٣  ")).toBe("tashil1404123");
    expect(normalizeText("a\u00a0b")).toBe("ab");
    expect(normalizeText("")).toBe("");
  });

  it("treats a space, a zero-width non-joiner and nothing between word parts as the same", () => {
    const key = normalizeText("فرآورده‌های");
    expect(normalizeText("فرآورده های")).toBe(key);
    expect(normalizeText("فرآوردههای")).toBe(key);
    expect(normalizeText("فرآورده  هاي")).toBe(key);
  });
});

describe("tidyText", () => {
  it("stores Persian ی/ک, one space between words, trimmed, and keeps the ZWNJ", () => {
    expect(tidyText("  شركت   فرآورده‌هاي نفتى ")).toBe("شرکت فرآورده‌های نفتی");
    expect(tidyText("خط ۱\nخط ۲")).toBe("خط ۱\nخط ۲");
    expect(tidyText("\ufefb")).toBe("لا");
    expect(tidyText("")).toBe("");
  });

  it("folds Arabic presentation forms", () => {
    expect(normalizeText("\ufefb")).toBe("لا");
  });

  it("is idempotent", () => {
    const once = normalizeText(" شركتهاي  تـولیدی ۱۲ ");
    expect(normalizeText(once)).toBe(once);
  });
});

describe("parseLocalizedNumber", () => {
  it("accepts any digit script with thousands separators", () => {
    expect(parseLocalizedNumber("۱۲٬۵۰۰٬۰۰۰")).toBe(12_500_000n);
    expect(parseLocalizedNumber("12,500,000")).toBe(12_500_000n);
    expect(parseLocalizedNumber("١٢٣")).toBe(123n);
    expect(parseLocalizedNumber("12 500 000")).toBe(12_500_000n);
    expect(parseLocalizedNumber("۱۲،۵۰۰")).toBe(12_500n);
    expect(parseLocalizedNumber(" 42 ")).toBe(42n);
    expect(parseLocalizedNumber("0")).toBe(0n);
  });

  it("keeps values beyond 2^53 exact", () => {
    expect(parseLocalizedNumber("9,223,372,036,854,775,815")).toBe(2n ** 63n + 7n);
  });

  it("rejects invalid, negative and fractional input", () => {
    for (const bad of ["", "   ", "12a", "-5", "+5", "12.5", "۱۲٫۵", "1,", ",1", "1,,", "abc", "1e3"]) {
      expect(parseLocalizedNumber(bad), bad).toBeNull();
    }
  });
});
