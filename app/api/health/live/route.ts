export const dynamic = "force-dynamic";

// Liveness: the process answers. Restart the instance when this fails; take it out of the
// load balancer when /api/health/ready fails.
export function GET() {
  return Response.json({ status: "alive", uptimeSeconds: Math.round(process.uptime()) });
}
