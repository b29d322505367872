import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import { cookies } from "next/headers";
import { createPrismaClient, db } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/outage";
import { log } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";

// Reads that can be a moment behind — dashboards, reports, registers, API lists — may go to a
// streaming replica (DATABASE_REPLICA_URL) and spare the one primary, which takes every
// write (docs/decisions/111-read-replica.md). Those query modules import `dbRead` instead of
// `db`; everything else (writes, transactions, sessions, sign-in, checks inside mutations)
// stays on `db`. dbRead routes model reads with @prisma/extension-read-replicas and raw
// SELECTs ($queryRaw, where the dashboard's aggregates live) with a hook of ours. It falls
// back to the primary, per query, when:
//  - the user wrote something within the last REPLICA_MAX_LAG_SECONDS (a cookie the
//    actions set), so a page never hides the user's own last write;
//  - the replica's last check found it unreachable, not a replica, or further behind than
//    REPLICA_MAX_LAG_SECONDS (checked at most every CHECK_EVERY_MS, lazily, by the reads);
//  - the query itself fails for want of the replica (it is re-run on the primary at once).

const CHECK_EVERY_MS = 2_000;
/** A replica that does not answer within this long counts as down. */
const PROBE_TIMEOUT_MS = 2_000;
export const OWN_WRITE_COOKIE = "tashil-own-write";

export function maxLagSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.REPLICA_MAX_LAG_SECONDS ?? 10);
  return Number.isFinite(value) && value >= 0 ? value : 10;
}

/**
 * Seconds the replica is behind: 0 when it has replayed all it received (an idle primary
 * sends nothing, so the last replay time alone would look like growing lag) or when it is
 * not a replica at all; null when it has replayed nothing yet.
 */
async function replicationLag(replica: PrismaClient): Promise<number | null> {
  const [row] = await replica.$queryRaw<{ lag: number | null }[]>`
    select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
    end as lag`;
  return row?.lag ?? null;
}

type Verdict = { usable: boolean; until: number; reason: string };

/** Whether reads may go to the replica now; one check at a time, its verdict kept briefly. */
export class ReplicaGate {
  private verdict: Verdict | null = null;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly replica: PrismaClient,
    private readonly maxLag: number,
    private readonly measureLag: (replica: PrismaClient) => Promise<number | null> = replicationLag,
    private readonly checkEveryMs = CHECK_EVERY_MS,
  ) {}

  async usable(): Promise<boolean> {
    if (this.verdict && Date.now() < this.verdict.until) return this.verdict.usable;
    this.checking ??= this.check().finally(() => (this.checking = null));
    await this.checking;
    return this.verdict?.usable ?? false;
  }

  /** A query found the replica gone: skip it until the next check. */
  markDown(err: unknown) {
    const { message, code, name } = (err ?? {}) as { message?: string; code?: string; name?: string };
    this.decide(false, `unreachable (${message?.split("\n")[0] || code || name || "no answer"})`);
  }

  private async check() {
    let timer: NodeJS.Timeout | undefined;
    try {
      const lag = await Promise.race([
        this.measureLag(this.replica),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer in ${PROBE_TIMEOUT_MS} ms`)),
            PROBE_TIMEOUT_MS,
          );
        }),
      ]);
      if (lag !== null) metrics.replicaLag.set(lag);
      if (lag === null) this.decide(false, "has replayed nothing yet");
      else if (lag > this.maxLag) this.decide(false, `${lag.toFixed(1)} s behind (bound ${this.maxLag} s)`);
      else this.decide(true, "current");
    } catch (err) {
      this.markDown(err);
    } finally {
      clearTimeout(timer);
    }
  }

  private decide(usable: boolean, reason: string) {
    if (this.verdict?.usable !== usable)
      log.warn(
        { replica: usable ? "in use" : reason },
        usable
          ? `replica ${this.verdict ? "back" : "in use"}: reads go to it`
          : `replica ${reason}: reads go to the primary`,
      );
    this.verdict = { usable, until: Date.now() + this.checkEveryMs, reason };
  }
}

type Delegate = Record<string, (args: unknown) => Promise<unknown>>;

/** The same read on the primary: a model operation, or a raw SELECT. */
function onPrimary(primary: PrismaClient, model: string | undefined, operation: string, args: unknown) {
  if (!model) {
    if (operation === "$queryRaw" && args instanceof Prisma.Sql) return primary.$queryRaw(args);
    throw new Error(`dbRead cannot move ${operation} to the primary`);
  }
  const delegate = (primary as unknown as Record<string, Delegate | undefined>)[
    model.charAt(0).toLowerCase() + model.slice(1)
  ];
  const run = delegate?.[operation];
  if (!run) throw new Error(`dbRead cannot move ${model}.${operation} to the primary`);
  return run.call(delegate, args);
}

export type ReadClientOptions = {
  primary: PrismaClient;
  replica: PrismaClient;
  gate: ReplicaGate;
  /** True when this request must read the primary (the user's own recent write). */
  preferPrimary?: () => Promise<boolean>;
};

/** A client whose reads go to the replica when it may serve them, else to the primary. */
export function createReadClient({ primary, replica, gate, preferPrimary }: ReadClientOptions): PrismaClient {
  const guarded = replica.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if ((await preferPrimary?.()) || !(await gate.usable())) {
          metrics.replicaReads.inc({ target: "primary" });
          return onPrimary(primary, model, operation, args);
        }
        metrics.replicaReads.inc({ target: "replica" });
        try {
          return await query(args);
        } catch (err) {
          if (!isDatabaseUnavailable(err)) throw err;
          gate.markDown(err);
          return onPrimary(primary, model, operation, args);
        }
      },
    },
  }) as unknown as PrismaClient;
  return primary.$extends(readReplicas({ replicas: [guarded] })).$extends({
    query: {
      // The extension leaves raw SQL on the primary (it cannot know a SELECT from a write);
      // every raw query of a module that imports dbRead is a SELECT, so send it along too.
      // Inside a transaction it stays where the transaction is, as the extension does.
      async $queryRaw(params) {
        const { args, query } = params;
        const inTransaction = (params as unknown as { __internalParams?: { transaction?: unknown } })
          .__internalParams?.transaction;
        if (inTransaction || !(args instanceof Prisma.Sql)) return query(args);
        return guarded.$queryRaw(args);
      },
    },
  }) as unknown as PrismaClient;
}

/** After a successful write: this browser reads the primary while a replica may lag behind it. */
export async function markOwnWrite(): Promise<void> {
  if (!process.env.DATABASE_REPLICA_URL) return;
  (await cookies()).set(OWN_WRITE_COOKIE, "1", {
    path: "/",
    maxAge: Math.max(1, Math.ceil(maxLagSeconds())),
    sameSite: "lax",
    httpOnly: true,
  });
}

async function wroteRecently(): Promise<boolean> {
  try {
    return (await cookies()).has(OWN_WRITE_COOKIE);
  } catch (err) {
    // Next's own control flow (prerendering, dynamic bail-outs) carries a digest: let it pass.
    if (typeof err === "object" && err !== null && "digest" in err) throw err;
    return false; // outside a request (the worker, scripts, tests): no user, no own write
  }
}

const globalForReplica = globalThis as unknown as { dbRead?: PrismaClient };

function fromEnv(): PrismaClient {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return db;
  const replica = createPrismaClient(url, PROBE_TIMEOUT_MS, "replica");
  return createReadClient({
    primary: db,
    replica,
    gate: new ReplicaGate(replica, maxLagSeconds()),
    preferPrimary: wroteRecently,
  });
}

/** Reads that may come from the replica; without DATABASE_REPLICA_URL, simply `db`. */
export const dbRead: PrismaClient = globalForReplica.dbRead ?? fromEnv();
if (process.env.NODE_ENV !== "production") globalForReplica.dbRead = dbRead;
