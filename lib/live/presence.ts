import "server-only";
import { db } from "@/lib/db";
import { publishNow } from "./publish";

/**
 * A page moved to another case. Sent on the channel rather than kept here: the page's stream
 * may be held by another instance, which updates its own record when it hears this. False when
 * the case is not on that session's agenda.
 */
export async function announceFocus(
  meetingId: string,
  focus: { key: string; userId: string; name: string; itemId: string | null },
): Promise<boolean> {
  if (focus.itemId !== null && (await db.agendaItem.count({ where: { id: focus.itemId, meetingId } })) !== 1)
    return false;
  await publishNow({ type: "presence", meetingId, ...focus });
  return true;
}
