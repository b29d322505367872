import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { figuresWatch } from "@/lib/dashboard/changes";
import { intakeComparison, intakeFigures, intakeFiguresByProvince } from "@/lib/requests/figures";
import { holidaysBetween } from "@/lib/calendar/holidays";
import { holidaySet, workingDaysBetween } from "@/lib/calendar/working-days";
import { todayInTehran } from "@/lib/i18n/format";
import {
  createActor,
  createAgency,
  createCategory,
  createMeeting,
  createObstacle,
  createProvince,
  createResolution,
  createUnit,
} from "../support/fixtures";

// The dashboard's intake figures (issue #32, decision 241) are counted in SQL; here they are
// counted again from the rows, day by day on the province's own calendar (the TypeScript
// working days of lib/calendar), and must agree — per province, pooled for the country, and
// on the national comparison. Then the kept copy must count a new request on the next read.

const tehran = (day: string, time = "09:00") => new Date(`${day}T${time}:00+03:30`);
const dayOf = (d: Date) => todayInTehran(d);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A province with requests in every state: waiting, accepted (with and without sessions). */
async function province(
  cases: { filed: string; committee?: string; resolution?: string }[],
  waiting: number,
) {
  const { id: provinceId } = await createProvince();
  const secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const applicant = await createActor(["APPLICANT"], { provinceId });
  const agency = await createAgency(provinceId);
  const category = await createCategory();
  for (const c of cases) {
    const unit = await createUnit(provinceId);
    const obstacles = [
      await createObstacle(unit, { categoryId: category.id }),
      await createObstacle(unit, { categoryId: category.id }),
    ];
    const request = await db.unitRequest.create({
      data: {
        provinceId,
        applicantId: applicant.id,
        status: "ACCEPTED",
        unitName: "واحد آزمون",
        unitNationalId: "10100000000",
        // Just after midnight in Tehran: the day before in UTC, the filing day in Tehran.
        submittedAt: tehran(c.filed, "00:30"),
        unitId: unit.id,
        obstacles: {
          create: obstacles.map((o, position) => ({
            position,
            categoryId: category.id,
            description: "مانع",
            obstacleId: o.id,
          })),
        },
      },
    });
    expect(request.id).toBeTruthy();
    if (c.committee) {
      // Two committee sessions: the first one counts; and a working-group session earlier
      // still, which is not the committee.
      for (const [kind, day] of [
        ["COMMITTEE", c.committee],
        ["COMMITTEE", "2099-02-01"],
        ["WORKING_GROUP", c.filed],
      ] as const) {
        const meeting = await createMeeting(provinceId, { kind, startsAt: tehran(day, "08:00") });
        await db.agendaItem.create({
          data: {
            meetingId: meeting.id,
            unitId: unit.id,
            obstacles: { create: [{ obstacleId: obstacles[1]!.id }] },
          },
        });
      }
    }
    if (c.resolution) {
      const meeting = await createMeeting(provinceId, { kind: "WORKING_GROUP" });
      await createResolution(
        { provinceId, meetingId: meeting.id, unitId: unit.id, responsibleAgencyId: agency.id },
        { createdAt: tehran(c.resolution, "12:00"), obstacleIds: [obstacles[0]!.id] },
      );
    }
  }
  for (let i = 0; i < waiting; i++)
    await db.unitRequest.create({
      data: {
        provinceId,
        applicantId: applicant.id,
        status: "SUBMITTED",
        unitNationalId: "10100000000",
        submittedAt: tehran("2026-11-20"),
      },
    });
  // A draft and a rejected request are neither waiting nor counted.
  await db.unitRequest.create({ data: { provinceId, applicantId: applicant.id, unitNationalId: "1" } });
  await db.unitRequest.create({
    data: {
      provinceId,
      applicantId: applicant.id,
      unitNationalId: "1",
      status: "REJECTED",
      submittedAt: new Date(),
    },
  });
  return { provinceId, secretariat };
}

/** The figures counted from the rows in TypeScript, as the dashboard's old code did. */
async function countedFromRows(provinceId: string) {
  const today = todayInTehran();
  const requests = await db.unitRequest.findMany({
    where: { provinceId, status: "ACCEPTED" },
    include: {
      obstacles: {
        include: {
          obstacle: {
            include: {
              agendaItems: { include: { agendaItem: { include: { meeting: { include: { body: true } } } } } },
              resolutions: { include: { resolution: true } },
            },
          },
        },
      },
    },
  });
  const from = requests.map((r) => dayOf(r.submittedAt!)).sort()[0] ?? today;
  const days = holidaySet(await holidaysBetween(provinceId, from, today, "fa"));
  const toCommittee: number[] = [];
  const toResolution: number[] = [];
  for (const r of requests) {
    const filed = dayOf(r.submittedAt!);
    const obstacles = r.obstacles.map((o) => o.obstacle!);
    const committee = obstacles
      .flatMap((o) => o.agendaItems.map((a) => a.agendaItem.meeting))
      .filter((m) => m.body.kind === "COMMITTEE")
      .map((m) => dayOf(m.startsAt))
      .sort()[0];
    const resolution = obstacles
      .flatMap((o) => o.resolutions.map((x) => dayOf(x.resolution.createdAt)))
      .sort()[0];
    if (committee && committee <= today) toCommittee.push(workingDaysBetween(filed, committee, days));
    if (resolution) toResolution.push(workingDaysBetween(filed, resolution, days));
  }
  return {
    waiting: await db.unitRequest.count({ where: { provinceId, status: "SUBMITTED" } }),
    toCommitteeDays: median(toCommittee),
    toResolutionDays: median(toResolution),
    toCommittee,
    toResolution,
  };
}

afterAll(async () => {
  delete process.env.FIGURES_CACHE;
  await figuresWatch().close();
});

describe("intake figures, counted in SQL", () => {
  it("equal a count from the rows: waiting, median working days to the committee and to the first resolution", async () => {
    const a = await province(
      [
        // Filed the Wednesday before Nowruz, on the committee's agenda after the holidays.
        { filed: "2026-03-18", committee: "2026-03-29", resolution: "2026-04-12" },
        { filed: "2026-10-07", committee: "2026-10-18", resolution: "2026-10-28" },
        { filed: "2026-11-01", committee: "2026-11-08" },
        // A session planned for after today does not count yet.
        { filed: "2026-11-15", committee: "2099-01-04" },
        { filed: "2026-11-22" },
      ],
      3,
    );
    const b = await province([{ filed: "2026-09-01", committee: "2026-09-06", resolution: "2026-09-20" }], 1);

    const expectedA = await countedFromRows(a.provinceId);
    // The fixture means what it says: three held sessions counted, two resolutions.
    expect(expectedA.toCommittee).toHaveLength(3);
    expect(expectedA.toResolution).toHaveLength(2);
    expect(expectedA.waiting).toBe(3);
    const { toCommittee: _c, toResolution: _r, ...figuresA } = expectedA;
    expect(await intakeFigures(a.secretariat)).toEqual(figuresA);
    // Nowruz is off: 2026-03-18 → 2026-03-29 is fewer working days than calendar days less Fridays.
    expect(expectedA.toCommittee[0]).toBeLessThan(8);

    // A national viewer: per province as each province counts, and the country pooled.
    const national = await createActor(["SECRETARIAT"], { provinceId: null });
    const byProvince = await intakeFiguresByProvince(national);
    expect(byProvince.get(a.provinceId)).toEqual(figuresA);
    const expectedB = await countedFromRows(b.provinceId);
    const { toCommittee: cb, toResolution: rb, ...figuresB } = expectedB;
    expect(byProvince.get(b.provinceId)).toEqual(figuresB);
    const rows = await intakeComparison(national);
    expect(rows.find((r) => r.id === b.provinceId)).toMatchObject(figuresB);
    const pooled = await intakeFigures(national);
    expect(pooled.waiting).toBe(await db.unitRequest.count({ where: { status: "SUBMITTED" } }));
    expect(pooled.waiting).toBeGreaterThanOrEqual(4);
    expect(cb).toHaveLength(1);
    expect(rb).toHaveLength(1);
  });

  it("a province with no requests has none: zero waiting, no medians", async () => {
    const { id: provinceId } = await createProvince();
    const secretariat = await createActor(["SECRETARIAT"], { provinceId });
    expect(await intakeFigures(secretariat)).toEqual({
      waiting: 0,
      toCommitteeDays: null,
      toResolutionDays: null,
    });
  });

  it("are kept between reads, and a newly filed request is counted on the next one", async () => {
    process.env.FIGURES_CACHE = "on";
    await figuresWatch().connect();
    const { provinceId, secretariat } = await province([{ filed: "2026-11-01", committee: "2026-11-08" }], 1);
    const applicant = await createActor(["APPLICANT"], { provinceId });
    // Let this instance hear the fixture's own changes before the first read.
    await new Promise((r) => setTimeout(r, 1500));
    const first = await intakeFigures(secretariat);
    expect(first.waiting).toBe(1);
    // Kept: the second read is the very answer of the first, not a new computation.
    expect(await intakeFigures(secretariat)).toBe(first);
    const before = figuresWatch().version(provinceId);
    await db.unitRequest.create({
      data: {
        provinceId,
        applicantId: applicant.id,
        status: "SUBMITTED",
        unitNationalId: "1",
        submittedAt: new Date(),
      },
    });
    for (let i = 0; i < 200 && figuresWatch().version(provinceId) === before; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(figuresWatch().version(provinceId)).not.toBe(before);
    // The filed request's notice makes the next read count it.
    expect((await intakeFigures(secretariat)).waiting).toBe(2);
    // An obstacle put on a committee's agenda is heard too (the figure "to committee" moves).
    const counted = await intakeFigures(secretariat);
    const unit = await db.unitRequest.findFirstOrThrow({
      where: { provinceId, status: "ACCEPTED" },
      include: { obstacles: true },
    });
    const meeting = await createMeeting(provinceId, {
      kind: "COMMITTEE",
      startsAt: tehran("2026-11-02", "08:00"),
    });
    const again = figuresWatch().version(provinceId);
    await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        unitId: unit.unitId!,
        obstacles: { create: [{ obstacleId: unit.obstacles[0]!.obstacleId! }] },
      },
    });
    for (let i = 0; i < 200 && figuresWatch().version(provinceId) === again; i++)
      await new Promise((r) => setTimeout(r, 25));
    const moved = await intakeFigures(secretariat);
    expect(moved).not.toBe(counted);
    expect(moved.toCommitteeDays).toBeLessThan(counted.toCommitteeDays ?? 0);
  });
});
