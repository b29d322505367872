import { apiSessions } from "@/lib/api/resources";
import { sessionQuerySchema } from "@/lib/api/schema";
import { readOnlyCollection } from "../collection";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = readOnlyCollection(sessionQuerySchema, apiSessions);
