import { apiHandler, methodNotAllowed, json } from "@/lib/api/handler";
import { apiIntakeCounts } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

// Issue #32: how many units' own requests wait for intake, per province; counts only.
export const GET = apiHandler("READ", async ({ principal }) => json(await apiIntakeCounts(principal.actor)));

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
