import { describe, expect, it } from "vitest";
import { auditChanges, describeValue } from "@/lib/audit/diff";
import { formatDate, formatDigits, formatNumber } from "@/lib/i18n/format";

describe("auditChanges", () => {
  it("lists only the fields whose value changed", () => {
    expect(
      auditChanges(
        { name: "الف", employees: 120, roles: ["A"] },
        { name: "الف", employees: 95, roles: ["A", "B"] },
      ),
    ).toEqual([
      { field: "employees", before: 120, after: 95 },
      { field: "roles", before: ["A"], after: ["A", "B"] },
    ]);
  });

  it("lists every field of a creation, and of a field that appears or disappears", () => {
    expect(auditChanges(null, { name: "ب", note: null })).toEqual([
      { field: "name", before: undefined, after: "ب" },
      { field: "note", before: undefined, after: null },
    ]);
    expect(auditChanges({ a: 1 }, { b: 2 })).toEqual([
      { field: "a", before: 1, after: undefined },
      { field: "b", before: undefined, after: 2 },
    ]);
  });

  it("treats non-object values as one change", () => {
    expect(auditChanges("x", "y")).toEqual([{ field: "", before: "x", after: "y" }]);
    expect(auditChanges(3, 3)).toEqual([]);
  });
});

describe("describeValue", () => {
  const fmt = {
    date: (iso: string) => formatDate(iso, "fa"),
    dateTime: (iso: string) => iso,
    number: (n: number) => formatNumber(n, "fa"),
    digits: (v: string) => formatDigits(v, "fa"),
    yes: "بله",
    no: "خیر",
    none: "—",
    separator: "، ",
  };
  it("reads dates as Jalali, numbers in Persian digits, empties as a dash", () => {
    expect(describeValue("2025-05-31T00:00:00.000Z", fmt)).toBe("شنبه ۱۰ خرداد ۱۴۰۴");
    expect(describeValue(95, fmt)).toBe("۹۵");
    expect(describeValue(null, fmt)).toBe("—");
    expect(describeValue(true, fmt)).toBe("بله");
    expect(describeValue(["ADMIN", "MEMBER"], fmt)).toBe("ADMIN، MEMBER");
  });

  it("shows phones and national ids as digit strings, never as grouped numbers (issue #30)", () => {
    expect(describeValue("03431234567", fmt, "phone")).toBe("۰۳۴۳۱۲۳۴۵۶۷");
    expect(describeValue("0012345678", fmt, "nationalId")).toBe("۰۰۱۲۳۴۵۶۷۸");
    // A bigint amount stored as a string is a quantity: grouped.
    expect(describeValue("120000000", fmt, "amountRials")).toBe("۱۲۰٬۰۰۰٬۰۰۰");
  });
});
