import { apiHandler, json, parseQuery } from "@/lib/api/handler";
import { apiResolutions } from "@/lib/api/resources";
import { resolutionQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler("READ", async ({ url, t, principal }) =>
  json(await apiResolutions(principal.actor, parseQuery(resolutionQuerySchema, url, t), t)),
);
