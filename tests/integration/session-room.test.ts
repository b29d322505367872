import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMeeting } from "@/lib/meetings/sessions";
import {
  addToAgenda,
  moveAgendaItem,
  removeAgendaItem,
  setOutcome,
  setPresenter,
} from "@/lib/meetings/agenda";
import { saveAttendance } from "@/lib/meetings/attendance";
import { deleteResolution, saveResolution } from "@/lib/meetings/resolutions";
import { LiveHub, type HubEvent } from "@/lib/live/hub";
import { normalizeText } from "@/lib/i18n/normalize";
import { createActor, t } from "../support/fixtures";
import { provinceScenario } from "../support/scenario";

// Issue #22: several clerks in one session at once, and the live stream between app instances.

let provinceId: string;
let countyId: string;
let categoryId: string;
let members: string[];
let clerk: Awaited<ReturnType<typeof createActor>>;
let colleague: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  const cast = await provinceScenario({
    banks: 0,
    agencies: 3,
    county: ["شهرستان", "County"],
    category: "TEST_ROOM",
    session: false,
  });
  ({ provinceId, countyId, categoryId } = cast);
  members = cast.agencies;
  clerk = cast.secretariat;
  colleague = await cast.person(["SECRETARIAT"]);
});

let dayCounter = 0;
async function sessionWithUnits(units: number) {
  dayCounter++;
  const result = await createMeeting(
    clerk,
    { bodyKind: "WORKING_GROUP", date: `1413/0${dayCounter}/10`, time: "09:00", place: "سالن" },
    t,
    "fa",
  );
  if (!result.ok || !result.id) throw new Error(`meeting not created: ${result.message}`);
  const obstacleIds: string[] = [];
  for (let u = 0; u < units; u++) {
    const name = `واحد اتاق ${dayCounter}-${u}`;
    const unit = await db.productionUnit.create({
      data: {
        provinceId,
        countyId,
        name,
        nameNormalized: normalizeText(name),
        sector: "INDUSTRIAL",
        status: "IDLE",
      },
    });
    const obstacle = await db.obstacle.create({
      data: { provinceId, unitId: unit.id, categoryId, description: `${name} مانع`, status: "REFERRED" },
    });
    obstacleIds.push(obstacle.id);
  }
  return { meetingId: result.id, obstacleIds };
}

const resolutionInput = (itemId: string, n: number) => ({
  itemId,
  idempotencyKey: `room-${itemId}-${n}`,
  text: `مصوبه همزمان ${n}`,
  responsibleAgencyId: members[n % members.length] ?? "",
  deadline: "1413/12/01",
});

describe("numbers within a session under concurrent saves", () => {
  it("gives 20 resolutions saved at the same moment 20 distinct, consecutive numbers", async () => {
    const { meetingId, obstacleIds } = await sessionWithUnits(2);
    expect(await addToAgenda(clerk, { meetingId, obstacleIds }, t)).toMatchObject({ ok: true });
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    // Two clerks, two cases, twenty saves in flight together.
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        saveResolution(n % 2 ? clerk : colleague, resolutionInput(items[n % 2]?.id ?? "", n), t),
      ),
    );
    expect(saves.filter((s) => !s.ok)).toEqual([]);
    const numbers = saves.map((s) => s.sequence ?? 0).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await db.resolution.findMany({ where: { meetingId }, orderBy: { sequence: "asc" } });
    expect(stored.map((r) => r.sequence)).toEqual(numbers);

    // A resolution deleted while the minutes are open: the later ones close up, so the minutes
    // still read 1..19, even with saves landing at the same time.
    const fifth = stored[4];
    const [deleted, ...more] = await Promise.all([
      deleteResolution(clerk, { id: fifth?.id }, t),
      ...[20, 21].map((n) => saveResolution(colleague, resolutionInput(items[0]?.id ?? "", n), t)),
    ]);
    expect([deleted, ...more].map((r) => r.ok)).toEqual([true, true, true]);
    const after = await db.resolution.findMany({ where: { meetingId }, orderBy: { sequence: "asc" } });
    expect(after.map((r) => r.sequence)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(after.map((r) => r.id)).not.toContain(fifth?.id);
  });

  it("keeps agenda positions distinct and 1..n when clerks add, move and remove at once", async () => {
    const { meetingId, obstacleIds } = await sessionWithUnits(6);
    const added = await Promise.all(
      obstacleIds.map((id) => addToAgenda(clerk, { meetingId, obstacleIds: [id] }, t)),
    );
    expect(added.every((a) => a.ok)).toBe(true);
    const positions = async () =>
      (await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } })).map(
        (i) => i.position,
      );
    expect(await positions()).toEqual([1, 2, 3, 4, 5, 6]);
    const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    const results = await Promise.all([
      moveAgendaItem(clerk, { itemId: items[0]?.id, direction: "down" }, t),
      moveAgendaItem(colleague, { itemId: items[4]?.id, direction: "up" }, t),
      removeAgendaItem(colleague, { itemId: items[2]?.id }, t),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await positions()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("an agenda item changed by two clerks at once", () => {
  it("lets one outcome win and tells the other clerk, whose screen was stale", async () => {
    const { meetingId, obstacleIds } = await sessionWithUnits(1);
    await addToAgenda(clerk, { meetingId, obstacleIds }, t);
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId } });
    // Both screens show version 1; each clerk picks a different outcome at the same moment.
    const answers = await Promise.all([
      setOutcome(clerk, { itemId: item.id, outcome: "DECIDED", version: item.version }, t),
      setOutcome(colleague, { itemId: item.id, outcome: "", version: item.version }, t),
    ]);
    expect(answers.map((a) => a.ok).sort()).toEqual([false, true]);
    expect(answers.find((a) => !a.ok)?.message).toBe(t("errors.conflict"));
    const winner = answers.findIndex((a) => a.ok) === 0 ? "DECIDED" : null;
    const stored = await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
    expect([stored.outcome, stored.version]).toEqual([winner, 2]);
    // The winner's next change names the version its save returned.
    const next = answers.find((a) => a.ok)?.version;
    expect(next).toBe(2);
    expect(
      await setPresenter(colleague, { itemId: item.id, presenter: "مدیر واحد", version: 1 }, t),
    ).toMatchObject({
      ok: false,
      message: t("errors.conflict"),
    });
    expect(
      await setPresenter(colleague, { itemId: item.id, presenter: "مدیر واحد", version: next }, t),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("attendance recorded by two clerks at once", () => {
  it("keeps both clerks' rows, and refuses the same row changed by both", async () => {
    const { meetingId } = await sessionWithUnits(0);
    const [first = "", second = "", third = ""] = members;
    // Both opened the grid before anything was recorded (version 0 everywhere); each marks
    // a different agency and saves at the same moment.
    const [a, b] = await Promise.all([
      saveAttendance(clerk, { meetingId, entries: [{ agencyId: first, mode: "HEAD", version: 0 }] }, t),
      saveAttendance(
        colleague,
        {
          meetingId,
          entries: [{ agencyId: second, mode: "REPRESENTATIVE", attendeeName: "نماینده", version: 0 }],
        },
        t,
      ),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const rows = async () =>
      (await db.attendance.findMany({ where: { meetingId }, orderBy: { agencyId: "asc" } })).map((r) => [
        r.agencyId,
        r.mode,
      ]);
    expect(await rows()).toEqual(
      [
        [first, "HEAD"],
        [second, "REPRESENTATIVE"],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );

    // The second clerk, still on their old grid, also changes the first agency: refused with
    // a message, and their other row in the same save is not written either.
    const stale = await saveAttendance(
      colleague,
      {
        meetingId,
        entries: [
          { agencyId: first, mode: "ABSENT", version: 0 },
          { agencyId: third, mode: "ABSENT", version: 0 },
        ],
      },
      t,
    );
    expect(stale).toMatchObject({ ok: false, message: t("meetings.attendance.conflict") });
    expect((await rows()).length).toBe(2);
    // Sending the value that is already there is no conflict.
    expect(
      await saveAttendance(
        colleague,
        { meetingId, entries: [{ agencyId: first, mode: "HEAD", version: 0 }] },
        t,
      ),
    ).toMatchObject({ ok: true });
    // From the fresh grid (version 1) the change goes through.
    expect(
      await saveAttendance(
        colleague,
        { meetingId, entries: [{ agencyId: first, mode: "ABSENT", version: 1 }] },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect((await db.attendance.findFirstOrThrow({ where: { meetingId, agencyId: first } })).version).toBe(2);
  });
});

describe("the live stream across app instances", () => {
  let child: ChildProcessWithoutNullStreams | null = null;
  const hub = new LiveHub(process.env.DATABASE_URL ?? "");
  afterAll(async () => {
    child?.stdin.end();
    await hub.close();
  });

  it("carries a save on one instance to the pages of another, and who is on them", async () => {
    const { meetingId, obstacleIds } = await sessionWithUnits(1);
    await addToAgenda(clerk, { meetingId, obstacleIds }, t);
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId } });

    // This process is instance A; the child process is instance B with its own LISTEN connection.
    const here: HubEvent[] = [];
    await hub.subscribe(meetingId, (e) => here.push(e));
    const proc = spawn(
      "npx",
      ["tsx", "--conditions=react-server", "tests/support/live-listener.ts", meetingId],
      {
        env: process.env,
      },
    );
    child = proc;
    const there: { type: string; what?: string; itemId?: string; people?: { name: string }[] }[] = [];
    const lines = createInterface({ input: proc.stdout });
    const heard = (test: (e: (typeof there)[number]) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (there.some(test)) {
            resolve();
            return true;
          }
          return false;
        };
        if (check()) return;
        lines.on("line", () => check());
        proc.on("exit", (code) => reject(new Error(`listener exited with ${code}`)));
      });
    lines.on("line", (line) => there.push(JSON.parse(line)));
    await heard((e) => e.type === "ready");

    // B's page is present on A.
    await expect.poll(() => hub.people(meetingId).map((p) => p.name)).toEqual(["Other instance"]);

    // A save on A reaches B's page, after commit.
    const saved = await saveResolution(clerk, resolutionInput(item.id, 1), t);
    expect(saved.ok).toBe(true);
    await heard((e) => e.type === "change" && e.what === "resolution" && e.itemId === item.id);
    await expect.poll(() => here.some((e) => e.type === "change" && e.what === "resolution")).toBe(true);

    // A save that fails (deadline before the session) tells nobody anything.
    const before = there.length;
    const refused = await saveResolution(
      clerk,
      { ...resolutionInput(item.id, 2), deadline: "1400/01/01" },
      t,
    );
    expect(refused.ok).toBe(false);
    await saveAttendance(clerk, { meetingId, entries: [{ agencyId: members[0] ?? "", mode: "HEAD" }] }, t);
    await heard((e) => e.type === "change" && e.what === "attendance");
    expect(
      there
        .slice(before)
        .filter((e) => e.type === "change")
        .map((e) => e.what),
    ).toEqual(["attendance"]);

    // When B's page closes, A hears it leave.
    proc.stdin.end();
    await expect.poll(() => hub.people(meetingId)).toEqual([]);
  });
});
