import "server-only";
import { db, type Tx } from "@/lib/db";
import { LIVE_CHANNEL, type LiveChange, type LiveMessage } from "./events";

/**
 * Tells every open page of the session that something changed. Called inside the mutation's
 * transaction: PostgreSQL delivers a NOTIFY only when the transaction commits, and never when
 * it rolls back, so nobody hears of a save that did not happen.
 */
export async function publishChange(tx: Tx, change: Omit<LiveChange, "type">): Promise<void> {
  await notify(tx, { type: "change", ...change });
}

/** Presence and roll-calls are not records: sent straight away, outside any transaction. */
export async function publishNow(message: LiveMessage): Promise<void> {
  await notify(db, message);
}

async function notify(client: Pick<Tx, "$executeRaw">, message: LiveMessage): Promise<void> {
  // A NOTIFY payload is limited to 8000 bytes; ours are ids and a display name.
  await client.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
}
