import { apiHandler, json, parseQuery } from "@/lib/api/handler";
import { apiUnits } from "@/lib/api/resources";
import { unitQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler("READ", async ({ url, t, principal }) =>
  json(await apiUnits(principal.actor, parseQuery(unitQuerySchema, url, t), t)),
);
