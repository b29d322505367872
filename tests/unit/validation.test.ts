import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  jalaliDateField,
  optionalJalaliDateField,
  optionalText,
  optionalWholeNumber,
  settingVersionField,
  wholeNumberInAnyDigits,
} from "@/lib/validation";

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("shared zod fields", () => {
  it("reads a required Jalali date in any digits as an ISO date, with the caller's message when it is wrong", () => {
    const field = jalaliDateField("meetings.invalidDate");
    expect(field.parse(" ۱۴۰۴/۰۳/۱۰ ")).toBe("2025-05-31");
    expect(field.parse("1404-3-10")).toBe("2025-05-31");
    expect(messages(field, "")).toEqual(["validation.required"]);
    expect(messages(field, "1404/13/01")).toEqual(["meetings.invalidDate"]);
    expect(messages(jalaliDateField("units.dateInvalid"), "yesterday")).toEqual(["units.dateInvalid"]);
  });

  it("drops an optional Jalali date it cannot read instead of refusing the filter", () => {
    const field = optionalJalaliDateField();
    expect(field.parse("1404/03/31")).toBe("2025-06-21");
    expect(field.parse("")).toBeUndefined();
    expect(field.parse(undefined)).toBeUndefined();
    expect(field.parse("9999/01/01")).toBeUndefined();
    expect(field.parse(["1404/03/31"])).toBeUndefined();
  });

  it("reads an optional whole number in any digits as a bigint, refusing what it cannot read or what is too large", () => {
    const field = optionalWholeNumber(10n ** 18n, "obstacles.amountInvalid");
    expect(field.parse("۵۰۰٬۰۰۰٬۰۰۰")).toBe(500_000_000n);
    expect(field.parse("12,000")).toBe(12_000n);
    expect(field.parse("")).toBeNull();
    expect(messages(field, "صد")).toEqual(["obstacles.amountInvalid"]);
    expect(messages(optionalWholeNumber(100n, "units.pctInvalid"), "101")).toEqual(["units.pctInvalid"]);
  });

  it("reads a bounded whole number in any digits, refusing anything else with the caller's one message", () => {
    const hour = wholeNumberInAnyDigits(0, 23, "settings.v.digestHour");
    expect(hour.parse(" ۸ ")).toBe(8);
    expect(hour.parse("23")).toBe(23);
    expect(hour.parse("0")).toBe(0);
    for (const wrong of ["", "24", "-1", "7.5", "هشت"])
      expect(messages(hour, wrong)).toEqual(["settings.v.digestHour"]);
  });

  it("takes a setting's version from 0 (never saved) and refuses a negative one", () => {
    expect(settingVersionField().parse("0")).toBe(0);
    expect(settingVersionField().parse("3")).toBe(3);
    expect(messages(settingVersionField(), "-1")).toHaveLength(1);
    expect(messages(settingVersionField(), "x")).toEqual(["validation.invalidInput"]);
  });

  it("turns empty optional text into null and refuses text over the limit", () => {
    expect(optionalText(5).parse("  ")).toBeNull();
    expect(optionalText(5).parse(undefined)).toBeNull();
    expect(optionalText(5).parse(" abc ")).toBe("abc");
    expect(messages(optionalText(5), "abcdef")).toEqual(["validation.tooLong"]);
  });
});
