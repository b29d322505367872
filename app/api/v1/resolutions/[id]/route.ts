import { apiHandler, json } from "@/lib/api/handler";
import { ProblemError } from "@/lib/api/problem";
import { apiResolution } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>("READ", async ({ t, principal }, { id }) => {
  const resolution = await apiResolution(principal.actor, id);
  if (!resolution) throw new ProblemError("not-found", t("api.e.notFound"));
  return json(resolution);
});
