// `tsx bench/report.ts a.json [b.json …]`: the Markdown table of docs/performance.md from the
// figures `npm run bench` kept with BENCH_JSON (one file per size when sizes ran apart, e.g.
// demo and tenyear on two ports at once). One row per page × viewer, the sizes side by side,
// each figure marked against its target (issue #34); then the target-by-target summary.
import { readFileSync } from "node:fs";

type Row = {
  size: string;
  viewer: "provincial" | "agency" | "applicant" | "national";
  label: string;
  status: number;
  html: number;
  js: number;
  one: { page: number; empty: number };
  many: { page: { p95: number }; empty: { p95: number } };
  cpu: { page: { server: number; db: number; total: number }; empty: { total: number } };
  load: number;
};
type Run = { rows: Row[]; memory: Record<string, number>; loads: string[] };

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, "utf8")) as Run);
const rows = runs.flatMap((r) => r.rows);
const LIMIT = { provincial: 3, agency: 3, applicant: 3, national: 5 } as const;
const T = { html: 250 * 1024, js: 170 * 1024, growth: 1.5, p95: 4, memory: 600 * 1024 * 1024 };
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const ratios = (r: Row) => ({
  cpu: r.cpu.page.total / r.cpu.empty.total,
  wall: r.one.page / r.one.empty,
  p95: r.many.page.p95 / r.many.empty.p95,
});

const sizes = [...new Set(rows.map((r) => r.size))];
const big = sizes.filter((s) => s !== "demo");
const keys = [...new Map(rows.map((r) => [`${r.viewer}|${r.label}`, r])).values()];
const fails: Record<string, string[]> = { cpu: [], wall: [], p95: [], growth: [], html: [], js: [] };

const out: string[] = [];
out.push(
  `| viewer | page | size | CPU ms/req (server + db) | CPU ratio | wall ratio p50 | p95 ratio, 20 conn | growth CPU / wall | HTML KB | JS KB gz | load |`,
  `|---|---|---|---|---|---|---|---|---|---|---|`,
);
for (const k of keys) {
  for (const size of sizes) {
    const r = rows.find((x) => x.size === size && x.viewer === k.viewer && x.label === k.label);
    if (!r) continue;
    const q = ratios(r);
    const limit = LIMIT[r.viewer];
    const demo = rows.find((x) => x.size === "demo" && x.viewer === r.viewer && x.label === r.label);
    const g =
      size !== "demo" && demo ? { cpu: q.cpu / ratios(demo).cpu, wall: q.wall / ratios(demo).wall } : null;
    const name = `${r.viewer} ${r.label} (${size})`;
    // The ratio targets are the ten-year size's (issue #34); demo rows are the baseline.
    if (size !== "demo") {
      if (!(q.cpu <= limit)) fails.cpu?.push(`${name} ${f1(q.cpu)}×`);
      if (!(q.wall <= limit)) fails.wall?.push(`${name} ${f1(q.wall)}×`);
      if (!(q.p95 <= T.p95)) fails.p95?.push(`${name} ${f1(q.p95)}×`);
      if (g && !(g.cpu <= T.growth && g.wall <= T.growth))
        fails.growth?.push(`${name} ${g.cpu.toFixed(2)} / ${g.wall.toFixed(2)}`);
    }
    if (r.html > T.html) fails.html?.push(`${name} ${(r.html / 1024).toFixed(0)} KB`);
    if (r.js > T.js) fails.js?.push(`${name} ${(r.js / 1024).toFixed(0)} KB`);
    out.push(
      `| ${r.viewer} | ${r.label}${r.status === 200 ? "" : ` (${r.status})`} | ${size} | ${r.cpu.page.server.toFixed(1)} + ${r.cpu.page.db.toFixed(1)} | ${f1(q.cpu)} ${mark(q.cpu <= limit)} | ${f1(q.wall)} ${mark(q.wall <= limit)} | ${f1(q.p95)} ${mark(q.p95 <= T.p95)} | ${g ? `${g.cpu.toFixed(2)} ${mark(g.cpu <= T.growth)} / ${g.wall.toFixed(2)} ${mark(g.wall <= T.growth)}` : ""} | ${(r.html / 1024).toFixed(0)} ${mark(r.html <= T.html)} | ${r.js ? `${(r.js / 1024).toFixed(0)} ${mark(r.js <= T.js)}` : "–"} | ${r.load.toFixed(0)} |`,
    );
  }
}
console.log(out.join("\n"));
console.log();
const memory: Record<string, number> = {};
for (const r of runs)
  for (const [size, bytes] of Object.entries(r.memory)) memory[size] = Math.max(memory[size] ?? 0, bytes);
const summary = (label: string, list: string[] | undefined) =>
  `| ${label} | ${list && list.length ? `**not met** (${list.length}): ${list.join("; ")}` : "met"} |`;
console.log(`| target (${big.join(", ")} size) | verdict |`, `\n|---|---|`);
console.log(summary("CPU ratio p50, 1 connection ≤ 3× (≤ 5× national)", fails.cpu));
console.log(summary("wall ratio p50, 1 connection ≤ 3× (≤ 5× national)", fails.wall));
console.log(summary("p95 at 20 connections ≤ 4× the empty route's", fails.p95));
console.log(summary("growth (size/demo) ≤ 1.5, CPU and wall", fails.growth));
console.log(summary("HTML ≤ 250 KB (every size)", fails.html));
console.log(summary("JS ≤ 170 KB gz (every size)", fails.js));
for (const [size, bytes] of Object.entries(memory))
  console.log(
    `| server memory ≤ 600 MB (${size}) | ${bytes <= T.memory ? "met" : "**not met**"}: peak ${(bytes / 1048576).toFixed(0)} MB |`,
  );
console.log();
for (const r of runs) for (const l of r.loads) console.log(`- ${l}`);
