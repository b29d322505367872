import { apiResolutions } from "@/lib/api/resources";
import { resolutionQuerySchema } from "@/lib/api/schema";
import { readOnlyCollection } from "../collection";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = readOnlyCollection(resolutionQuerySchema, apiResolutions);
