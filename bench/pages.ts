// `npm run bench`: what users wait for, measured over HTTP on a production build.
//
// Builds once (or reuses a build newer than the sources), starts `next start` against a
// demo-size and a national-size database, signs in through the real login (Auth.js'
// credentials callback) as a provincial secretariat, an agency user and a national viewer,
// and times every page at one connection and at 20 connections. Each page is timed in turns
// with an empty force-dynamic route (/bench/empty) in the same run, so the figures are
// ratios that survive a shared, noisy machine. Also: each page's HTML size, its first-load
// JavaScript (every <script src> of the page, gzipped), and the server's memory under load.
// Prints one table; asserts nothing (the targets are marked ✓/✗ and discussed in
// docs/performance.md).
//
// Databases (on BENCH_DATABASE_URL's server, else DATABASE_URL's, else the embedded one):
//   <prefix>_demo   migrations + demo seed
//   <prefix>_large  migrations + demo seed + `db:seed:large` (a big province lgp0 and the
//                   bench-*@tashil.bench accounts in it)
// with prefix BENCH_DB_PREFIX (default tashil_bench). Each is created and seeded only when
// missing, so the heavy one is made once and reused.
// Other knobs: BENCH_PORT (first of two ports, default 3151), BENCH_SIZES=demo,large,
// BENCH_SAMPLES (one-connection samples, default 7), BENCH_ROUNDS (rounds of 20, default 2),
// BENCH_ONLY (substring of the page paths to time), BENCH_SKIP_BUILD=1.
import { readFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { buildIsCurrent } from "../scripts/build-freshness";
import { runOrFail } from "../scripts/process";
import { prepareDatabase, query, signIn, startServer, stopDatabaseServer, waitUp } from "./harness";

const PREFIX = process.env.BENCH_DB_PREFIX ?? "tashil_bench";
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3151);
const SIZES = (process.env.BENCH_SIZES ?? "demo,large").split(",") as ("demo" | "large")[];
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = 20;
const ONLY = process.env.BENCH_ONLY;
const EMPTY = "/bench/empty";

type Viewer = "provincial" | "agency" | "national";
const LIMIT: Record<Viewer, number> = { provincial: 3, agency: 3, national: 5 };
const TARGET = { html: 250 * 1024, js: 170 * 1024, memory: 600 * 1024 * 1024, growth: 1.5 };

// ---------------------------------------------------------------- databases and build

// ---------------------------------------------------------------- the server

/** Resident memory of the server and every process under it, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}

// ---------------------------------------------------------------- HTTP

async function get(
  base: string,
  path: string,
  cookie: string,
): Promise<{ ms: number; body: string; status: number }> {
  const t0 = performance.now();
  const r = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await r.text();
  return { ms: performance.now() - t0, body, status: r.status };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
};

/** One connection: the page and the empty route in turns (A B A B …), medians of each. */
async function oneConnection(base: string, path: string, cookie: string) {
  const page: number[] = [];
  const empty: number[] = [];
  await get(base, path, cookie);
  await get(base, EMPTY, cookie);
  for (let i = 0; i < SAMPLES; i++) {
    page.push((await get(base, path, cookie)).ms);
    empty.push((await get(base, EMPTY, cookie)).ms);
  }
  return { page: median(page), empty: median(empty) };
}

/** 20 connections: ROUNDS × 20 requests of the page, then as many of the empty route. */
async function manyConnections(base: string, path: string, cookie: string, pid: number) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 100);
  const burst = async (p: string) => {
    const times: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; i < ROUNDS; i++) times.push((await get(base, p, cookie)).ms);
      }),
    );
    return { median: median(times), rps: times.length / ((performance.now() - t0) / 1000) };
  };
  const page = await burst(path);
  const empty = await burst(EMPTY);
  clearInterval(sampler);
  return { page, empty, peak };
}

const jsCache = new Map<string, number>();
/**
 * Gzipped bytes of every script a modern browser loads at first: the page's <script src>s,
 * except `noModule` polyfills (only browsers without ES modules fetch those).
 */
async function firstLoadJs(base: string, html: string): Promise<number> {
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter(
    (m) => !/nomodule/i.test(m[0]),
  );
  const srcs = [...new Set(tags.map((m) => m[1] ?? ""))];
  let total = 0;
  for (const src of srcs) {
    if (!jsCache.has(src)) {
      const r = await fetch(new URL(src, base));
      jsCache.set(src, gzipSync(Buffer.from(await r.arrayBuffer())).length);
    }
    total += jsCache.get(src) ?? 0;
  }
  return total;
}

// ---------------------------------------------------------------- what to time

type Target = { viewer: Viewer; email: string; pages: { label: string; path: string }[] };

async function targets(url: string, size: "demo" | "large"): Promise<Target[]> {
  const big = size === "large";
  const one = async (sql: string, params: unknown[] = []) =>
    (await query<{ v: string }>(url, sql, params))[0]?.v ?? "none";
  const provinceOf = big
    ? "lgp0"
    : await one(`select "provinceId" as v from "User" where email = 'secretariat@tashil.demo'`);
  const agencyEmail = big ? "bench-agency@tashil.bench" : "bank@tashil.demo";
  const agencyId = await one(`select "agencyId" as v from "User" where email = $1`, [agencyEmail]);
  // The busiest records: the unit with most resolutions, its resolution, the largest session.
  const unit = (scope: string, params: unknown[]) =>
    one(
      `select u.id as v from "ProductionUnit" u join "Resolution" r on r."unitId" = u.id ${scope}
       group by u.id order by count(*) desc, u.id limit 1`,
      params,
    );
  const resolution = (scope: string, params: unknown[]) =>
    one(`select r.id as v from "Resolution" r ${scope} order by r."createdAt" desc, r.id limit 1`, params);
  const meeting = (scope: string, params: unknown[]) =>
    one(
      `select r."meetingId" as v from "Resolution" r ${scope} group by 1 order by count(*) desc, 1 limit 1`,
      params,
    );
  const lastPage = async (scope: string, params: unknown[]) =>
    Math.max(
      1,
      Math.ceil(
        Number(
          await one(
            `select count(*)::text as v from "ProductionUnit" u where "archivedAt" is null ${scope}`,
            params,
          ),
        ) / 25,
      ),
    );
  const inProvince = [`where r."provinceId" = $1`, [provinceOf]] as const;
  const ofAgency = [`where r."responsibleAgencyId" = $1`, [agencyId]] as const;
  const everywhere = [``, []] as const;
  const casePages = async (scope: readonly [string, readonly unknown[]], unitScope: [string, unknown[]]) => [
    { label: "dashboard", path: "/dashboard" },
    { label: "units", path: "/units" },
    { label: "units, last page", path: `/units?page=${await lastPage(...unitScope)}` },
    { label: "unit page", path: `/units/${await unit(scope[0], [...scope[1]])}` },
    { label: "obstacles", path: "/obstacles" },
    { label: "resolutions", path: "/resolutions" },
    { label: "resolution page", path: `/resolutions/${await resolution(scope[0], [...scope[1]])}` },
    { label: "sessions", path: "/meetings" },
    { label: "session page", path: `/meetings/${await meeting(scope[0], [...scope[1]])}` },
    { label: "search", path: `/search?q=${encodeURIComponent("شماره ۱۲")}` },
  ];
  const provincial = await casePages(inProvince, [`and u."provinceId" = $1`, [provinceOf]]);
  const national = [
    ...(await casePages(everywhere, ["", []])).filter((p) => p.label !== "dashboard"),
    { label: "dashboard", path: "/dashboard" },
    { label: "provinces", path: "/provinces" },
  ];
  const agency = [
    { label: "agency inbox", path: "/agency" },
    { label: "resolutions", path: "/resolutions" },
    { label: "resolution page", path: `/resolutions/${await resolution(ofAgency[0], [...ofAgency[1]])}` },
  ];
  return [
    {
      viewer: "provincial",
      email: big ? "bench-secretariat@tashil.bench" : "secretariat@tashil.demo",
      pages: provincial,
    },
    { viewer: "agency", email: agencyEmail, pages: agency },
    { viewer: "national", email: "national@tashil.demo", pages: national },
  ];
}

// ---------------------------------------------------------------- run

type Row = {
  size: string;
  viewer: Viewer;
  label: string;
  path: string;
  status: number;
  /** The first request of the page in this server's life: nothing cached or warmed for it. */
  cold: number;
  html: number;
  js: number;
  one: { page: number; empty: number };
  many: { page: { median: number; rps: number }; empty: { median: number; rps: number }; peak: number };
};

if (process.env.BENCH_SKIP_BUILD !== "1") {
  if (!buildIsCurrent()) await runOrFail("next", ["build"], {});
  else console.log("[bench] reusing the build in .next (newer than every source)");
}

const rows: Row[] = [];
const memory: Record<string, number> = {};
const loads: string[] = [];
try {
  for (const [i, size] of SIZES.entries()) {
    const url = await prepareDatabase(PREFIX, size);
    const port = FIRST_PORT + i;
    const base = `http://127.0.0.1:${port}`;
    const child = startServer(url, port);
    try {
      await waitUp(base, EMPTY);
      loads.push(
        `${size}: load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")} at start`,
      );
      for (const target of await targets(url, size)) {
        const cookie = await signIn(base, target.email);
        for (const p of target.pages) {
          if (ONLY && !p.path.includes(ONLY) && !p.label.includes(ONLY)) continue;
          const first = await get(base, p.path, cookie);
          const js = await firstLoadJs(base, first.body);
          const one = await oneConnection(base, p.path, cookie);
          const many = await manyConnections(base, p.path, cookie, child.pid ?? 0);
          memory[size] = Math.max(memory[size] ?? 0, many.peak);
          const row: Row = {
            size,
            viewer: target.viewer,
            label: p.label,
            path: p.path,
            status: first.status,
            cold: first.ms,
            html: Buffer.byteLength(first.body),
            js,
            one,
            many,
          };
          rows.push(row);
          console.log(
            `[bench] ${size} ${target.viewer} ${p.label}: ${one.page.toFixed(0)} ms (${(one.page / one.empty).toFixed(1)}×), ${(row.html / 1024).toFixed(0)} KB`,
          );
        }
      }
      loads.push(
        `${size}: load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")} at end`,
      );
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
} finally {
  await stopDatabaseServer();
}

// ---------------------------------------------------------------- the table

const kb = (b: number) => `${(b / 1024).toFixed(0)}`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const out: string[] = [];
out.push(
  `| size | viewer | page | status | cold ms | HTML KB | JS KB gz | 1 conn ms | empty ms | ratio | 20 conn ms | empty ms | ratio | req/s | large/demo |`,
  `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
);
for (const r of rows) {
  const ratio = r.one.page / r.one.empty;
  const demo = rows.find((d) => d.size === "demo" && d.viewer === r.viewer && d.label === r.label);
  const demoRatio = demo ? demo.one.page / demo.one.empty : NaN;
  const growth = r.size === "large" && demo ? ratio / demoRatio : NaN;
  out.push(
    `| ${r.size} | ${r.viewer} | ${r.label} | ${r.status} | ${r.cold.toFixed(0)} | ${kb(r.html)} ${mark(r.html <= TARGET.html)} | ${kb(r.js)} ${mark(r.js <= TARGET.js)} | ${r.one.page.toFixed(0)} | ${r.one.empty.toFixed(0)} | ${ratio.toFixed(1)} ${mark(ratio <= LIMIT[r.viewer])} | ${r.many.page.median.toFixed(0)} | ${r.many.empty.median.toFixed(0)} | ${(r.many.page.median / r.many.empty.median).toFixed(1)} | ${r.many.page.rps.toFixed(0)} | ${Number.isNaN(growth) ? "" : `${growth.toFixed(2)} ${mark(growth <= TARGET.growth)}`} |`,
  );
}
console.log(`\n${out.join("\n")}\n`);
for (const [size, bytes] of Object.entries(memory))
  console.log(
    `server memory under load (${size}): peak ${kb(bytes / 1024)} MB ${mark(bytes <= TARGET.memory)}`,
  );
for (const l of loads) console.log(l);
console.log(
  `targets: 1-connection ratio ≤ 3 (provincial, agency) and ≤ 5 (national); large/demo ≤ ${TARGET.growth} (ratio of ratios); HTML ≤ 250 KB; JS ≤ 170 KB gzip; memory ≤ 600 MB`,
);
process.exit(0);
