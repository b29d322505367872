import { z } from "zod";

/** A page's stream: a watcher (the hall screen) listens without being listed as present. */
export const liveQuerySchema = z.object({ watch: z.enum(["1"]).optional() });

/** A page tells which case it is on; its key is the one its stream's `hello` gave it. */
export const focusSchema = z.object({
  key: z.string().max(120),
  itemId: z.string().trim().min(1).max(64).nullable(),
});

/** The live parts a page reads again after a change: its cases, or the hall screen's case. */
export const roomQuerySchema = z.object({ view: z.enum(["screen"]).optional() });
