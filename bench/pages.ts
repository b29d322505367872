// `npm run bench`: what users wait for, measured over HTTP on a production build.
//
// Builds once (or reuses a build newer than the sources), starts `next start` against a
// demo-size and a national-size database, signs in through the real login (Auth.js'
// credentials callback) as a provincial secretariat, an agency user and a national viewer,
// and times every page at one connection and at 20 connections. Each page is timed in turns
// with an empty force-dynamic route (/bench/empty) in the same run, so the figures are
// ratios that survive a shared, noisy machine. Beside wall time, the CPU each request costs:
// the server's (utime + stime of `next start` and any process under it, /proc/<pid>/stat)
// plus its PostgreSQL backends' (every backend of the database in pg_stat_activity, read from
// /proc/<pid>/stat: the bench needs the database server on this machine, and nothing else
// connected to the database meanwhile), summed over every
// request of the page and divided by their number, as a ratio to the same for /bench/empty.
// CPU per request hardly depends on how loaded the machine is; wall time does (issue #34).
// Also: each page's HTML size, its first-load JavaScript (every <script src> of the page,
// gzipped), the server's memory under load, and the load average beside every row.
// Prints one table (and BENCH_JSON=<file> keeps every figure); asserts nothing (the targets
// are marked ✓/✗ and discussed in docs/performance.md).
//
// Databases (on BENCH_DATABASE_URL's server, else DATABASE_URL's, else the embedded one):
//   <prefix>_demo   migrations + demo seed
//   <prefix>_large  migrations + demo seed + `db:seed:large` (a big province lgp0 and the
//                   bench-*@tashil.bench accounts in it)
//   <prefix>_tenyear  the same with `db:seed:large -- --years 10` (issue #34's ten years)
// with prefix BENCH_DB_PREFIX (default tashil_bench), or the database BENCH_DB_<SIZE> names
// (BENCH_DB_TENYEAR=tashil_perf_ten: one seeded by hand). Each is created and seeded only when
// missing, so the heavy one is made once and reused.
// Viewers: a provincial secretariat, an agency user, a unit's applicant (signed in with a
// one-time code) and a national viewer. Growth compares each size with demo (ratio of ratios).
// Other knobs: BENCH_PORT (first of three ports, default 3151), BENCH_SIZES=demo,large
// (or demo,tenyear, or all three),
// BENCH_SAMPLES (one-connection samples, default 7), BENCH_ROUNDS (rounds of 20, default 2),
// BENCH_ONLY (substrings of the page paths or labels to time, comma-separated), BENCH_VIEWERS (e.g. agency,applicant),
// BENCH_SKIP_BUILD=1.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { buildIsCurrent } from "../scripts/build-freshness";
import { runOrFail } from "../scripts/process";
import pg from "pg";
import {
  prepareDatabase,
  query,
  signIn,
  startServer,
  stopDatabaseServer,
  waitUp,
  type Size,
} from "./harness";

const PREFIX = process.env.BENCH_DB_PREFIX ?? "tashil_bench";
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3151);
const SIZES = (process.env.BENCH_SIZES ?? "demo,large").split(",") as Size[];
const JSON_OUT = process.env.BENCH_JSON;
const VIEWERS = process.env.BENCH_VIEWERS?.split(",");
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = 20;
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const EMPTY = "/bench/empty";

type Viewer = "provincial" | "agency" | "applicant" | "national";
const LIMIT: Record<Viewer, number> = { provincial: 3, agency: 3, applicant: 3, national: 5 };
const TARGET = { html: 250 * 1024, js: 170 * 1024, memory: 600 * 1024 * 1024, growth: 1.5, p95: 4 };

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

// ---------------------------------------------------------------- CPU

/** USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 a second on Linux). */
const TICK_MS = 10;

/** utime + stime of one process (every thread, living or ended), in ms; 0 once it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm) ": state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The server and every process under it. */
function treePids(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    try {
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // ended meanwhile
    }
  };
  visit(pid);
  return out;
}

type CpuSnapshot = { server: Map<number, number>; db: Map<number, number> };

/**
 * What the server's processes and the database's backends have spent so far. `probe` is the
 * bench's own connection, left out (it only asks pg_stat_activity).
 */
async function cpuSnapshot(serverPid: number, probe: pg.Client): Promise<CpuSnapshot> {
  const server = new Map(treePids(serverPid).map((p) => [p, processCpuMs(p)]));
  const { rows } = await probe.query<{ pid: number }>(
    // Client backends only: autovacuum's workers of a freshly seeded database are not the page's,
    // nor another bench's connections that say so (application_name=bench:… in their URL).
    `select pid from pg_stat_activity
     where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
       and application_name not like 'bench:%'`,
  );
  const db = new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
  return { server, db };
}

/** CPU ms spent between two snapshots; a process born meanwhile counts whole. */
function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const sum = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((t, [pid, ms]) => t + Math.max(0, ms - (before.get(pid) ?? 0)), 0);
  return { server: sum(a.server, b.server), db: sum(a.db, b.db) };
}

class CpuTally {
  server = 0;
  db = 0;
  requests = 0;
  add(d: { server: number; db: number }, requests: number) {
    this.server += d.server;
    this.db += d.db;
    this.requests += requests;
  }
  /** ms per request: server, database, both. */
  get perRequest() {
    const n = Math.max(1, this.requests);
    return { server: this.server / n, db: this.db / n, total: (this.server + this.db) / n };
  }
}

// ---------------------------------------------------------------- HTTP

let clientNumber = 0;
async function get(
  base: string,
  path: string,
  cookie: string,
): Promise<{ ms: number; body: string; status: number }> {
  const t0 = performance.now();
  // Every /verify lookup from a client of its own (the page is throttled per address).
  clientNumber++;
  const forwarded = `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber & 255}`;
  const r = await fetch(`${base}${path}`, {
    headers: { cookie, "x-forwarded-for": forwarded },
    redirect: "manual",
  });
  const body = await r.text();
  return { ms: performance.now() - t0, body, status: r.status };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0) : 0;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
};

type Meter = { pid: number; probe: pg.Client; page: CpuTally; empty: CpuTally };

/**
 * One connection: the page and the empty route in turns (A B A B …), median and p95 of each;
 * the CPU of every request goes to its route's tally.
 */
async function oneConnection(base: string, path: string, cookie: string, m: Meter) {
  const page: number[] = [];
  const empty: number[] = [];
  await get(base, path, cookie);
  await get(base, EMPTY, cookie);
  let before = await cpuSnapshot(m.pid, m.probe);
  for (let i = 0; i < SAMPLES; i++) {
    page.push((await get(base, path, cookie)).ms);
    const mid = await cpuSnapshot(m.pid, m.probe);
    m.page.add(cpuBetween(before, mid), 1);
    empty.push((await get(base, EMPTY, cookie)).ms);
    before = await cpuSnapshot(m.pid, m.probe);
    m.empty.add(cpuBetween(mid, before), 1);
  }
  return {
    page: median(page),
    empty: median(empty),
    pageP95: quantile(page, 0.95),
    emptyP95: quantile(empty, 0.95),
  };
}

/** 20 connections: ROUNDS × 20 requests of the page, then as many of the empty route. */
async function manyConnections(base: string, path: string, cookie: string, m: Meter) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(m.pid))), 100);
  const burst = async (p: string, tally: CpuTally) => {
    const times: number[] = [];
    const before = await cpuSnapshot(m.pid, m.probe);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; i < ROUNDS; i++) times.push((await get(base, p, cookie)).ms);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    tally.add(cpuBetween(before, await cpuSnapshot(m.pid, m.probe)), times.length);
    return { median: median(times), p95: quantile(times, 0.95), rps: times.length / seconds };
  };
  const page = await burst(path, m.page);
  const empty = await burst(EMPTY, m.empty);
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

type Target = {
  viewer: Viewer;
  email: string;
  /** Applicants sign in with a one-time code written into this database. */
  applicant?: boolean;
  pages: { label: string; path: string }[];
};

async function targets(url: string, size: Size): Promise<Target[]> {
  const big = size !== "demo";
  const one = async (sql: string, params: unknown[] = []) =>
    (await query<{ v: string }>(url, sql, params))[0]?.v ?? "none";
  const provinceOf = big
    ? "lgp0"
    : await one(`select "provinceId" as v from "User" where email = 'secretariat@tashil.demo'`);
  const agencyEmail = big ? "bench-agency@tashil.bench" : "bank@tashil.demo";
  const applicantEmail = big ? "bench-applicant@tashil.bench" : "bench-applicant@tashil.demo";
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
  // Progress: the newest resolution with milestones and the most progress reports among them.
  const withMilestones = (scope: string, params: unknown[]) =>
    one(
      `select r.id as v from "Resolution" r ${scope} ${scope ? "and" : "where"}
         exists (select 1 from "ResolutionMilestone" m where m."resolutionId" = r.id)
       order by (select count(*) from "ProgressReport" p where p."resolutionId" = r.id) desc, r."createdAt" desc, r.id limit 1`,
      params,
    );
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
  const notice = (column: string, id: string) =>
    one(`select id as v from "Notice" where "${column}" = $1 order by "issuedAt" desc, id limit 1`, [id]);
  const letter = await one(
    `select id as v from "Letter" where "provinceId" = $1 order by "issuedAt" desc, id limit 1`,
    [provinceOf],
  );
  const verifyCode = await one(
    `select "verifyCode" as v from "Letter" where "provinceId" = $1 order by "issuedAt" desc, id limit 1`,
    [provinceOf],
  );
  const intakeRequest = await one(
    `select id as v from "UnitRequest" where "provinceId" = $1 and status = 'SUBMITTED' order by "submittedAt", id limit 1`,
    [provinceOf],
  );
  const applicantCase = await one(
    `select q.id as v from "UnitRequest" q join "User" u on u.id = q."applicantId"
     where u.email = $1 and q.status = 'ACCEPTED' order by q.id limit 1`,
    [applicantEmail],
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
    {
      label: "progress (resolution with milestones)",
      path: `/resolutions/${await withMilestones(scope[0], [...scope[1]])}`,
    },
    { label: "sessions", path: "/meetings" },
    { label: "session page", path: `/meetings/${await meeting(scope[0], [...scope[1]])}` },
    { label: "search", path: `/search?q=${encodeURIComponent("شماره ۱۲")}` },
    { label: "notices", path: "/notices" },
  ];
  const provincial = [
    ...(await casePages(inProvince, [`and u."provinceId" = $1`, [provinceOf]])),
    { label: "notice page", path: `/notices/${await notice("provinceId", provinceOf)}` },
    { label: "letter", path: `/letters/${letter}` },
    { label: "verify (public)", path: `/verify/${verifyCode}` },
    { label: "weekly report", path: "/reports/weekly" },
    { label: "money report (.xlsx)", path: "/api/reports/money" },
    { label: "intake", path: "/intake" },
    { label: "intake request", path: `/intake/${intakeRequest}` },
  ];
  const national = [
    ...(await casePages(everywhere, ["", []])).filter((p) => p.label !== "dashboard"),
    { label: "dashboard", path: "/dashboard" },
    { label: "provinces", path: "/provinces" },
  ];
  const agency = [
    { label: "agency inbox", path: "/agency" },
    { label: "resolutions", path: "/resolutions" },
    { label: "resolution page", path: `/resolutions/${await resolution(ofAgency[0], [...ofAgency[1]])}` },
    { label: "notices", path: "/notices" },
    { label: "notice page", path: `/notices/${await notice("agencyId", agencyId)}` },
  ];
  const applicant = [
    { label: "apply", path: "/apply" },
    { label: "my requests", path: "/apply/requests" },
    { label: "case page (accepted request)", path: `/apply/requests/${applicantCase}` },
    { label: "status (public)", path: "/status" },
  ];
  return [
    {
      viewer: "provincial",
      email: big ? "bench-secretariat@tashil.bench" : "secretariat@tashil.demo",
      pages: provincial,
    },
    { viewer: "agency", email: agencyEmail, pages: agency },
    { viewer: "applicant", email: applicantEmail, applicant: true, pages: applicant },
    { viewer: "national", email: "national@tashil.demo", pages: national },
  ];
}

// ---------------------------------------------------------------- run

type Row = {
  size: Size;
  viewer: Viewer;
  label: string;
  path: string;
  status: number;
  /** The first request of the page in this server's life: nothing cached or warmed for it. */
  cold: number;
  html: number;
  js: number;
  one: { page: number; empty: number; pageP95: number; emptyP95: number };
  many: {
    page: { median: number; p95: number; rps: number };
    empty: { median: number; p95: number; rps: number };
    peak: number;
  };
  /** CPU ms per request (server, database, both), of the page and of the empty route. */
  cpu: { page: CpuTally["perRequest"]; empty: CpuTally["perRequest"] };
  /** The 1-minute load average when the page was done. */
  load: number;
};

if (process.env.BENCH_SKIP_BUILD !== "1") {
  if (!buildIsCurrent()) await runOrFail("next", ["build"], {});
  else console.log("[bench] reusing the build in .next (newer than every source)");
}

const rows: Row[] = [];
const memory: Record<string, number> = {};
const loads: string[] = [];
const loadNow = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
try {
  for (const [i, size] of SIZES.entries()) {
    const url = await prepareDatabase(PREFIX, size);
    const port = FIRST_PORT + i;
    const base = `http://127.0.0.1:${port}`;
    const child = startServer(url, port);
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    try {
      await waitUp(base, EMPTY);
      loads.push(`${size}: load average ${loadNow()} at start`);
      for (const target of (await targets(url, size)).filter((t) => !VIEWERS || VIEWERS.includes(t.viewer))) {
        const cookie = await signIn(base, target.email, target.applicant ? url : undefined);
        for (const p of target.pages) {
          if (ONLY && !ONLY.some((o) => p.path.includes(o) || p.label.includes(o))) continue;
          if (p.path.includes("/none")) {
            console.log(`[bench] ${size} ${target.viewer} ${p.label}: nothing of the kind in this database`);
            continue;
          }
          const first = await get(base, p.path, cookie);
          const isHtml = first.body.trimStart().startsWith("<");
          const js = isHtml ? await firstLoadJs(base, first.body) : 0;
          const meter: Meter = { pid: child.pid ?? 0, probe, page: new CpuTally(), empty: new CpuTally() };
          const one = await oneConnection(base, p.path, cookie, meter);
          const many = await manyConnections(base, p.path, cookie, meter);
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
            cpu: { page: meter.page.perRequest, empty: meter.empty.perRequest },
            load: os.loadavg()[0] ?? 0,
          };
          rows.push(row);
          // Kept as it goes: a run cut short still leaves its figures.
          if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ rows, memory, loads }, null, 1));
          console.log(
            `[bench] ${size} ${target.viewer} ${p.label}: ${first.status}, CPU ${row.cpu.page.total.toFixed(1)} ms/req (${(row.cpu.page.total / row.cpu.empty.total).toFixed(1)}×), wall ${one.page.toFixed(0)} ms (${(one.page / one.empty).toFixed(1)}×), ${(row.html / 1024).toFixed(0)} KB, load ${row.load.toFixed(1)}`,
          );
        }
      }
      loads.push(`${size}: load average ${loadNow()} at end`);
    } finally {
      await probe.end();
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
} finally {
  await stopDatabaseServer();
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ rows, memory, loads }, null, 1));

// ---------------------------------------------------------------- the table

const kb = (b: number) => `${(b / 1024).toFixed(0)}`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const x = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const out: string[] = [];
out.push(
  `| size | viewer | page | status | HTML KB | JS KB gz | CPU ms/req (server + db) | empty | CPU ratio | wall p50 ms | empty | wall ratio p50 | p95 ratio, 20 conn | growth CPU / wall | load |`,
  `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
);
const ratios = (r: Row) => ({
  cpu: r.cpu.page.total / r.cpu.empty.total,
  wall: r.one.page / r.one.empty,
  p95: r.many.page.p95 / r.many.empty.p95,
});
for (const r of rows) {
  const q = ratios(r);
  const demo = rows.find((d) => d.size === "demo" && d.viewer === r.viewer && d.label === r.label);
  const growth =
    r.size !== "demo" && demo ? { cpu: q.cpu / ratios(demo).cpu, wall: q.wall / ratios(demo).wall } : null;
  const limit = LIMIT[r.viewer];
  out.push(
    `| ${r.size} | ${r.viewer} | ${r.label} | ${r.status} | ${kb(r.html)} ${mark(r.html <= TARGET.html)} | ${r.js ? `${kb(r.js)} ${mark(r.js <= TARGET.js)}` : "–"} | ${r.cpu.page.server.toFixed(1)} + ${r.cpu.page.db.toFixed(1)} | ${r.cpu.empty.total.toFixed(1)} | ${x(q.cpu)} ${mark(q.cpu <= limit)} | ${r.one.page.toFixed(0)} | ${r.one.empty.toFixed(0)} | ${x(q.wall)} ${mark(q.wall <= limit)} | ${x(q.p95)} ${mark(q.p95 <= TARGET.p95)} | ${growth ? `${growth.cpu.toFixed(2)} ${mark(growth.cpu <= TARGET.growth)} / ${growth.wall.toFixed(2)} ${mark(growth.wall <= TARGET.growth)}` : ""} | ${r.load.toFixed(1)} |`,
  );
}
console.log(`\n${out.join("\n")}\n`);
for (const [size, bytes] of Object.entries(memory))
  console.log(
    `server memory under load (${size}): peak ${kb(bytes / 1024)} MB ${mark(bytes <= TARGET.memory)}`,
  );
for (const l of loads) console.log(l);
console.log(
  `targets: 1-connection p50 ratio (CPU and wall) ≤ 3 (provincial, agency, applicant) and ≤ 5 (national); p95 at 20 connections ≤ ${TARGET.p95}× the empty route's; growth (size/demo, ratio of ratios) ≤ ${TARGET.growth}; HTML ≤ 250 KB; JS ≤ 170 KB gzip; memory ≤ 600 MB`,
);
process.exit(0);
