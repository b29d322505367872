"use client";
import { useLiveSession } from "@/components/live/use-live-session";

/** The hall screen listens (without being listed as present) and redraws on every save. */
export function ScreenLive({ meetingId }: { meetingId: string }) {
  useLiveSession(meetingId, { watch: true });
  return null;
}
