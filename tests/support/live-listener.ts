// A second app instance in miniature, for tests/integration/session-room.test.ts: its own
// process, its own LISTEN connection, one page of a session open. Prints what its pages would
// be told, one JSON line each; its page closes when the parent closes stdin.
import { LiveHub } from "@/lib/live/hub";

async function main() {
  const meetingId = process.argv[2] ?? "";
  const hub = new LiveHub(process.env.DATABASE_URL ?? "");
  await hub.subscribe(meetingId, (event) => console.log(JSON.stringify(event)));
  await hub.join(meetingId, { key: "other:page", userId: "other", name: "Other instance", itemId: null });
  console.log(JSON.stringify({ type: "ready" }));
  process.stdin.resume();
  process.stdin.on("end", () => {
    void hub
      .leave(meetingId, "other:page")
      .then(() => hub.close())
      .then(() => process.exit(0));
  });
}

void main();
