import type { ResolutionView } from "./types";

/** What the entry screen needs of a draft to merge it with the server's list. */
export type MergeableDraft = {
  key: string;
  id: string | null;
  text: string;
  state: "saved" | "unsaved" | "saving" | "failed";
};

/**
 * A unit's resolutions as the entry screen shows them after the page was read again (another
 * clerk saved, the live stream said so): the server's list in its order, except that a
 * resolution this clerk is editing keeps their edit, and their new drafts — typed, not yet
 * saved — stay at the end. A saved resolution deleted elsewhere disappears; one being edited
 * here stays, and its save will say it is gone.
 */
export function mergeDrafts<D extends MergeableDraft>(
  local: readonly D[],
  server: readonly ResolutionView[],
  fromServer: (resolution: ResolutionView, key?: string) => D,
): D[] {
  const editing = (d: D) => d.state !== "saved";
  const byId = new Map(local.filter((d) => d.id !== null).map((d) => [d.id, d]));
  // A new draft whose save is in flight may already be in the server's list; it gets its id
  // when the answer arrives. Until then, show it once.
  const inFlight = new Set(local.filter((d) => d.id === null && d.state === "saving").map((d) => d.text));
  const merged = server.flatMap((r) => {
    const mine = byId.get(r.id);
    if (mine && editing(mine)) return [mine];
    if (!mine && inFlight.has(r.text)) return [];
    return [fromServer(r, mine?.key)];
  });
  const serverIds = new Set(server.map((r) => r.id));
  const orphans = local.filter((d) => d.id !== null && !serverIds.has(d.id) && editing(d));
  return [...merged, ...orphans, ...local.filter((d) => d.id === null)];
}
