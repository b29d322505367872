import { apiHandler, methodNotAllowed, json, parseQuery } from "@/lib/api/handler";
import { apiUnits } from "@/lib/api/resources";
import { unitQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler("READ", async ({ url, t, principal }) =>
  json(await apiUnits(principal.actor, parseQuery(unitQuerySchema, url, t), t)),
);

// Any other method: a problem+json 405 naming the ones this address answers.
export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
