// The web server's Node.js options: one definition for `npm start`, the cluster, the
// end-to-end tests and the benchmarks, so what is measured is what is deployed
// (docs/decisions/131-server-heap-limit.md).
//
// V8 grows its old generation towards a limit derived from the machine's memory (several GB
// here) and collects lazily while far from it: under 20 concurrent page loads a server that
// holds ~250 MB of live data went to 616–738 MB resident. With the old generation capped at
// SERVER_HEAP_MB (default 384) it collects sooner and peaked at ~454 MB under the same load,
// with room above the live data of the heaviest request (a streamed national export).
//
// The young generation is capped too, at SERVER_SEMI_SPACE_MB (default 16 MB per semi-space,
// Node 20 and 22's size). Node 24 sizes it from the heap limit instead — 64 MB on a machine
// with 16 GB or more — and a long export, allocating a few GB of short-lived rows and XML,
// touches all of it: up to 128 MB resident before a single byte is kept, more than an
// export's whole budget (issue #21; docs/decisions/063-export-memory.md).

export const DEFAULT_SERVER_HEAP_MB = 384;
export const DEFAULT_SERVER_SEMI_SPACE_MB = 16;

/** `--flag=<MB>` from a setting in MB; 0 (or anything but a whole number) leaves V8's own. */
function sizeFlag(flag: string, raw: string): string {
  const mb = Number(raw);
  return Number.isInteger(mb) && mb > 0 ? `${flag}=${mb}` : "";
}

/** NODE_OPTIONS for `next start`: the heap limits, then whatever the operator set (which wins). */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  return [
    sizeFlag("--max-old-space-size", env.SERVER_HEAP_MB ?? String(DEFAULT_SERVER_HEAP_MB)),
    sizeFlag("--max-semi-space-size", env.SERVER_SEMI_SPACE_MB ?? String(DEFAULT_SERVER_SEMI_SPACE_MB)),
    env.NODE_OPTIONS ?? "",
  ]
    .filter(Boolean)
    .join(" ");
}
