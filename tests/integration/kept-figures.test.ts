import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { keptFigures, wroteNow } from "@/lib/cache";
import { figuresWatch } from "@/lib/dashboard/changes";
import { loadDashboard } from "@/lib/dashboard/queries";
import { listResolutions } from "@/lib/resolutions/queries";
import { listUnits } from "@/lib/units/queries";
import { unitFiltersSchema } from "@/lib/units/schema";
import type { Actor } from "@/lib/auth/policy";
import {
  createActor,
  createAgency,
  createMeeting,
  createProvince,
  createResolution,
  createUnit,
} from "../support/fixtures";

// A dashboard kept between requests must never show figures older than the last committed
// change in its province: what a clerk just verified is counted on the next page, whichever
// table the change touched, and a colleague's save in another province leaves it alone.
const TODAY = "2031-03-10";

type Place = { actor: Actor; provinceId: string; meetingId: string; unitId: string; agencyId: string };
const places: Place[] = [];

async function place(): Promise<Place> {
  const { id: provinceId } = await createProvince();
  const actor = await createActor(["SECRETARIAT"], { provinceId });
  const agencyId = (await createAgency(provinceId)).id;
  const unitId = (await createUnit(provinceId)).id;
  const meetingId = (await createMeeting(provinceId, { status: "HELD" })).id;
  return { actor, provinceId, meetingId, unitId, agencyId };
}

/** The dashboard as the page asks for it, counting how often it was really computed. */
function dashboard(p: Place, view = "default") {
  let computed = 0;
  return {
    read: () =>
      keptFigures(p.actor, ["test-dashboard", view, TODAY], () => {
        computed++;
        return loadDashboard(p.actor, {}, "onTime", TODAY);
      }),
    computed: () => computed,
  };
}

/** Waits until this instance has heard of a committed change in the province. */
async function heard(provinceId: string, before: string | null) {
  for (let i = 0; i < 200; i++) {
    if (figuresWatch().version(provinceId) !== before) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no change heard for ${provinceId}`);
}

beforeAll(async () => {
  // The integration project keeps nothing by default (vitest.config.ts); this file does.
  process.env.FIGURES_CACHE = "on";
  await figuresWatch().connect();
  places.push(await place(), await place());
});

afterAll(async () => {
  await figuresWatch().close();
});

describe("dashboard figures kept until their province changes", () => {
  it("serves the same figures while nothing changed, and counts a new resolution at once", async () => {
    const [p] = places as [Place];
    const board = dashboard(p);
    const first = await board.read();
    expect(first.figures.open).toBe(0);
    await board.read();
    expect(board.computed()).toBe(1);

    const before = figuresWatch().version(p.provinceId);
    await createResolution(
      { provinceId: p.provinceId, meetingId: p.meetingId, unitId: p.unitId, responsibleAgencyId: p.agencyId },
      { deadline: "2031-03-01" },
    );
    await heard(p.provinceId, before);
    const after = await board.read();
    expect(after.figures).toMatchObject({ open: 1, overdue: 1 });
    expect(after.overdue).toHaveLength(1);
  });

  it("a verification is counted on the next read", async () => {
    const [p] = places as [Place];
    const board = dashboard(p);
    expect((await board.read()).figures.open).toBe(1);
    const before = figuresWatch().version(p.provinceId);
    await db.resolution.updateMany({
      where: { provinceId: p.provinceId },
      data: { status: "VERIFIED", doneReportedAt: new Date(), verifiedAt: new Date() },
    });
    await heard(p.provinceId, before);
    expect((await board.read()).figures).toMatchObject({ open: 0, overdue: 0 });
  });

  it("attendance, recorded in a table without a province of its own, reaches the scorecard", async () => {
    const [p] = places as [Place];
    const board = dashboard(p);
    const row = (await board.read()).scorecard.find((r) => r.agencyId === p.agencyId);
    expect(row?.attendedHead ?? 0).toBe(0);
    const before = figuresWatch().version(p.provinceId);
    await db.attendance.create({ data: { meetingId: p.meetingId, agencyId: p.agencyId, mode: "HEAD" } });
    await heard(p.provinceId, before);
    const again = (await board.read()).scorecard.find((r) => r.agencyId === p.agencyId);
    expect(again?.attendedHead).toBe(1);
  });

  it("a change in another province does not recompute this one's figures", async () => {
    const [p, other] = places as [Place, Place];
    const board = dashboard(p, "another province");
    await board.read();
    expect(board.computed()).toBe(1);
    const before = figuresWatch().version(other.provinceId);
    await createResolution({
      provinceId: other.provinceId,
      meetingId: other.meetingId,
      unitId: other.unitId,
      responsibleAgencyId: other.agencyId,
    });
    await heard(other.provinceId, before);
    await board.read();
    expect(board.computed()).toBe(1);
  });

  it("a list's total counts a record added a moment ago, and the writer's own instance knows at once", async () => {
    const [p] = places as [Place];
    const register = () => listResolutions(p.actor, {}, TODAY);
    const before = (await register()).total;
    // A save through a server action tells its own instance before the notice arrives
    // (lib/action.ts): no waiting here.
    await createResolution({
      provinceId: p.provinceId,
      meetingId: p.meetingId,
      unitId: p.unitId,
      responsibleAgencyId: p.agencyId,
    });
    const heardSoFar = figuresWatch().version(p.provinceId);
    wroteNow(p.provinceId);
    expect(figuresWatch().version(p.provinceId)).not.toBe(heardSoFar);
    const after = await register();
    expect(after.total).toBe(before + 1);
    expect(after.items).toHaveLength(after.total);

    const units = () => listUnits(p.actor, unitFiltersSchema.parse({}));
    const unitsBefore = (await units()).total;
    const version = figuresWatch().version(p.provinceId);
    await createUnit(p.provinceId);
    await heard(p.provinceId, version);
    expect((await units()).total).toBe(unitsBefore + 1);
  });

  it("a holiday correction, which delays in working days read, counts as a change", async () => {
    const [p] = places as [Place];
    const before = figuresWatch().version(p.provinceId);
    const own = await db.holidayOverride.create({
      data: {
        provinceId: p.provinceId,
        date: new Date("2031-03-04T00:00:00Z"),
        kind: "ADD",
        name: "آزمون",
        createdById: p.actor.id,
      },
    });
    await heard(p.provinceId, before);
    // A national correction changes every province's calendar.
    const heardSoFar = figuresWatch().version(p.provinceId);
    const national = await db.holidayOverride.create({
      data: {
        provinceId: null,
        date: new Date("2031-03-05T00:00:00Z"),
        kind: "ADD",
        name: "آزمون",
        createdById: p.actor.id,
      },
    });
    await heard(p.provinceId, heardSoFar);
    await db.holidayOverride.deleteMany({ where: { id: { in: [own.id, national.id] } } });
  });

  it("keeps nothing when told not to", async () => {
    const [p] = places as [Place];
    process.env.FIGURES_CACHE = "off";
    try {
      const board = dashboard(p, "off");
      await board.read();
      await board.read();
      expect(board.computed()).toBe(2);
    } finally {
      process.env.FIGURES_CACHE = "on";
    }
  });
});
