// Issue #37: what counts as a mobile number, and when an SMS may go (Tehran time).
import { describe, expect, it } from "vitest";
import {
  isQuietHour,
  maskMobile,
  normalizeMobile,
  quietHoursEnd,
  retryDelayMs,
  tehranDayStart,
} from "@/lib/sms/rules";

describe("normalizeMobile", () => {
  it.each([
    ["09123456789", "09123456789"],
    ["۰۹۱۲۳۴۵۶۷۸۹", "09123456789"],
    ["٠٩١٢٣٤٥٦٧٨٩", "09123456789"],
    ["+98 912 345 6789", "09123456789"],
    ["0098-912-345-6789", "09123456789"],
    ["989123456789", "09123456789"],
    ["9123456789", "09123456789"],
  ])("%s → %s", (raw, want) => expect(normalizeMobile(raw)).toBe(want));

  it.each(["", "034-32221111", "0912345678", "091234567890", "08123456789", "abc"])("refuses %s", (raw) =>
    expect(normalizeMobile(raw)).toBeNull(),
  );

  it("masks all but the operator and the last four digits", () =>
    expect(maskMobile("09123456789")).toBe("0912***6789"));
});

describe("quiet hours (22:00–07:00 Tehran, UTC+03:30)", () => {
  it.each([
    ["2026-12-08T18:29:00Z", false], // 21:59
    ["2026-12-08T18:30:00Z", true], // 22:00
    ["2026-12-08T23:00:00Z", true], // 02:30
    ["2026-12-09T03:29:00Z", true], // 06:59
    ["2026-12-09T03:30:00Z", false], // 07:00
  ])("%s quiet: %s", (iso, quiet) => expect(isQuietHour(new Date(iso))).toBe(quiet));

  it("ends at the next 07:00: tomorrow's before midnight, today's after it", () => {
    expect(quietHoursEnd(new Date("2026-12-08T19:00:00Z")).toISOString()).toBe("2026-12-09T03:30:00.000Z");
    expect(quietHoursEnd(new Date("2026-12-08T22:00:00Z")).toISOString()).toBe("2026-12-09T03:30:00.000Z");
  });

  it("starts the cap's day at midnight Tehran", () =>
    expect(tehranDayStart(new Date("2026-12-08T21:00:00Z")).toISOString()).toBe("2026-12-08T20:30:00.000Z"));

  it("backs off 1, 2, 4, 8, 16 minutes", () =>
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]));
});
