import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { agencyScorecard, loadDashboard, overdueResolutions } from "@/lib/dashboard/queries";
import { scorecardXlsx } from "@/lib/dashboard/export";
import { compareProvinces } from "@/lib/provinces/queries";
import { holidaysBetween } from "@/lib/calendar/holidays";
import { holidaySet, workingDaysBetween } from "@/lib/calendar/working-days";
import type { Actor } from "@/lib/auth/policy";
import {
  createActor,
  createAgency,
  createMeeting,
  createProvince,
  createResolution,
  createUnit,
  t,
} from "../support/fixtures";

// Days late in working days, counted in SQL (lib/calendar/sql.ts). "Today" is Monday
// 2025-06-16 (26 Khordad 1404). The official days off around it (date-holidays):
//   Wed 06-04 Imam Khomeini's demise, Thu 06-05 15 Khordad, Fri 06-06 Eid al-Adha,
//   Sat 06-14 Eid al-Ghadir; Fridays 06-06 and 06-13.
// Province A also announced Tuesday 06-10 as a day off (an admin addition); province B did not.
const TODAY = "2025-06-16";
const at = (iso: string) => new Date(`${iso}T08:00:00Z`); // 11:30 in Tehran, same calendar day

let secretariatA: Actor;
let secretariatB: Actor;
let national: Actor;
let provinceA: string;
let provinceB: string;
let agencyA: string;
let agencyB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  provinceA = (await createProvince()).id;
  provinceB = (await createProvince()).id;
  secretariatA = await createActor(["SECRETARIAT"], { provinceId: provinceA });
  secretariatB = await createActor(["SECRETARIAT"], { provinceId: provinceB });
  national = await createActor(["SECRETARIAT"], { provinceId: null });
  await db.holidayOverride.create({
    data: {
      provinceId: provinceA,
      date: new Date("2025-06-10T00:00:00Z"),
      kind: "ADD",
      name: "تعطیلی اعلام‌شده (آزمون)",
      createdById: secretariatA.id,
    },
  });
  for (const [provinceId, key] of [
    [provinceA, "A"],
    [provinceB, "B"],
  ] as const) {
    const agency = (await createAgency(provinceId, `دستگاه ${key}`)).id;
    if (key === "A") agencyA = agency;
    else agencyB = agency;
    const unit = await createUnit(provinceId, { name: `واحد ${key}` });
    const meeting = await createMeeting(provinceId, {
      jalaliYear: 1404,
      number: 1,
      status: "HELD",
      startsAt: at("2025-05-20"),
    });
    const where = { provinceId, meetingId: meeting.id, unitId: unit.id, responsibleAgencyId: agency };
    // Open since Tuesday 06-03: 13 calendar days late; working days 06-07..06-12 and
    // 06-15..06-16 = 8, and 7 where 06-10 is off.
    ids[`open${key}`] = (await createResolution(where, { deadline: "2025-06-03", status: "ISSUED" })).id;
    // Reported done on Saturday 06-07, deadline Tuesday 06-03: 4 calendar days, 1 working day.
    await createResolution(where, {
      deadline: "2025-06-03",
      status: "DONE_REPORTED",
      doneReportedAt: at("2025-06-07"),
    });
    // Deadline Thursday 06-12, reported on Friday 06-13: a calendar day late, no working day.
    await createResolution(where, {
      deadline: "2025-06-12",
      status: "DONE_REPORTED",
      doneReportedAt: at("2025-06-13"),
    });
  }
});

afterAll(async () => {
  await db.holidayOverride.deleteMany({ where: { provinceId: provinceA } });
});

const rowOf = async (actor: Actor, agencyId: string, late?: "working") =>
  (await agencyScorecard(actor, late ? { late } : {}, "onTime", TODAY)).find((r) => r.agencyId === agencyId);

describe("days late in working days, in the SQL figures", () => {
  it("averages calendar days by default and working days on request, with the province's own days off", async () => {
    // Calendar: (13 + 4 + 1) / 3 = 6.
    expect((await rowOf(secretariatA, agencyA))?.avgDaysLate).toBe(6);
    // Working: (7 + 1) / 2 = 4 — the Friday-only delay is no working day late.
    expect((await rowOf(secretariatA, agencyA, "working"))?.avgDaysLate).toBe(4);
    // Province B has no addition on 06-10: (8 + 1) / 2 = 4.5.
    expect((await rowOf(secretariatB, agencyB))?.avgDaysLate).toBe(6);
    expect((await rowOf(secretariatB, agencyB, "working"))?.avgDaysLate).toBe(4.5);
  });

  it("counts each resolution with its own province's calendar on the national scorecard", async () => {
    expect((await rowOf(national, agencyA, "working"))?.avgDaysLate).toBe(4);
    expect((await rowOf(national, agencyB, "working"))?.avgDaysLate).toBe(4.5);
    expect((await rowOf(national, agencyA))?.avgDaysLate).toBe(6);
  });

  it("gives the provinces' comparison its median in working days too, each with its own calendar", async () => {
    const median = async (late: "calendar" | "working") => {
      const rows = await compareProvinces(national, { sort: "name", dir: "asc", late }, TODAY);
      return Object.fromEntries(
        rows.filter((r) => r.id === provinceA || r.id === provinceB).map((r) => [r.id, r.medianDaysLate]),
      );
    };
    // Calendar: median of 13, 4, 1 in both. Working: of 7, 1 (A) and of 8, 1 (B).
    expect(await median("calendar")).toEqual({ [provinceA]: 4, [provinceB]: 4 });
    expect(await median("working")).toEqual({ [provinceA]: 4, [provinceB]: 4.5 });
  });

  it("gives the overdue list the same working days as the JavaScript arithmetic", async () => {
    const rows = await overdueResolutions(secretariatA, { late: "working" }, {}, TODAY);
    expect(rows).toEqual([{ id: ids.openA, workingDaysLate: 7 }]);
    const days = holidaySet(await holidaysBetween(provinceA, "2025-06-01", TODAY, "fa"));
    expect(workingDaysBetween("2025-06-03", TODAY, days)).toBe(7);
    expect(await overdueResolutions(secretariatA, {}, {}, TODAY)).toEqual([
      { id: ids.openA, workingDaysLate: null },
    ]);
    const dashboard = await loadDashboard(secretariatA, { late: "working" }, "onTime", TODAY);
    expect(dashboard.workingDaysLate?.get(ids.openA ?? "")).toBe(7);
    expect((await loadDashboard(secretariatA, {}, "onTime", TODAY)).workingDaysLate).toBeUndefined();
  });

  it("labels the export's column by what it counts", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const headers = async (params: Record<string, string>) => {
      const { bytes } = await scorecardXlsx(secretariatA, params, "fa", t);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes.buffer);
      return (book.worksheets[0]?.getRow(1).values as unknown[]).filter(Boolean);
    };
    expect(await headers({})).toContain(t("dashboard.avgDaysLate"));
    const working = await headers({ late: "working" });
    expect(working).toContain(t("dashboard.avgWorkingDaysLate"));
    expect(working).not.toContain(t("dashboard.avgDaysLate"));
  });
});
