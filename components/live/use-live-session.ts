"use client";
import { startTransition, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { Presence } from "@/lib/live/events";

// A session page's ear: the server-sent events of /api/meetings/[id]/live. On any change the
// page's server components are read again (router.refresh()); client state — a resolution
// being typed, attendance rows being marked — is React state or an untouched input and
// survives the refresh.

/** Several saves in a burst become one refresh. */
const REFRESH_DELAY_MS = 150;

export type LiveState = { connected: boolean; people: Presence[]; selfKey: string | null };

export function useLiveSession(
  meetingId: string,
  { itemId = null, watch = false }: { itemId?: string | null; watch?: boolean } = {},
): LiveState {
  const router = useRouter();
  const [state, setState] = useState<LiveState>({ connected: false, people: [], selfKey: null });
  const selfKey = useRef<string | null>(null);
  const currentItem = useRef<string | null>(itemId);

  useEffect(() => {
    const source = new EventSource(`/api/meetings/${meetingId}/live${watch ? "?watch=1" : ""}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let greeted = false;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => startTransition(() => router.refresh()), REFRESH_DELAY_MS);
    };
    source.addEventListener("hello", (e) => {
      const { key } = JSON.parse((e as MessageEvent<string>).data) as { key: string | null };
      selfKey.current = key;
      setState((s) => ({ ...s, connected: true, selfKey: key }));
      // A reconnection: whatever was saved in between is read again.
      if (greeted) refresh();
      greeted = true;
      if (key && currentItem.current) void postFocus(meetingId, key, currentItem.current);
    });
    source.addEventListener("change", refresh);
    source.addEventListener("resync", refresh);
    source.addEventListener("presence", (e) => {
      const people = JSON.parse((e as MessageEvent<string>).data) as Presence[];
      setState((s) => ({ ...s, people }));
    });
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [meetingId, watch, router]);

  useEffect(() => {
    currentItem.current = itemId;
    if (selfKey.current) void postFocus(meetingId, selfKey.current, itemId);
  }, [meetingId, itemId]);

  return state;
}

async function postFocus(meetingId: string, key: string, itemId: string | null) {
  try {
    await fetch(`/api/meetings/${meetingId}/live`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key, itemId }),
    });
  } catch {
    // Presence is a courtesy: a lost update is corrected by the next move.
  }
}
