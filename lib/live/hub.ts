import "server-only";
import { Client } from "pg";
import { LIVE_CHANNEL, parseLiveMessage, type LiveChange, type LiveMessage, type Presence } from "./events";
import { publishNow } from "./publish";
import { log } from "@/lib/observability/log";

// One LISTEN connection per app instance, fanned out in process to every open session page
// (server-sent-event streams) of that instance. Several instances share one database, so a
// save on any of them reaches the pages on all of them; nothing but PostgreSQL is needed
// (docs/decisions/081-live-session-updates.md).

/** What a page's stream is told. */
export type HubEvent =
  | LiveChange
  | { type: "presence"; people: Presence[] }
  /** The listener was reconnected: changes may have been missed, read everything again. */
  | { type: "resync" };

type Listener = (event: HubEvent) => void;

/** Each instance announces its pages this often; a page not heard of for EXPIRE_MS is gone. */
export const HEARTBEAT_MS = 15_000;
const EXPIRE_MS = 40_000;
const RECONNECT_MS = 1_000;

export class LiveHub {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Every open page of every instance, as heard on the channel, by session. */
  private readonly seen = new Map<string, Map<string, Presence & { at: number }>>();
  /** The pages this instance serves. */
  private readonly local = new Map<string, { meetingId: string; presence: Presence }>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Hears the session's events until the returned function is called. */
  async subscribe(meetingId: string, listener: Listener): Promise<() => void> {
    await this.connect();
    const set = this.listeners.get(meetingId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(meetingId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(meetingId);
    };
  }

  /** A page of this instance opened: everyone on the session hears of it. */
  async join(meetingId: string, presence: Presence): Promise<void> {
    this.local.set(presence.key, { meetingId, presence });
    this.heard({ type: "presence", meetingId, ...presence });
    await publishNow({ type: "presence", meetingId, ...presence });
    // The pages already open on other instances announce themselves to the newcomer.
    await publishNow({ type: "roll-call", meetingId });
  }

  async leave(meetingId: string, key: string): Promise<void> {
    this.local.delete(key);
    this.heard({ type: "leave", meetingId, key });
    await publishNow({ type: "leave", meetingId, key });
  }

  people(meetingId: string): Presence[] {
    return [...(this.seen.get(meetingId)?.values() ?? [])]
      .map(({ key, userId, name, itemId }) => ({ key, userId, name, itemId }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: "tashil-live" });
    client.on("notification", (n) => {
      if (n.channel !== LIVE_CHANNEL) return;
      const message = parseLiveMessage(n.payload);
      if (message) this.heard(message);
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, null));
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    const reconnected = this.timer !== null;
    this.client = client;
    this.timer ??= setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
    if (reconnected) {
      // Whatever was saved while we were deaf: every page reads again, and announces itself.
      for (const [meetingId, set] of this.listeners) {
        for (const listener of set) listener({ type: "resync" });
        await publishNow({ type: "roll-call", meetingId }).catch(() => undefined);
      }
      await this.announceLocal().catch(() => undefined);
    }
  }

  private lost(client: Client, err: Error | null) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("end");
    void client.end().catch(() => undefined);
    if (this.closed) return;
    log.warn({ error: err?.message }, "live listener connection lost; reconnecting");
    const retry = () => {
      if (this.closed || this.client) return;
      this.connect().catch(() => setTimeout(retry, RECONNECT_MS).unref());
    };
    setTimeout(retry, RECONNECT_MS).unref();
  }

  private heard(message: LiveMessage) {
    const meetingId = message.meetingId;
    if (message.type === "change") {
      for (const listener of this.listeners.get(meetingId) ?? []) listener(message);
      return;
    }
    if (message.type === "roll-call") {
      for (const { meetingId: m, presence } of this.local.values())
        if (m === meetingId)
          void publishNow({ type: "presence", meetingId, ...presence }).catch(() => undefined);
      return;
    }
    const people = this.seen.get(meetingId) ?? new Map<string, Presence & { at: number }>();
    if (message.type === "leave") {
      if (!people.delete(message.key)) return;
    } else {
      const { key, userId, name, itemId } = message;
      const before = people.get(key);
      people.set(key, { key, userId, name, itemId, at: Date.now() });
      // A page of ours moved to another case (its focus was posted to any instance).
      const mine = this.local.get(key);
      if (mine && mine.presence.userId === userId) mine.presence = { ...mine.presence, itemId };
      if (before && before.itemId === itemId && before.name === name) {
        this.seen.set(meetingId, people);
        return;
      }
    }
    if (people.size) this.seen.set(meetingId, people);
    else this.seen.delete(meetingId);
    this.tell(meetingId);
  }

  private tell(meetingId: string) {
    const people = this.people(meetingId);
    for (const listener of this.listeners.get(meetingId) ?? []) listener({ type: "presence", people });
  }

  private async announceLocal() {
    for (const { meetingId, presence } of this.local.values())
      await publishNow({ type: "presence", meetingId, ...presence });
  }

  private async heartbeat() {
    await this.announceLocal().catch(() => undefined);
    const stale = Date.now() - EXPIRE_MS;
    for (const [meetingId, people] of this.seen) {
      let changed = false;
      for (const [key, p] of people)
        if (p.at < stale && !this.local.has(key)) {
          people.delete(key);
          changed = true;
        }
      if (people.size === 0) this.seen.delete(meetingId);
      if (changed) this.tell(meetingId);
    }
  }
}

// One per process; `next dev` reloads modules, so it is kept on globalThis.
const globalForLive = globalThis as unknown as { liveHub?: LiveHub };

export function liveHub(): LiveHub {
  globalForLive.liveHub ??= new LiveHub(process.env.DATABASE_URL ?? "");
  return globalForLive.liveHub;
}
