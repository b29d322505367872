import { mayReadMetrics, METRICS_CONTENT_TYPE, metricsText } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

// Prometheus scrapes each instance here (docs/deploy.md, "Metrics and alerts").
export async function GET(request: Request) {
  if (!mayReadMetrics(request.headers)) return new Response(null, { status: 404 });
  return new Response(await metricsText(), {
    headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
