// The invitation's calendar file folds its lines at 75 octets of UTF-8 (RFC 5545 §3.1), never
// inside a character: a Persian agenda (two octets a letter) made lines of ~150 octets when
// folded by characters, and a calendar that reads by octets may cut a letter in half.
import { describe, expect, it } from "vitest";
import { createEvent } from "ics";
import { foldIcs, foldLine, unfoldIcs } from "@/lib/invitations/ics-fold";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const decodesCleanly = (s: string) =>
  new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(s, "utf8")) === s;

const AGENDA =
  "۱. کاشی اردکان — تأمین سرمایه در گردش از بانک ملی ایران و امهال اقساط معوق به مدت ۲۴ ماه\n" +
  "۲. نساجی یزدباف — استعلام زیست‌محیطی ظرف ده روز، و تمدید پروانه بهره‌برداری 🏭";

describe("folding an iCalendar line by octets", () => {
  it("keeps every physical line within 75 octets and every character whole, and unfolds to the original", () => {
    const line = `DESCRIPTION:${AGENDA.replace(/\n/g, "\\n")}`;
    expect(octets(line)).toBeGreaterThan(300);
    const physical = foldLine(line);
    expect(physical.length).toBeGreaterThan(4);
    for (const p of physical) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      // A lone half of a character would be a lone surrogate or a broken UTF-8 sequence.
      expect(decodesCleanly(p)).toBe(true);
    }
    // Continuation lines start with the one space unfolding removes.
    for (const p of physical.slice(1)) expect(p.startsWith(" ")).toBe(true);
    expect(unfoldIcs(physical.join("\r\n"))).toBe(line);
  });

  it("fills lines: a fold happens only where the next character would pass 75 octets", () => {
    const physical = foldLine(`SUMMARY:${"ب".repeat(200)}`);
    // "SUMMARY:" is 8 octets, then 33 letters of 2: 74; the 34th would make 76.
    expect(physical[0]).toBe(`SUMMARY:${"ب".repeat(33)}`);
    // A continuation: the space and 37 letters, 75 octets exactly.
    expect(octets(physical[1] ?? "")).toBe(75);
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:2.0")).toEqual(["VERSION:2.0"]);
  });

  it("refolds the ics library's output: same calendar once unfolded, every line within 75 octets", () => {
    const { value, error } = createEvent({
      uid: "meeting-1@tashil",
      productId: "tashil/invitations",
      start: Date.UTC(2032, 1, 10, 6, 0),
      startInputType: "utc",
      startOutputType: "utc",
      duration: { hours: 2 },
      title: "دعوت به جلسه ۱۲ کارگروه تسهیل و رفع موانع تولید استان یزد در سالن شهید رجایی",
      description: AGENDA,
      location: "سالن شهید رجایی، استانداری یزد، طبقه دوم",
    });
    expect(error).toBeFalsy();
    const raw = value ?? "";
    // The library folds by characters: some of its lines are far past 75 octets.
    expect(Math.max(...raw.split("\r\n").map(octets))).toBeGreaterThan(75);
    const folded = foldIcs(raw);
    expect(folded.endsWith("\r\n")).toBe(true);
    for (const line of folded.split("\r\n").slice(0, -1)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(decodesCleanly(line)).toBe(true);
    }
    expect(unfoldIcs(folded)).toBe(unfoldIcs(raw));
    expect(unfoldIcs(folded)).toContain(`DESCRIPTION:${AGENDA.replace(/\n/g, "\\n")}`);
  });
});
