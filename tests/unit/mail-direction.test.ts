// Issue #35: digests must read right to left in Persian; the daily hour is Tehran's.
import { describe, expect, it } from "vitest";
import { htmlBody } from "@/lib/notifications/deliver";
import { tehranHour } from "@/lib/notifications/digests";
import { digestHourSchema } from "@/lib/settings/mutations";

describe("the HTML part of an e-mail", () => {
  it("reads right to left when the text is Persian, left to right when it is English", () => {
    const fa = htmlBody(
      "با سلام و احترام،\n\n۱. کارخانه — ۴ روز تأخیر\nمشاهده در سامانه: https://x.test/resolutions?overdue=1&agencyId=a",
    );
    expect(fa).toContain('<html lang="fa" dir="rtl">');
    expect(fa).toContain("۱. کارخانه — ۴ روز تأخیر");
    // Escaped once, and the link is a link that keeps its own direction.
    expect(fa).toContain('<a href="https://x.test/resolutions?overdue=1&amp;agencyId=a" dir="ltr">');
    expect(htmlBody("Dear colleague,\n\n<b>1</b>")).toContain('<html lang="en" dir="ltr">');
    expect(htmlBody("Dear colleague,\n\n<b>1</b>")).toContain("&lt;b&gt;1&lt;/b&gt;");
  });
});

describe("the province's digest hour", () => {
  it("is read in Tehran time (UTC+03:30)", () => {
    expect(tehranHour(new Date("2026-12-07T04:29:00Z"))).toBe(7);
    expect(tehranHour(new Date("2026-12-07T04:30:00Z"))).toBe(8);
    expect(tehranHour(new Date("2026-12-07T20:30:00Z"))).toBe(0);
  });

  it("accepts a whole hour 0–23 in Persian or Latin digits, and nothing else", () => {
    const hour = (v: string) => digestHourSchema.safeParse({ hour: v, version: "0" });
    expect(hour("۸").data?.hour).toBe(8);
    expect(hour("0").data?.hour).toBe(0);
    expect(hour("23").data?.hour).toBe(23);
    for (const bad of ["", "24", "-1", "7.5", "هشت"]) expect(hour(bad).success, bad).toBe(false);
  });
});
