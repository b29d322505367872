import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { translator, type Locale } from "@/lib/i18n/messages";
import { getMeeting, getMeetingRef } from "./queries";
import { hallScreenView, type HallScreenState } from "./screen-view";
import type { RoomState } from "./types";
import { agendaItemViews } from "./views";

// What a live session page patches in when it hears of a change (decision 084): the same
// views its server components draw, read through the same authorised query, for the one
// session — instead of the whole page again (history, eligible cases, agency pickers,
// follow-up), which is what made a change take seconds to show.

/**
 * The session's cases as its page shows them to this reader; null when the reader may not
 * read the session (another province) — exactly when the page answers 404.
 */
export async function roomState(actor: Actor, meetingId: string, locale: Locale): Promise<RoomState | null> {
  const ref = await getMeetingRef(actor, meetingId);
  if (!ref || !can(actor, "case.read", { provinceId: ref.provinceId })) return null;
  const meeting = await getMeeting(actor, ref.id);
  if (!meeting) return null;
  return { items: agendaItemViews(meeting, locale), screenItemId: meeting.screenItemId };
}

/** The hall screen's case; null for whoever may not open the screen (`meeting.screen`). */
export async function hallScreenState(actor: Actor, meetingId: string): Promise<HallScreenState | null> {
  const ref = await getMeetingRef(actor, meetingId);
  if (!ref || !can(actor, "meeting.screen", { provinceId: ref.provinceId })) return null;
  const meeting = await getMeeting(actor, ref.id);
  if (!meeting) return null;
  return hallScreenView(meeting, translator("fa"));
}
