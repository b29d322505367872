import "server-only";
import { Client } from "pg";
import { log } from "@/lib/observability/log";

// Which provinces' figures changed, as PostgreSQL tells it: triggers on every table the
// dashboard reads NOTIFY the province of each committed change on FIGURES_CHANNEL
// (migration figures_change_notices). One LISTEN connection per app instance counts them,
// so a kept dashboard (lib/cache.ts) is known to be current without a query
// (docs/decisions/130-figures-kept-until-changed.md).

export const FIGURES_CHANNEL = "tashil_figures";
const RECONNECT_MS = 1_000;

export class FiguresWatch {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  /** Bumped when every province may have changed: a national row, or a reconnection. */
  private epoch = 0;
  private readonly changes = new Map<string, { count: number; at: number }>();
  private allAt = 0;

  constructor(private readonly connectionString: string) {}

  /**
   * A token that changes whenever the province's figures (or, for null, any province's)
   * may have changed; null while this instance is not listening, when nothing may be kept.
   */
  version(provinceId: string | null): string | null {
    if (!this.client) {
      void this.connect().catch(() => undefined);
      return null;
    }
    if (provinceId === null) {
      let sum = 0;
      for (const c of this.changes.values()) sum += c.count;
      return `${this.epoch}:${sum}`;
    }
    return `${this.epoch}:${this.changes.get(provinceId)?.count ?? 0}`;
  }

  /** Milliseconds since the province's (or any province's) last change was heard. */
  sinceChange(provinceId: string | null): number {
    const at =
      provinceId === null
        ? Math.max(this.allAt, ...[...this.changes.values()].map((c) => c.at))
        : Math.max(this.allAt, this.changes.get(provinceId)?.at ?? 0);
    return Date.now() - at;
  }

  /** Records a change, as the trigger's payload names it: a province id, or '*'. */
  heard(payload: string) {
    const now = Date.now();
    if (payload === "*") {
      this.epoch++;
      this.allAt = now;
      return;
    }
    const c = this.changes.get(payload);
    this.changes.set(payload, { count: (c?.count ?? 0) + 1, at: now });
  }

  connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: "tashil-figures",
    });
    client.on("notification", (n) => {
      if (n.channel === FIGURES_CHANNEL) this.heard(n.payload ?? "*");
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${FIGURES_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    // Whatever changed while nobody listened is unknown: every kept figure is stale.
    this.heard("*");
    this.client = client;
  }

  private lost(client: Client, err: Error | null) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("end");
    void client.end().catch(() => undefined);
    if (this.closed) return;
    log.warn({ error: err?.message }, "figures listener connection lost; reconnecting");
    setTimeout(() => void this.connect().catch(() => undefined), RECONNECT_MS).unref();
  }
}

// One per process; `next dev` reloads modules, so it is kept on globalThis.
const globalForFigures = globalThis as unknown as { figuresWatch?: FiguresWatch };

export function figuresWatch(): FiguresWatch {
  globalForFigures.figuresWatch ??= new FiguresWatch(process.env.DATABASE_URL ?? "");
  return globalForFigures.figuresWatch;
}
