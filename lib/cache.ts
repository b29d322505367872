import "server-only";
import type { Actor } from "@/lib/auth/policy";

// National figures (the provinces' comparison, a national viewer's dashboard) aggregate every
// province's resolutions: 0.3–1 s of PostgreSQL work at national size, for numbers that a
// read-only headquarters reads and that move a few times a day. They are kept in this process
// for NATIONAL_CACHE_SECONDS (default 60; 0 turns it off), and concurrent requests for the same
// figures share one computation (docs/decisions/124-national-figures-kept-a-minute.md).
// Provincial users, who write, always read live figures.

const MAX_ENTRIES = 200;
const entries = new Map<string, { at: number; value: Promise<unknown> }>();

const ttlMs = () => {
  const seconds = Number(process.env.NATIONAL_CACHE_SECONDS ?? 60);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

/**
 * `load()`, or its answer from the last `NATIONAL_CACHE_SECONDS` for the same `key`, when the
 * actor is a national viewer; a provincial actor's figures are always loaded afresh. A failed
 * load is not remembered.
 */
export function nationalFigures<T>(
  actor: Pick<Actor, "provinceId">,
  key: unknown,
  load: () => Promise<T>,
): Promise<T> {
  const ttl = ttlMs();
  if (actor.provinceId !== null || ttl === 0) return load();
  const id = JSON.stringify(key);
  const now = Date.now();
  const hit = entries.get(id);
  if (hit && now - hit.at < ttl) return hit.value as Promise<T>;
  const value = load();
  entries.delete(id); // re-inserted at the end: the Map stays in age order
  entries.set(id, { at: now, value });
  value.catch(() => entries.delete(id));
  // Oldest first (a Map keeps insertion order): drop what expired, then what is over the cap.
  for (const [k, e] of entries) {
    if (entries.size <= MAX_ENTRIES && now - e.at < ttl) break;
    entries.delete(k);
  }
  return value;
}
