import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { figuresWatch } from "@/lib/dashboard/changes";

// Dashboard figures aggregate a province's (or the country's) resolutions, sessions and
// attendance: 50–150 ms of PostgreSQL work for a province of 20,000 resolutions, 0.3–1 s
// nationally, for numbers that change a few times an hour. They are kept in this process:
// - until PostgreSQL says the province changed (lib/dashboard/changes.ts: triggers NOTIFY each
//   committed change; docs/decisions/130-figures-kept-until-changed.md), so a clerk who
//   verifies a resolution sees it counted on the next page;
// - a national viewer's whole-country figures also for up to NATIONAL_CACHE_SECONDS (default
//   60; 0 turns it off) even when some province changed, because across 31 provinces
//   something changes every few seconds (docs/decisions/124-national-figures-kept-a-minute.md).
// Concurrent requests for the same figures share one computation. Nothing is kept while the
// instance is not listening for changes, or when FIGURES_CACHE=off.

const MAX_ENTRIES = 100;
/** Unread figures are let go after this long, whether or not they changed. */
const MAX_AGE_MS = 10 * 60_000;
type Entry = { at: number; version: string; value: Promise<unknown> };
const entries = new Map<string, Entry>();

const nationalTtlMs = () => {
  const seconds = Number(process.env.NATIONAL_CACHE_SECONDS ?? 60);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

/**
 * With a read replica, figures computed just after a change may not contain it yet; they are
 * not kept until the replica has had time to catch up (REPLICA_MAX_LAG_SECONDS).
 */
const settleMs = () =>
  process.env.DATABASE_REPLICA_URL ? Number(process.env.REPLICA_MAX_LAG_SECONDS ?? 10) * 1000 : 0;

/**
 * `load()`, or the answer kept for the same `key` and the actor's scope (a province, or the
 * country for a national viewer) while that scope has not changed since. A failed load is
 * not kept.
 */
export function keptFigures<T>(
  actor: Pick<Actor, "provinceId">,
  key: unknown,
  load: () => Promise<T>,
  /**
   * "changes": kept only while unchanged, also for a national viewer — for a list's total,
   * which must match the rows read beside it.
   */
  keep: "changes" | "changes-or-a-minute" = "changes-or-a-minute",
): Promise<T> {
  if (process.env.FIGURES_CACHE === "off") return load();
  const watch = figuresWatch();
  const version = watch.version(actor.provinceId);
  if (version === null) return load();
  const id = JSON.stringify([actor.provinceId, key]);
  const now = Date.now();
  const hit = entries.get(id);
  const ttl = actor.provinceId === null && keep === "changes-or-a-minute" ? nationalTtlMs() : 0;
  if (hit && (hit.version === version || now - hit.at < ttl)) return hit.value as Promise<T>;
  const value = load();
  entries.delete(id); // re-inserted at the end: the Map stays in age order
  if (watch.sinceChange(actor.provinceId) >= settleMs()) {
    entries.set(id, { at: now, version, value });
    value.catch(() => entries.delete(id));
  }
  // Oldest first (a Map keeps insertion order): drop what is too old, then what is over the cap.
  for (const [k, e] of entries) {
    if (entries.size <= MAX_ENTRIES && now - e.at < MAX_AGE_MS) break;
    entries.delete(k);
  }
  return value;
}

/**
 * A write of this instance committed (lib/action.ts): its own province's kept figures are
 * stale at once, before PostgreSQL's notice arrives — the page the writer is sent to next is
 * often drawn in the same request. A national writer's change may be anywhere.
 */
export function wroteNow(provinceId: string | null): void {
  figuresWatch().heard(provinceId ?? "*");
}
