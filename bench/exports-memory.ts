// Where an export's memory goes, in one process, without HTTP: the national register written
// to a sink that throws the bytes away, with the resident memory (RSS) and V8's heap sampled
// every 10 ms. "Above idle" is the peak minus the RSS just before the first row is read.
// Complements bench/exports.ts (the same export over HTTP from a production server).
//
//   BENCH_DATABASE_URL=postgresql://…/<a database filled by db:seed:large> \
//     npm run bench:exports:memory -- [rows|csv|xlsx] [resolutions|units|obstacles]
import { Writable } from "node:stream";
import type { Actor } from "../lib/auth/policy";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("set BENCH_DATABASE_URL to a database filled by npm run db:seed:large");
process.env.DATABASE_URL = url;
const mode = (process.argv[2] ?? "xlsx") as "rows" | "csv" | "xlsx";
const kind = (process.argv[3] ?? "resolutions") as "resolutions" | "units" | "obstacles";

const { buildExport } = await import("../lib/exports/kinds");
const { writeTable } = await import("../lib/exports/jobs");
const { db } = await import("../lib/db");

// A national viewer: every province, read-only.
const actor: Actor = { id: "bench", roles: ["MEMBER"], provinceId: null, agencyId: null };
const exp = buildExport(kind, actor, {}, "fa");
await exp.count(); // connects and warms the pool, so the baseline includes them

let bytes = 0;
const sink = new Writable({
  highWaterMark: 64 * 1024,
  write(chunk: Buffer, _enc, done) {
    bytes += chunk.length;
    // As slow as a fast network: the writer must wait for room, as it does for a socket.
    setImmediate(done);
  },
});

const mb = (n: number) => Math.round(n / 1048576);
const idle = process.memoryUsage();
let peakRss = idle.rss;
let peakHeap = idle.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 10);

const started = performance.now();
let rows = 0;
if (mode === "rows") {
  for await (const batch of exp.table().batches) rows += batch.length;
} else {
  rows = await writeTable(sink, exp.table(), mode);
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
console.log(
  `${kind} ${mode}: ${rows} rows, ${mb(bytes)} MB out, ${seconds.toFixed(1)} s; ` +
    `RSS idle ${mb(idle.rss)} MB, peak ${mb(peakRss)} MB (+${mb(peakRss - idle.rss)} MB); ` +
    `heap used idle ${mb(idle.heapUsed)} MB, peak ${mb(peakHeap)} MB`,
);
await db.$disconnect();
