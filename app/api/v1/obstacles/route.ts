import { apiObstacles } from "@/lib/api/resources";
import { obstacleQuerySchema } from "@/lib/api/schema";
import { readOnlyCollection } from "../collection";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = readOnlyCollection(obstacleQuerySchema, apiObstacles);
