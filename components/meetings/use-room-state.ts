"use client";
import { createContext, useEffect, useRef, useState } from "react";
import type { AgendaItemView, RoomState } from "@/lib/meetings/types";
import { useLatestRead, type ChangeHandler } from "@/components/live/use-live-session";

/**
 * The session's cases as last heard, for the parts of the room drawn on the server (the agenda
 * tab's editor): they read them from here, patched, rather than from their own props.
 */
export const RoomItems = createContext<AgendaItemView[] | null>(null);

const sameCases = (a: AgendaItemView[], b: AgendaItemView[]) =>
  a.length === b.length && a.every((item) => b.some((other) => other.id === item.id));

/**
 * The session's cases as last heard: the page's props, patched in place when another clerk
 * saves (decision 084). A refreshed page's props win over any patch made before them — they
 * were read after it.
 */
export function useRoomState(
  meetingId: string,
  items: AgendaItemView[],
  screenItemId: string | null,
): RoomState & { onChange: ChangeHandler } {
  const [patched, setPatched] = useState<{ over: RoomState; state: RoomState } | null>(null);
  const drawn = useRef<RoomState>({ items, screenItemId });
  useEffect(() => {
    drawn.current = { items, screenItemId };
  }, [items, screenItemId]);
  const current =
    patched && patched.over.items === items && patched.over.screenItemId === screenItemId
      ? patched.state
      : { items, screenItemId };
  const shown = useRef(current.items);
  useEffect(() => {
    shown.current = current.items;
  }, [current.items]);
  const patch = (change: (state: RoomState) => RoomState) =>
    setPatched((prev) => {
      const over = drawn.current;
      const base = prev && prev.over === over ? prev.state : over;
      return { over, state: change(base) };
    });
  const read = useLatestRead<RoomState>(`/api/meetings/${meetingId}/room`, (state) => patch(() => state));
  const onChange: ChangeHandler = async (change) => {
    // The hall screen moved: the event says where to, nothing to read.
    if (change.what === "screen") {
      patch((state) => ({ ...state, screenItemId: change.itemId }));
      return "patched";
    }
    // The attendance grid is drawn on the server with each row's version: read the page again.
    if (change.what === "attendance") return "refresh";
    const before = shown.current;
    const state = await read();
    // A resolution, an outcome, a presenter or a new order shows only in the parts patched here
    // (the agenda editor reads RoomItems). A case added or removed also changes the agenda
    // tab's eligible cases and proposed invitees, drawn on the server: the page follows.
    return state && !sameCases(before, state.items) ? "refresh" : "patched";
  };
  return { ...current, onChange };
}
