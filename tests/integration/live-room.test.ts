// Issue #34: a live session page patches what changed instead of reading the whole page again.
// What it patches in comes from GET /api/meetings/[id]/room (the cases) and ?view=screen (the
// hall screen's case): the same views the pages draw, to exactly the readers who may open them.
// The route itself, with the real queries and mutations; only who is signed in is chosen here.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/policy";
import { addToAgenda, setOutcome } from "@/lib/meetings/agenda";
import { saveResolution } from "@/lib/meetings/resolutions";
import { showOnScreen } from "@/lib/meetings/screen";
import { db } from "@/lib/db";
import type { RoomState } from "@/lib/meetings/types";
import type { HallScreenState } from "@/lib/meetings/screen-view";
import { createActor, createObstacle, createUnit, t } from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
const { GET } = await import("@/app/api/meetings/[id]/room/route");

const as = (actor: Actor, locale: "fa" | "en" = "fa"): SessionUser => ({
  ...actor,
  name: "x",
  email: "x@test.local",
  locale,
});
async function read(user: Actor | null, meetingId: string, view?: "screen", locale?: "fa" | "en") {
  signedIn = user && as(user, locale);
  const url = `http://test/api/meetings/${meetingId}/room${view ? `?view=${view}` : ""}`;
  return GET(new Request(url), { params: Promise.resolve({ id: meetingId }) });
}

let cast: Scenario;
let meetingId: string;
let itemId: string;
const text = `مصوبه ارسال‌شده ${Date.now()}`;

beforeAll(async () => {
  cast = await provinceScenario({ banks: 1, agencies: 1 });
  meetingId = cast.sessionId ?? "";
  const unit = await createUnit(cast.provinceId, { countyId: cast.countyId, name: "واحد اتاق زنده" });
  const obstacle = await createObstacle(unit, {
    categoryId: cast.categoryId,
    amountRials: 5_000_000n,
    status: "REFERRED",
  });
  expect(await addToAgenda(cast.secretariat, { meetingId, obstacleIds: [obstacle.id] }, t)).toMatchObject({
    ok: true,
  });
  itemId = (await db.agendaItem.findFirstOrThrow({ where: { meetingId } })).id;
});

describe("what a live page patches in", () => {
  it("carries a resolution just saved, the outcome and the screen's case, as the page shows them", async () => {
    const before = (await (await read(cast.secretariat, meetingId)).json()) as RoomState;
    expect(before.items.map((i) => [i.id, i.resolutions.length])).toEqual([[itemId, 0]]);
    expect(before.screenItemId).toBeNull();

    const saved = await saveResolution(
      cast.secretariat,
      {
        itemId,
        idempotencyKey: `live-${itemId}`,
        text,
        responsibleAgencyId: cast.banks[0],
        deadline: "1413/12/01",
      },
      t,
    );
    expect(saved).toMatchObject({ ok: true });
    const version = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).version;
    expect(await setOutcome(cast.secretariat, { itemId, outcome: "DECIDED", version }, t)).toMatchObject({
      ok: true,
    });
    expect(await showOnScreen(cast.secretariat, { meetingId, itemId }, t)).toMatchObject({ ok: true });

    const response = await read(cast.secretariat, meetingId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const after = (await response.json()) as RoomState;
    expect(after.screenItemId).toBe(itemId);
    const [item] = after.items;
    expect(item?.outcome).toBe("DECIDED");
    expect(item?.version).toBeGreaterThan(version);
    expect(item?.resolutions.map((r) => [r.text, r.sequence, r.responsibleAgencyId])).toEqual([
      [text, 1, cast.banks[0]],
    ]);
    // In the reader's language, as their page: Persian digits for a Persian reader.
    expect(item?.resolutions[0]?.deadline).toBe("۱۴۱۳/۱۲/۰۱");
    const english = (await (await read(cast.secretariat, meetingId, undefined, "en")).json()) as RoomState;
    expect(english.items[0]?.resolutions[0]?.deadline).toBe("1413/12/01");

    // The hall screen: the case on it, its resolution in words, always Persian.
    const screen = (await (await read(cast.chair, meetingId, "screen", "en")).json()) as HallScreenState;
    expect(screen.item?.unitName).toBe("واحد اتاق زنده");
    expect(screen.item?.resolutions.map((r) => [r.number, r.text])).toEqual([["۱", text]]);
  });

  it("gives each reader exactly what their page would, and nothing to anyone else", async () => {
    const agency = await cast.person(["AGENCY"], { agencyId: cast.banks[0] });
    const member = await cast.person(["MEMBER"]);
    const national = await createActor(["MEMBER"], { provinceId: null });
    const elsewhere = await provinceScenario({ banks: 1, session: false });
    const foreignClerk = elsewhere.secretariat;
    const foreignAgency = await elsewhere.person(["AGENCY"], { agencyId: elsewhere.banks[0] });
    const applicant = await createActor(["APPLICANT"], { provinceId: cast.provinceId });

    // The session page is read by the province's readers (an agency user too) and a national one.
    for (const reader of [agency, member, national, cast.chair]) {
      const response = await read(reader, meetingId);
      expect(response.status, reader.roles.join()).toBe(200);
      expect(JSON.stringify(await response.json())).toContain(text);
    }
    // The hall screen: the province's secretariat, chair and members only (decision 082).
    for (const reader of [member, cast.chair, cast.secretariat])
      expect((await read(reader, meetingId, "screen")).status).toBe(200);
    for (const reader of [agency, national]) {
      const response = await read(reader, meetingId, "screen");
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(text);
    }
    // Another province's clerk and agency, an applicant, nobody signed in: nothing of it.
    for (const [reader, status] of [
      [foreignClerk, 404],
      [foreignAgency, 404],
      [applicant, 403],
      [null, 401],
    ] as const) {
      for (const view of [undefined, "screen"] as const) {
        const response = await read(reader, meetingId, view);
        expect(response.status, `${reader?.roles.join() ?? "visitor"} ${view ?? "room"}`).toBe(status);
        expect(await response.text()).not.toContain(text);
      }
    }
    // An unknown session is the same 404.
    expect((await read(cast.secretariat, crypto.randomUUID())).status).toBe(404);
    // A view it does not know is a bad request, not a guess.
    signedIn = as(cast.secretariat);
    const odd = await GET(new Request(`http://test/api/meetings/${meetingId}/room?view=all`), {
      params: Promise.resolve({ id: meetingId }),
    });
    expect(odd.status).toBe(400);
  });
});
