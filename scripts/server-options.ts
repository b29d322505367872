// The web server's Node.js options: one definition for `npm start`, the cluster, the
// end-to-end tests and the benchmarks, so what is measured is what is deployed
// (docs/decisions/131-server-heap-limit.md).
//
// V8 grows its old generation towards a limit derived from the machine's memory (several GB
// here) and collects lazily while far from it: under 20 concurrent page loads a server that
// holds ~250 MB of live data went to 616–738 MB resident. With the old generation capped at
// SERVER_HEAP_MB (default 384) it collects sooner and peaked at ~454 MB under the same load,
// with room above the live data of the heaviest request (a streamed national export).

export const DEFAULT_SERVER_HEAP_MB = 384;

/** NODE_OPTIONS for `next start`: the heap limit, then whatever the operator set (which wins). */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SERVER_HEAP_MB ?? String(DEFAULT_SERVER_HEAP_MB);
  const mb = Number(raw);
  // SERVER_HEAP_MB=0 leaves V8's own limit.
  const heap = Number.isInteger(mb) && mb > 0 ? `--max-old-space-size=${mb}` : "";
  return [heap, env.NODE_OPTIONS ?? ""].filter(Boolean).join(" ");
}
