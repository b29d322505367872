// No lost update: two people who opened the same form save at the same moment. One save
// wins; the other is told someone else changed the record, and nothing of it is written.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateBody } from "@/lib/bodies/mutations";
import { changeObstacleStatus } from "@/lib/obstacles/mutations";
import { createMeeting, rescheduleMeeting } from "@/lib/meetings/sessions";
import { setPublicFigures } from "@/lib/settings/mutations";
import { publicFiguresSetting } from "@/lib/settings/queries";
import {
  createActor,
  createAgency,
  createBody,
  createObstacle,
  createProvince,
  createUnit,
  t,
} from "../support/fixtures";

const CONFLICT = t("errors.conflict");
let provinceId: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let colleague: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  colleague = await createActor(["SECRETARIAT"], { provinceId });
});

/** Both saves start together; returns their answers in the order they were given. */
const together = <A, B>(a: () => Promise<A>, b: () => Promise<B>) => Promise.all([a(), b()]);

const outcomes = (results: { ok: boolean; message?: string }[]) =>
  results.map((r) => (r.ok ? "saved" : r.message)).sort();

describe("two people saving the same record at once", () => {
  it("a body: one save wins whole, members included; the other is a conflict", async () => {
    const body = await createBody(provinceId, "COMMITTEE");
    const bank = (await createAgency(provinceId, "بانک سپه آزمون")).id;
    const tax = (await createAgency(provinceId, "اداره مالیات آزمون")).id;
    const save = (actor: typeof secretariat, chairName: string, memberIds: string[]) => () =>
      updateBody(
        actor,
        {
          bodyId: body.id,
          version: body.version,
          nameFa: "کمیته",
          nameEn: "Committee",
          chairName,
          memberIds,
        },
        t,
      );
    const results = await together(save(secretariat, "رئیس اول", [bank]), save(colleague, "رئیس دوم", [tax]));
    expect(outcomes(results)).toEqual([CONFLICT, "saved"].sort());
    const stored = await db.body.findUniqueOrThrow({ where: { id: body.id }, include: { members: true } });
    // Whoever won, their chair and their members are stored together: no mix of the two saves.
    const winner = results[0].ok ? { chair: "رئیس اول", member: bank } : { chair: "رئیس دوم", member: tax };
    expect(stored.chairName).toBe(winner.chair);
    expect(stored.members.map((m) => m.agencyId)).toEqual([winner.member]);
    expect(stored.version).toBe(body.version + 1);
    expect(await db.auditEvent.count({ where: { entityId: body.id, action: "body.update" } })).toBe(1);
  });

  it("a session: the second move, drawn before the first was saved, is refused", async () => {
    await createBody(provinceId, "WORKING_GROUP");
    const created = await createMeeting(
      secretariat,
      { bodyKind: "WORKING_GROUP", date: "1416/03/05", time: "09:00", place: "سالن" },
      t,
      "fa",
    );
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: created.id ?? "" } });
    const move = (actor: typeof secretariat, date: string) => () =>
      rescheduleMeeting(actor, { meetingId: meeting.id, version: meeting.version, date, time: "10:00" }, t);
    const results = await together(move(secretariat, "1416/03/07"), move(colleague, "1416/03/12"));
    expect(outcomes(results)).toEqual([CONFLICT, "saved"].sort());
    const moved = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(moved.version).toBe(meeting.version + 1);
    // A later save from a fresh form goes through.
    expect(
      await rescheduleMeeting(
        secretariat,
        { meetingId: meeting.id, version: moved.version, date: "1416/03/14", time: "10:00" },
        t,
      ),
    ).toMatchObject({ ok: true });
  });

  it("a setting: two admins switching the public page from the same view give one change", async () => {
    const admin = await createActor(["ADMIN"], { provinceId });
    const other = await createActor(["ADMIN"], { provinceId });
    const seen = await publicFiguresSetting(provinceId);
    expect(seen).toEqual({ enabled: false, version: 0 });
    const results = await together(
      () => setPublicFigures(admin, { enabled: "true", version: seen.version }, t),
      () => setPublicFigures(other, { enabled: "true", version: seen.version }, t),
    );
    expect(outcomes(results)).toEqual([CONFLICT, "saved"].sort());
    expect(await publicFiguresSetting(provinceId)).toEqual({ enabled: true, version: 1 });
    // The one who lost sees the switch on; switching it off from that fresh view works.
    expect(await setPublicFigures(other, { enabled: "false", version: 1 }, t)).toMatchObject({ ok: true });
    // A stale view (version 1) can no longer switch it back on.
    expect(await setPublicFigures(admin, { enabled: "true", version: 1 }, t)).toEqual({
      ok: false,
      message: CONFLICT,
    });
    expect(await publicFiguresSetting(provinceId)).toEqual({ enabled: false, version: 2 });
  });

  it("an obstacle: two people moving it from the same status give one move", async () => {
    const unit = await createUnit(provinceId);
    const obstacle = await createObstacle(unit, { status: "DECIDED" });
    const results = await together(
      () => changeObstacleStatus(secretariat, { id: obstacle.id, from: "DECIDED", to: "WITHDRAWN" }, t),
      () => changeObstacleStatus(colleague, { id: obstacle.id, from: "DECIDED", to: "UNRESOLVABLE" }, t),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.message).toBe(t("obstacles.staleStatus"));
    expect(
      await db.auditEvent.count({ where: { entityId: obstacle.id, action: { startsWith: "obstacle." } } }),
    ).toBe(1);
  });
});
