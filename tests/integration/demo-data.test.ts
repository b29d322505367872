import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/i18n/format";
import { overdueResolutionIds, resolutionFigures } from "@/lib/dashboard/queries";
import type { Actor } from "@/lib/auth/policy";

// `npm test` seeds the test database with the demo data (prisma/seed.ts) before running.
async function kerman() {
  return db.province.findUniqueOrThrow({ where: { code: "KRM" } });
}

describe("demo data", () => {
  it("holds session 4 of 1404 on Saturday 10 Khordad with 31 units: 23 industrial and mining, 8 agricultural", async () => {
    const province = await kerman();
    const session = await db.meeting.findFirstOrThrow({
      where: { provinceId: province.id, jalaliYear: 1404, number: 4, body: { kind: "WORKING_GROUP" } },
      include: {
        agendaItems: { include: { unit: true } },
        _count: { select: { resolutions: true, attendances: true } },
      },
    });
    expect(formatDate(session.startsAt, "fa")).toBe("شنبه ۱۰ خرداد ۱۴۰۴");
    expect(session.agendaItems).toHaveLength(31);
    const sectors = session.agendaItems.map((a) => a.unit.sector);
    expect(sectors.filter((s) => s === "AGRICULTURAL")).toHaveLength(8);
    expect(sectors.filter((s) => s === "INDUSTRIAL" || s === "MINING")).toHaveLength(23);
    expect(session._count.resolutions).toBeGreaterThanOrEqual(31);
    expect(session._count.attendances).toBeGreaterThan(10);
  });

  it("has the reference lists, the article's obstacle categories and every role's demo account", async () => {
    const province = await kerman();
    expect(await db.county.count({ where: { provinceId: province.id } })).toBe(23);
    expect(await db.agency.count({ where: { provinceId: province.id, kind: "BANK" } })).toBe(20);
    const used = await db.obstacle.findMany({
      where: { provinceId: province.id },
      select: { category: { select: { code: true } } },
      distinct: ["categoryId"],
    });
    expect(used.map((o) => o.category.code)).toEqual(
      expect.arrayContaining(["BANKING", "ENERGY", "PERMITS"]),
    );
    const roles = (await db.user.findMany({ where: { email: { endsWith: "@tashil.demo" } } })).flatMap(
      (u) => u.roles,
    );
    expect(new Set(roles)).toEqual(new Set(["ADMIN", "SECRETARIAT", "CHAIR", "AGENCY", "MEMBER"]));
    expect(
      await db.user.count({ where: { email: { endsWith: "@tashil.demo" }, roles: { has: "AGENCY" } } }),
    ).toBe(2);
  });

  it("has done, in-progress and overdue resolutions relative to today, and weekly Sunday committee sessions", async () => {
    const province = await kerman();
    const secretariat: Actor = { id: "x", roles: ["SECRETARIAT"], agencyId: null, provinceId: province.id };
    const figures = await resolutionFigures(secretariat);
    expect(figures.overdue).toBeGreaterThan(0);
    expect(figures.open).toBeGreaterThan(figures.overdue);
    expect(
      await db.resolution.count({ where: { provinceId: province.id, status: "VERIFIED" } }),
    ).toBeGreaterThan(0);
    const overdue = await db.resolution.findMany({
      where: { id: { in: await overdueResolutionIds(secretariat) } },
    });
    expect(overdue).toHaveLength(Math.min(50, figures.overdue));
    for (const r of overdue) expect(r.deadline.getTime()).toBeLessThan(Date.now());

    const committee = await db.meeting.findMany({
      where: { provinceId: province.id, body: { kind: "COMMITTEE" } },
      orderBy: { startsAt: "asc" },
    });
    expect(committee.length).toBeGreaterThanOrEqual(7);
    const weekday = new Intl.DateTimeFormat("en-US", { weekday: "long", timeZone: "Asia/Tehran" });
    for (const m of committee) expect(weekday.format(m.startsAt)).toBe("Sunday");
    expect(committee.at(-1)?.status).toBe("PLANNED");
  });
});
