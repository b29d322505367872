import { describe, expect, it } from "vitest";
import { parseDashboardFilters } from "@/lib/dashboard/filters";

describe("dashboard filters from the URL", () => {
  it("reads Jalali dates in any digits and known enums", () => {
    expect(
      parseDashboardFilters({
        from: "۱۴۰۴/۰۳/۱۰",
        to: "1404/03/31",
        body: "COMMITTEE",
        sector: "MINING",
        agency: "a1",
      }),
    ).toEqual({
      from: "2025-05-31",
      to: "2025-06-21",
      body: "COMMITTEE",
      sector: "MINING",
      agency: "a1",
      county: undefined,
      category: undefined,
    });
  });

  it("drops what it cannot read, so a stale or mistyped link still opens", () => {
    const f = parseDashboardFilters({
      from: "9999/01/01",
      to: "yesterday",
      body: "PARLIAMENT",
      sector: ["MINING", "X"],
    });
    expect(f.from).toBeUndefined();
    expect(f.to).toBeUndefined();
    expect(f.body).toBeUndefined();
    expect(f.sector).toBe("MINING");
  });
});
