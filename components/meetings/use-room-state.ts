"use client";
import { useEffect, useRef, useState } from "react";
import type { AgendaItemView, RoomState } from "@/lib/meetings/types";
import { useLatestRead, type ChangeHandler } from "@/components/live/use-live-session";

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
    await read();
    // A resolution shows only in the parts patched here. An outcome or an agenda change also
    // shows in the agenda tab, drawn on the server with each item's version: that follows.
    return change.what === "resolution" ? "patched" : "refresh";
  };
  return { ...current, onChange };
}
