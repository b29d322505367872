import { readiness } from "@/lib/observability/health";

export const dynamic = "force-dynamic";

// Readiness for load balancers: 200 when this instance can serve (database, storage, schema
// current), 503 with what is wrong otherwise. Operators' tools read it, so it is in English.
export async function GET() {
  const state = await readiness();
  return Response.json(state, {
    status: state.ready ? 200 : 503,
    headers: state.ready
      ? { "cache-control": "no-store" }
      : { "cache-control": "no-store", "Retry-After": "10" },
  });
}
