// A read-only collection of the public API (units, obstacles, sessions, resolutions): GET reads
// one page with the query its schema allows (lib/api/schema.ts); any other method is a
// problem+json 405 naming the ones the address answers. Not a route itself: each collection's
// route.ts exports what this returns.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import type { Translate } from "@/lib/i18n/messages";
import { apiHandler, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";

export function readOnlyCollection<S extends z.ZodType>(
  schema: S,
  read: (actor: Actor, query: z.infer<S>, t: Translate) => Promise<unknown>,
) {
  return {
    GET: apiHandler("READ", async ({ url, t, principal }) =>
      json(await read(principal.actor, parseQuery(schema, url, t), t)),
    ),
    POST: methodNotAllowed("GET"),
    PUT: methodNotAllowed("GET"),
    PATCH: methodNotAllowed("GET"),
    DELETE: methodNotAllowed("GET"),
  };
}
