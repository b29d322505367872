import { apiHandler, methodNotAllowed, json } from "@/lib/api/handler";
import { postReport } from "@/lib/api/reports";

export const dynamic = "force-dynamic";

export const POST = apiHandler<{ id: string }>("REPORT", async (ctx, { id }) => {
  const { resolution, replayed } = await postReport(ctx, id);
  if (!replayed) return json(resolution, 201);
  // The first POST with this Idempotency-Key did the work; this one created nothing.
  const response = json(resolution, 200);
  response.headers.set("idempotent-replayed", "true");
  return response;
});

// Any other method: a problem+json 405 naming the ones this address answers.
export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
