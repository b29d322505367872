import { apiHandler, json, parseQuery } from "@/lib/api/handler";
import { apiObstacles } from "@/lib/api/resources";
import { obstacleQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiHandler("READ", async ({ url, t, principal }) =>
  json(await apiObstacles(principal.actor, parseQuery(obstacleQuerySchema, url, t), t)),
);
