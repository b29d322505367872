import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { calendarDays, holidaysBetween } from "@/lib/calendar/holidays";
import { saveHolidayOverride, undoHolidayOverride } from "@/lib/calendar/mutations";
import { deadlineAfter, holidaySet } from "@/lib/calendar/working-days";
import type { Actor } from "@/lib/auth/policy";
import { createActor, createProvince, t } from "../support/fixtures";

// Corrections of the holiday list. Dates in 1420 (2041), far from anything else the tests
// read, because national rows apply to every province.
let provinceId: string;
let admin: Actor;
let otherAdmin: Actor;
let nationalAdmin: Actor;
const created: string[] = [];

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  admin = await createActor(["ADMIN"], { provinceId });
  otherAdmin = await createActor(["ADMIN"], { provinceId: (await createProvince()).id });
  nationalAdmin = await createActor(["ADMIN"], { provinceId: null });
});

afterAll(async () => {
  await db.holidayOverride.deleteMany({ where: { createdById: { in: [admin.id, nationalAdmin.id] } } });
  await db.holidayOverride.deleteMany({ where: { id: { in: created } } });
});

describe("holiday corrections", () => {
  it("adds an announced day for the province only, and moves a deadline past it", async () => {
    // 1420/01/16 is Thursday 4 April 2041 (Nowruz is over).
    const result = await saveHolidayOverride(
      admin,
      { date: "۱۴۲۰/۰۱/۱۶", kind: "ADD", name: "تعطیلی اعلام‌شده" },
      t,
      "fa",
    );
    expect(result.ok).toBe(true);
    const mine = await holidaysBetween(provinceId, "2041-04-01", "2041-04-10", "fa");
    expect(mine).toContainEqual({ date: "2041-04-04", name: "تعطیلی اعلام‌شده" });
    const theirs = await holidaysBetween(otherAdmin.provinceId, "2041-04-01", "2041-04-10", "fa");
    expect(theirs.map((h) => h.date)).not.toContain("2041-04-04");
    // 15 days after 20 March lands on the added Thursday, then Friday: Saturday it is.
    expect(deadlineAfter("2041-03-20", 15, holidaySet(mine))).toBe("2041-04-06");
    const audit = await db.auditEvent.findFirst({
      where: { actorId: admin.id, action: "calendar.override" },
    });
    expect(audit?.provinceId).toBe(provinceId);
  });

  it("removes an official day nationally, and refuses to remove a working day", async () => {
    // Nowruz's second day, 1420/01/02 = 21 March 2041 (Nowruz 1420 is 20–23 March).
    const removed = await saveHolidayOverride(
      nationalAdmin,
      { date: "1420/01/02", kind: "REMOVE", name: "آزمون" },
      t,
      "fa",
    );
    expect(removed.ok).toBe(true);
    const days = await calendarDays(provinceId, "2041-03-20", "2041-03-23", "fa");
    expect(days.find((d) => d.date === "2041-03-21")?.removed).toBe("آزمون");
    expect((await holidaysBetween(provinceId, "2041-03-20", "2041-03-23", "fa")).map((h) => h.date)).toEqual([
      "2041-03-20",
      "2041-03-22",
      "2041-03-23",
    ]);
    // 1420/02/10 (29 April 2041) is an ordinary Monday.
    const refused = await saveHolidayOverride(
      nationalAdmin,
      { date: "1420/02/10", kind: "REMOVE", name: "آزمون" },
      t,
      "fa",
    );
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.date).toEqual([t("calendar.notOfficial")]);
  });

  it("lets only an administrator correct, and only their own scope's rows be withdrawn", async () => {
    const secretariat = await createActor(["SECRETARIAT"], { provinceId });
    const refused = await saveHolidayOverride(
      secretariat,
      { date: "1420/03/01", kind: "ADD", name: "نه" },
      t,
      "fa",
    );
    expect(refused).toMatchObject({ ok: false, message: t("errors.forbidden") });
    const bad = await saveHolidayOverride(admin, { date: "1420/13/01", kind: "ADD", name: "نه" }, t, "fa");
    expect(bad.fieldErrors?.date).toBeDefined();

    const row = await db.holidayOverride.findFirstOrThrow({ where: { provinceId, createdById: admin.id } });
    const notTheirs = await undoHolidayOverride(otherAdmin, { id: row.id }, t, "fa");
    expect(notTheirs.ok).toBe(false);
    expect(await db.holidayOverride.count({ where: { id: row.id } })).toBe(1);
    expect((await undoHolidayOverride(admin, { id: row.id }, t, "fa")).ok).toBe(true);
    expect(await db.holidayOverride.count({ where: { id: row.id } })).toBe(0);
  });
});
