import { databaseLatency } from "@/lib/observability/health";

export const dynamic = "force-dynamic";

// For load balancers and monitoring: 200 when the database answers, 503 otherwise.
// Messages are in English: the readers are operators' tools, not end users.
export async function GET() {
  const latencyMs = await databaseLatency();
  if (latencyMs !== null) return Response.json({ status: "ok", database: "reachable", latencyMs });
  return Response.json(
    {
      status: "unavailable",
      database: "unreachable",
      message: "The database is not reachable; check DATABASE_URL and that PostgreSQL is running.",
    },
    { status: 503, headers: { "Retry-After": "10" } },
  );
}
