import { apiUnits } from "@/lib/api/resources";
import { unitQuerySchema } from "@/lib/api/schema";
import { readOnlyCollection } from "../collection";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = readOnlyCollection(unitQuerySchema, apiUnits);
