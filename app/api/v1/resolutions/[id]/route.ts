import { apiHandler, methodNotAllowed, json } from "@/lib/api/handler";
import { ProblemError } from "@/lib/errors";
import { apiResolution } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>("READ", async ({ t, principal }, { id }) => {
  const resolution = await apiResolution(principal.actor, id);
  if (!resolution) throw new ProblemError("not-found", t("api.e.notFound"));
  return json(resolution);
});

// Any other method: a problem+json 405 naming the ones this address answers.
export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
