// What travels on the live channel (PostgreSQL NOTIFY, then server-sent events). Plain data
// shared by the server and the browser: no secrets, no record contents — a page that hears of
// a change reads the records again through its own authorised queries.

/** Which of a session's records changed. */
export type ChangeKind = "resolution" | "outcome" | "attendance" | "agenda" | "screen";

export type LiveChange = {
  type: "change";
  meetingId: string;
  what: ChangeKind;
  /** The agenda item concerned, when there is one. */
  itemId?: string | null;
  /** Who saved it: their own page needs no telling. */
  by: string | null;
};

/** One open session page: who, and which case they are on. */
export type Presence = {
  /** `<userId>:<random>`, one per open page (a person may have two tabs). */
  key: string;
  userId: string;
  name: string;
  itemId: string | null;
};

export type LiveMessage =
  | LiveChange
  | ({ type: "presence"; meetingId: string } & Presence)
  | { type: "leave"; meetingId: string; key: string }
  /** A new listener asks every instance to announce the pages it holds. */
  | { type: "roll-call"; meetingId: string };

export const LIVE_CHANNEL = "tashil_live";

export function parseLiveMessage(payload: string | undefined): LiveMessage | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return null;
    const message = value as { type?: unknown; meetingId?: unknown };
    if (typeof message.meetingId !== "string") return null;
    if (!["change", "presence", "leave", "roll-call"].includes(String(message.type))) return null;
    return value as LiveMessage;
  } catch {
    return null;
  }
}
