// Issue #31: the live stream of a session page kept flowing after its reader signed out or was
// deactivated, for up to its 10-minute lifetime. It must end when its session does — sign-out,
// deactivation, a password change, the idle or absolute limit — while other readers' streams
// go on. The real stream over the real LISTEN connection; no clock is faked.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endAllSessions, bumpSessionVersion } from "@/lib/auth/session-version";
import { liveHub } from "@/lib/live/hub";
import { publishNow } from "@/lib/live/publish";
import { sessionEvents } from "@/lib/live/stream";
import { createActor, createProvince } from "../support/fixtures";

afterAll(async () => {
  await liveHub().close();
});

const HOUR = 3_600_000;

/** A reader's stream on a session of its own, and what it has received so far. */
async function open(userId: string, endsAt = new Date(Date.now() + HOUR)) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const meetingId = randomUUID();
  const stream = sessionEvents(new Request("http://test/live"), meetingId, null, {
    userId,
    sessionVersion,
    endsAt,
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  /** Everything until the stream ends; resolves only if it does. */
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value);
    }
  })();
  return { meetingId, ended, received: () => text };
}

async function reader() {
  const provinceId = (await createProvince()).id;
  return createActor(["MEMBER"], { provinceId });
}

describe("a live stream ends with its session", () => {
  it("on sign-out; a colleague's stream keeps receiving", async () => {
    const [leaving, staying] = [await reader(), await reader()];
    const gone = await open(leaving.id);
    const other = await open(staying.id);
    await endAllSessions(leaving.id, "auth.signOut");
    expect(await gone.ended).toContain("event: hello");

    // The other reader's stream still delivers what happens in its session.
    await publishNow({ type: "change", meetingId: other.meetingId, what: "resolution", by: "x" });
    await expect.poll(() => other.received(), { timeout: 5_000 }).toContain("event: change");
  }, 15_000);

  it("on deactivation", async () => {
    const user = await reader();
    const stream = await open(user.id);
    await db.user.update({ where: { id: user.id }, data: { active: false, ...bumpSessionVersion } });
    await stream.ended;
  }, 15_000);

  it("on a password change (the session version moves on)", async () => {
    const user = await reader();
    const stream = await open(user.id);
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: "changed", ...bumpSessionVersion },
    });
    await stream.ended;
  }, 15_000);

  it("at the idle or absolute limit of the token it was opened with", async () => {
    const user = await reader();
    const stream = await open(user.id, new Date(Date.now() + 500));
    await stream.ended;
  }, 15_000);
});
