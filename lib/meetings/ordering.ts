import "server-only";
import type { Tx } from "@/lib/db";

// Numbers within one session — resolution numbers (1, 2, 3… in the minutes) and agenda
// positions — stay unique and without gaps however many clerks save at once. New rows are
// numbered by the database (triggers "Resolution_sequence" and "AgendaItem_position", which
// insert 0 as max + 1); the unique indexes on (meetingId, sequence) and (meetingId, position)
// are the net. Whoever renumbers takes the same per-session lock as those triggers, so a row
// inserted meanwhile waits and then counts from the new numbers (docs/decisions/080).

type OrderKind = "resolution" | "agenda";

/** Held until the transaction ends; the triggers take the same one (same SQL function). */
export async function lockSessionOrder(tx: Tx, kind: OrderKind, meetingId: string): Promise<void> {
  await tx.$executeRaw`SELECT tashil_session_order_lock(${kind}, ${meetingId})`;
}

/**
 * After a resolution is deleted from a session whose minutes are still open, the later ones
 * move down one so the minutes read 1..n. Two steps so the unique index never sees two rows on
 * one number mid-way: park the moving rows on negative numbers, then give each its place.
 */
export async function closeResolutionGap(tx: Tx, meetingId: string, removed: number): Promise<void> {
  await lockSessionOrder(tx, "resolution", meetingId);
  await tx.$executeRaw`UPDATE "Resolution" SET "sequence" = -"sequence"
    WHERE "meetingId" = ${meetingId} AND "sequence" > ${removed}`;
  await tx.$executeRaw`UPDATE "Resolution" SET "sequence" = -"sequence" - 1
    WHERE "meetingId" = ${meetingId} AND "sequence" < 0`;
}

/**
 * Puts a session's agenda in the given order as positions 1..n (the caller holds the agenda
 * lock and names every item). Parks the moving items first, as above.
 */
export async function arrangeAgenda(
  tx: Tx,
  current: { id: string; position: number }[],
  order: string[],
): Promise<void> {
  const moving = order.flatMap((id, index) => {
    const item = current.find((i) => i.id === id);
    return item && item.position !== index + 1 ? [{ id, to: index + 1 }] : [];
  });
  for (const [index, move] of moving.entries())
    await tx.agendaItem.update({ where: { id: move.id }, data: { position: -(index + 1) } });
  for (const move of moving)
    await tx.agendaItem.update({ where: { id: move.id }, data: { position: move.to } });
}
