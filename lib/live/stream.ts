import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionBounds } from "@/lib/auth/session";
import type { Presence } from "./events";
import { liveHub, type HubEvent } from "./hub";
import { metrics } from "@/lib/observability/metrics";
import { watchSession } from "./session-watch";

/** A stream ends after this long and the browser opens a new one, which checks the sign-in again. */
const STREAM_LIFETIME_MS = 10 * 60_000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 20_000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's gzip (and proxies) would otherwise hold events back to fill a block.
  "Cache-Control": "no-cache, no-store, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const encoder = new TextEncoder();
/**
 * A hub event is one object handed to every stream of its session on this instance: it is
 * written and encoded once for all of them, not once per stream — with hundreds of watchers of
 * one session that was most of the work of a fan-out (issue #34).
 */
const encoded = new WeakMap<HubEvent, Uint8Array>();
function eventBytes(event: HubEvent): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    if (event.type === "presence") bytes = encoder.encode(frame("presence", event.people));
    else if (event.type === "resync") bytes = encoder.encode(frame("resync", {}));
    else
      bytes = encoder.encode(
        frame("change", { what: event.what, itemId: event.itemId ?? null, by: event.by }),
      );
    encoded.set(event, bytes);
  }
  return bytes;
}

/**
 * A session page's server-sent events, for as long as the reader's sign-in lasts: the stream
 * ends when its session does (sign-out, deactivation, password change: lib/live/session-watch.ts;
 * idle or absolute limit: `session.endsAt`), and the browser's reconnect is then refused.
 * Events: `hello` (this page's presence key), `change` (a record
 * of the session was saved: read again), `presence` (who else is on it, and where) and
 * `resync`. A watcher (the hall screen) listens without being listed among those present.
 */
export function sessionEvents(
  request: Request,
  meetingId: string,
  viewer: { userId: string; name: string } | null,
  session: SessionBounds,
): ReadableStream<Uint8Array> {
  const hub = liveHub();
  const key = viewer ? `${viewer.userId}:${randomUUID()}` : null;
  let stop: (() => void) | null = null;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      metrics.liveConnections.inc();
      const send = (text: string | Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(typeof text === "string" ? encoder.encode(text) : text);
        } catch {
          finish();
        }
      };
      const unsubscribe = await hub.subscribe(meetingId, (event: HubEvent) => send(eventBytes(event)));
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      const untilSessionEnds = Math.max(0, session.endsAt.getTime() - Date.now());
      const lifetime = setTimeout(() => finish(), Math.min(STREAM_LIFETIME_MS, untilSessionEnds));
      const unwatch = watchSession(session, () => finish());
      function finish() {
        if (!open) return;
        open = false;
        metrics.liveConnections.dec();
        clearInterval(keepalive);
        clearTimeout(lifetime);
        unwatch();
        unsubscribe();
        if (key) void hub.leave(meetingId, key).catch(() => undefined);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      }
      stop = finish;
      request.signal.addEventListener("abort", finish);
      send("retry: 1000\n\n");
      if (viewer && key) {
        const presence: Presence = { key, userId: viewer.userId, name: viewer.name, itemId: null };
        await hub.join(meetingId, presence);
      }
      // Only once the join is announced: the page answers `hello` by posting which case it is
      // on, and that announcement must not arrive before the join's "on no case yet" and be
      // overwritten by it (seen as a colleague listed without their case).
      send(frame("hello", { key }));
      if (!(viewer && key)) send(frame("presence", hub.people(meetingId)));
    },
    cancel() {
      stop?.();
    },
  });
}
