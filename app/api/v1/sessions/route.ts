import { apiHandler, json, parseQuery } from "@/lib/api/handler";
import { apiSessions } from "@/lib/api/resources";
import { sessionQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler("READ", async ({ url, t, principal }) =>
  json(await apiSessions(principal.actor, parseQuery(sessionQuerySchema, url, t), t)),
);
