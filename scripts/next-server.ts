// How every production Next server of Tashil starts: `npm start`, the cluster, the e2e web
// server and the benchmarks use these arguments, and docs/deploy.md's systemd unit repeats
// them, so what is measured is what runs.
//
// `--max-semi-space-size=16` caps V8's young generation at 16 MB per semi-space, the default
// of Node 20 and 22. Node 24 sizes it from the heap limit instead — 64 MB on a machine with
// 16 GB or more — and a long export, allocating a few GB of short-lived rows and XML,
// touches all of it: up to 128 MB of resident memory before a single byte is kept, more
// than the whole budget of an export (issue #21; docs/decisions/063-export-memory.md).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=16"];

/** `node` arguments for `next start` (or `next dev`) on `port`. */
export function nextServerArgs(port: number | string, mode: "start" | "dev" = "start"): string[] {
  return [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", mode, "-p", String(port)];
}
