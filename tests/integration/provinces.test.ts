import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { narrowToProvince, type Actor } from "@/lib/auth/policy";
import { compareProvinces } from "@/lib/provinces/queries";
import { createProvince as openProvince } from "@/lib/provinces/mutations";
import { comparisonFilterSchema } from "@/lib/provinces/schema";
import { resolutionFigures } from "@/lib/dashboard/queries";
import { createUnit } from "@/lib/units/mutations";
import {
  createActor,
  createAgency,
  createCounty,
  createMeeting,
  createProvince,
  createResolution,
  createUnit as unitRow,
  t,
} from "../support/fixtures";

// The national comparison: each row agrees with that province's own dashboard, and the
// national administrator opens a province ready for its secretariat.
const TODAY = "2025-07-10";
let provinceId: string;
let national: Actor;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  national = await createActor(["SECRETARIAT"], { provinceId: null });
  const agency = (await createAgency(provinceId)).id;
  const countyId = (await createCounty(provinceId, "رفسنجان", "Rafsanjan")).id;
  const unit = await unitRow(provinceId, {
    countyId,
    name: "پسته آزمون",
    sector: "AGRICULTURAL",
    status: "ACTIVE",
  });
  await db.unitStatusChange.create({
    data: { unitId: unit.id, fromStatus: "IDLE", toStatus: "ACTIVE", changedOn: new Date("2025-06-01") },
  });
  // Jobs (issue #36): 12 at registration, 15 now — 12 kept, 3 created.
  await db.productionUnit.update({
    where: { id: unit.id },
    data: { employeesAtRegistration: 12, employees: 15 },
  });
  const meeting = await createMeeting(provinceId, {
    jalaliYear: 1404,
    number: 1,
    startsAt: new Date("2025-05-31T05:00:00Z"),
    status: "HELD",
  });
  await db.attendance.createMany({
    data: [
      { meetingId: meeting.id, agencyId: agency, mode: "HEAD" },
      { meetingId: meeting.id, agencyId: (await createAgency(provinceId)).id, mode: "REPRESENTATIVE" },
    ],
  });
  const make = (deadline: string, status: "ISSUED" | "DONE_REPORTED" | "CANCELLED", doneOn?: string) =>
    createResolution(
      { provinceId, meetingId: meeting.id, unitId: unit.id, responsibleAgencyId: agency },
      {
        text: "مصوبه",
        deadline,
        status,
        doneReportedAt: doneOn ? new Date(`${doneOn}T08:00:00Z`) : null,
        // Recorded in the session: the unit's return on 06-01 comes after its first resolution.
        createdAt: new Date("2025-05-31T06:00:00Z"),
      },
    );
  await make("2025-07-01", "ISSUED"); // overdue, 9 days late
  await make("2025-07-09", "ISSUED"); // overdue, 1 day late
  await make("2025-08-01", "ISSUED"); // open, not due
  await make("2025-06-20", "DONE_REPORTED", "2025-06-18"); // on time
  await make("2025-06-20", "DONE_REPORTED", "2025-06-25"); // 5 days late
  await make("2025-06-01", "CANCELLED"); // counts nowhere
});

describe("compareProvinces", () => {
  it("gives each province's figures, matching its drilled-down dashboard", async () => {
    const rows = await compareProvinces(national, comparisonFilterSchema.parse({}), TODAY);
    const row = rows.find((r) => r.id === provinceId);
    expect(row).toMatchObject({
      open: 3,
      overdue: 2,
      onTimePct: 25, // due: 2 overdue + 2 reported done; of these 1 was done by its deadline
      unitsReturned: 1,
      sessionsHeld: 1,
      headsPct: 50,
    });
    // Days late: 9 and 1 (still open), 5 (done late); the on-time one is not late.
    expect(row?.medianDaysLate).toBe(5);
    const drilled = narrowToProvince(national, provinceId);
    const figures = await resolutionFigures(drilled, {}, TODAY);
    expect(figures.open).toBe(row?.open);
    expect(figures.overdue).toBe(row?.overdue);
  });

  it("gives each province's units returned and jobs kept and created, equal to SQL over the rows", async () => {
    const rows = await compareProvinces(national, comparisonFilterSchema.parse({}), TODAY);
    // The test's own SQL: each unit's first return from idle or semi-active to active on or
    // after its first (not cancelled) resolution, with min(then, now) kept and now − then created.
    const sql = await db.$queryRaw<{ pid: string; units: number; kept: number; created: number }[]>`
      with first as (
        select distinct on (h."unitId") u."provinceId" as pid, u.employees as now_,
          coalesce(u."employeesAtRegistration", u.employees) as then_
        from "UnitStatusChange" h join "ProductionUnit" u on u.id = h."unitId"
        where h."fromStatus" in ('IDLE', 'SEMI_ACTIVE') and h."toStatus" = 'ACTIVE'
          and h."changedOn" >= (select min((r."createdAt" at time zone 'Asia/Tehran')::date) from "Resolution" r
                                where r."unitId" = h."unitId" and r.status <> 'CANCELLED')
        order by h."unitId", h."changedOn", h."createdAt")
      select pid, count(*)::int as units, coalesce(sum(least(then_, now_)), 0)::int as kept,
        coalesce(sum(greatest(coalesce(now_, 0) - coalesce(then_, 0), 0)), 0)::int as created
      from first group by pid`;
    for (const r of rows) {
      const expected = sql.find((x) => x.pid === r.id) ?? { units: 0, kept: 0, created: 0 };
      expect({ id: r.id, units: r.unitsReturned, kept: r.jobsKept, created: r.jobsCreated }).toEqual({
        id: r.id,
        units: expected.units,
        kept: expected.kept,
        created: expected.created,
      });
    }
    expect(rows.find((r) => r.id === provinceId)).toMatchObject({
      unitsReturned: 1,
      jobsKept: 12,
      jobsCreated: 3,
    });
    const sorted = await compareProvinces(
      national,
      comparisonFilterSchema.parse({ sort: "jobsCreated", dir: "desc" }),
      TODAY,
    );
    const created = sorted.map((r) => r.jobsCreated);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("sorts by any column, both ways", async () => {
    const asc = await compareProvinces(
      national,
      comparisonFilterSchema.parse({ sort: "overdue", dir: "asc" }),
      TODAY,
    );
    const overdue = asc.map((r) => r.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => a - b));
  });

  it("applies the period to sessions and returns", async () => {
    const later = await compareProvinces(
      national,
      comparisonFilterSchema.parse({ from: "1404/04/01" }), // 2025-06-22, after the session and the return
      TODAY,
    );
    expect(later.find((r) => r.id === provinceId)).toMatchObject({
      sessionsHeld: 0,
      unitsReturned: 0,
      jobsKept: 0,
      jobsCreated: 0,
      open: 0,
    });
  });

  it("is for national users only; a drilled-down viewer still cannot write", async () => {
    const provincial = await createActor(["SECRETARIAT"], { provinceId });
    await expect(compareProvinces(provincial, comparisonFilterSchema.parse({}))).rejects.toThrow(/forbidden/);
    const drilled = narrowToProvince(national, provinceId);
    const county = await db.county.findFirstOrThrow({ where: { provinceId } });
    const refused = await createUnit(
      drilled,
      { name: "واحد ممنوع", sector: "MINING", countyId: county.id, status: "ACTIVE" },
      t,
    );
    expect(refused.ok).toBe(false);
  });
});

describe("opening a province", () => {
  it("creates the province, its counties and bodies and its first secretariat user, audited", async () => {
    const admin = await createActor(["ADMIN"], { provinceId: null });
    const code = `Q${randomUUID().slice(0, 6).toUpperCase()}`;
    const email = `sec-${randomUUID()}@test.local`;
    const input = {
      code,
      nameFa: "یزد آزمون",
      nameEn: "Yazd test",
      counties: "یزد | Yazd\nمیبد | Meybod",
      secretariatName: "دبیر یزد",
      secretariatEmail: email,
      secretariatPassword: "a-long-password-1",
    };
    const result = await openProvince(admin, input, t);
    expect(result.ok, result.message).toBe(true);
    const province = await db.province.findUniqueOrThrow({
      where: { code },
      include: { counties: true, bodies: true, users: true },
    });
    expect(province.counties.map((c) => c.nameEn).sort()).toEqual(["Meybod", "Yazd"]);
    expect(province.bodies.map((b) => b.kind).sort()).toEqual(["COMMITTEE", "WORKING_GROUP"]);
    expect(province.users).toMatchObject([{ email, roles: ["SECRETARIAT"] }]);
    expect(await db.auditEvent.count({ where: { provinceId: province.id, action: "province.create" } })).toBe(
      1,
    );

    const again = await openProvince(admin, { ...input, secretariatEmail: `x-${email}` }, t);
    expect(again.ok).toBe(false);
    expect(again.fieldErrors?.code).toBeDefined();
    // A provincial administrator opens nothing.
    const provincialAdmin = await createActor(["ADMIN"], { provinceId });
    expect((await openProvince(provincialAdmin, { ...input, code: `${code}Z` }, t)).ok).toBe(false);
  });
});
