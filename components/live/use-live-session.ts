"use client";
import { startTransition, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ChangeKind, Presence } from "@/lib/live/events";

// A session page's ear: the server-sent events of /api/meetings/[id]/live. A change is handed
// to the page's `onChange`, which patches what it can in place (it reads the session's cases
// from /api/meetings/[id]/room, decision 084) and says whether the rest of the page must be
// read again; without one, or when patching fails, the page's server components are read
// again (router.refresh()). Client state — a resolution being typed, attendance rows being
// marked — is React state or an untouched input and survives either.

/** Several saves in a burst become one refresh. */
const REFRESH_DELAY_MS = 150;

export type LiveState = { connected: boolean; people: Presence[]; selfKey: string | null };
export type LiveChangeEvent = { what: ChangeKind; itemId: string | null; by: string | null };
/** "patched": nothing more to do; "refresh": patched what it could, read the page again too. */
export type ChangeHandler = (change: LiveChangeEvent) => Promise<"patched" | "refresh">;

export function useLiveSession(
  meetingId: string,
  {
    itemId = null,
    watch = false,
    onChange,
  }: { itemId?: string | null; watch?: boolean; onChange?: ChangeHandler } = {},
): LiveState {
  const router = useRouter();
  const [state, setState] = useState<LiveState>({ connected: false, people: [], selfKey: null });
  const selfKey = useRef<string | null>(null);
  const currentItem = useRef<string | null>(itemId);
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  }, [onChange]);

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
      // A reconnection: whatever was saved in between is read again, the whole page.
      if (greeted) refresh();
      greeted = true;
      if (key && currentItem.current) void postFocus(meetingId, key, currentItem.current);
    });
    source.addEventListener("change", (e) => {
      const patch = handler.current;
      if (!patch) return refresh();
      const change = JSON.parse((e as MessageEvent<string>).data) as LiveChangeEvent;
      patch(change).then(
        (done) => {
          if (done === "refresh") refresh();
        },
        () => refresh(),
      );
    });
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

/**
 * Reads one of the session's live views again and hands it to `apply`, newest request wins: two
 * saves in quick succession must not end with the older answer drawn over the newer one.
 */
export function useLatestRead<T>(url: string, apply: (value: T) => void) {
  const sent = useRef(0);
  const applied = useRef(0);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);
  /** What was read and applied; null when a newer read was applied first. */
  return async (): Promise<T | null> => {
    const n = ++sent.current;
    const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`live read ${response.status}`);
    const value = (await response.json()) as T;
    if (n < applied.current) return null;
    applied.current = n;
    applyRef.current(value);
    return value;
  };
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
