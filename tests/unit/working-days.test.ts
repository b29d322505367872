import { describe, expect, it } from "vitest";
import {
  dayOff,
  deadlineAfter,
  holidaySet,
  isFriday,
  isWorkingDay,
  jalaliYearRange,
  nextWorkingDay,
  workingDaysBetween,
} from "@/lib/calendar/working-days";
import { officialHolidays } from "@/lib/calendar/official";

// The real official list of 1404–1406 (March 2025 – March 2028), as the server computes it.
const official = officialHolidays("2025-03-01", "2028-03-31", "fa");
const days = holidaySet(official);

describe("the official list", () => {
  it("has the four days of Nowruz 1405 and the thirteenth", () => {
    for (const d of ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-04-02"])
      expect(days.has(d), d).toBe(true);
    expect(days.get("2026-03-21")).toContain("نوروز");
  });

  it("shows Persian names in ordinary letters, not Arabic presentation forms", () => {
    for (const h of official) expect(h.name).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
  });

  it("keeps one entry per day when two occasions meet", () => {
    const dates = official.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe("working days", () => {
  it("knows Friday is the weekend", () => {
    expect(isFriday("2026-03-20")).toBe(true); // جمعه ۲۹ اسفند ۱۴۰۴
    expect(isFriday("2026-03-19")).toBe(false);
    expect(dayOff("2026-03-27", days)).toEqual({ friday: true, holiday: null });
    expect(isWorkingDay("2026-03-25", days)).toBe(true);
  });

  it("moves a deadline that lands in Nowruz to the first working day after it", () => {
    // 15 days after 5 Esfand 1404 is 20 Esfand; 25 days after is 1 Farvardin 1405 (Nowruz).
    expect(deadlineAfter("2026-02-24", 25, days)).toBe("2026-03-25"); // 5 Farvardin, Wednesday
    // Landing on Nowruz's last day still moves on.
    expect(deadlineAfter("2026-03-09", 15, days)).toBe("2026-03-25");
    // A working day stays where it is.
    expect(deadlineAfter("2026-03-10", 15, days)).toBe("2026-03-25");
  });

  it("moves a Friday deadline to Saturday, and past a holiday Saturday", () => {
    expect(nextWorkingDay("2026-03-27", days)).toBe("2026-03-28");
    // Friday 13 Farvardin 1406 (also a lunar holiday), then a working Saturday.
    expect(nextWorkingDay("2027-04-02", days)).toBe("2027-04-03");
  });

  it("counts working days across Nowruz", () => {
    // 25 Esfand 1404 (Monday) to 8 Farvardin 1405 (Saturday): 12 days, of which Fridays 20
    // and 27 March and Nowruz 21–24 March are off; 20 March is also Eid al-Fitr.
    expect(workingDaysBetween("2026-03-16", "2026-03-28", days)).toBe(6);
    expect(workingDaysBetween("2026-03-28", "2026-03-16", days)).toBe(0);
    expect(workingDaysBetween("2026-03-16", "2026-03-16", days)).toBe(0);
  });

  it("counts across the Gregorian year boundary", () => {
    // 1404/10/01 (Monday 22 Dec 2025) to 1404/10/15 (Monday 5 Jan 2026): 14 days, two Fridays
    // (26 Dec, 2 Jan: the latter also Imam Ali's birthday) off.
    expect(workingDaysBetween("2025-12-22", "2026-01-05", days)).toBe(12);
    expect(deadlineAfter("2025-12-18", 15, days)).toBe("2026-01-03");
  });

  it("counts across the Jalali year boundary with a holiday added by announcement", () => {
    // The 1405 → 1406 turn: Nowruz 21–24 March 2027, 20 March a holiday (oil) on Saturday.
    const { to } = jalaliYearRange(1405);
    expect(to).toBe("2027-03-20");
    const withAnnounced = holidaySet([...official, { date: "2027-03-25", name: "announced" }]);
    expect(deadlineAfter("2027-03-05", 15, days)).toBe("2027-03-25");
    expect(deadlineAfter("2027-03-05", 15, withAnnounced)).toBe("2027-03-27");
    expect(workingDaysBetween("2027-03-17", "2027-03-28", withAnnounced)).toBe(
      workingDaysBetween("2027-03-17", "2027-03-28", days) - 1,
    );
  });

  it("gives each Jalali year its own Gregorian days", () => {
    expect(jalaliYearRange(1404)).toEqual({ from: "2025-03-21", to: "2026-03-20" });
    expect(jalaliYearRange(1403)).toEqual({ from: "2024-03-20", to: "2025-03-20" }); // leap year
  });
});
