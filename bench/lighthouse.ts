// `npm run bench:lighthouse`: Lighthouse's mobile performance audit of the pages people open
// most — a provincial secretariat's dashboard, unit page, register and session page, an agency
// user's inbox and an applicant's case page (issue #34) — at demo size and at national size
// (BENCH_SIZES=demo,tenyear for the ten-year archive), on a production build.
//
// Builds once (or reuses a build newer than the sources, as `npm run bench` does), starts
// `next start` against each database, signs in through Auth.js' credentials callback and
// hands the session cookie to Lighthouse as a request header. Lighthouse drives Debian's
// Chromium (never a downloaded browser) with its default mobile preset: a Moto G Power
// viewport, simulated slow 4G and a 4× slower CPU. Each page is audited BENCH_LH_RUNS
// times (default 3) and the run with the median performance score is reported, since
// Lighthouse's own guidance is that one run on a shared machine varies by several points.
// Prints one table; asserts nothing (targets: performance ≥ 95, TBT ≤ 200 ms, CLS < 0.1;
// figures and their discussion in docs/performance.md).
//
// Databases (on BENCH_DATABASE_URL's server, else DATABASE_URL's, else the embedded one):
//   <prefix>_demo   migrations + demo seed
//   <prefix>_large  migrations + demo seed + `db:seed:large` (the big province lgp0 and
//                   bench-secretariat@tashil.bench in it); a copy of tashil_large_base will do
// with prefix BENCH_DB_PREFIX (default tashil_bench), each made only when missing.
// Other knobs: BENCH_PORT (default 3161), BENCH_SIZES=demo,large, BENCH_LH_RUNS,
// BENCH_ONLY (substring of a page's label or path), BENCH_SKIP_BUILD=1,
// CHROMIUM_PATH (default /usr/bin/chromium), BENCH_LH_SAVE=<folder> (keeps each run's full
// report as JSON, to see which scripts block and which element is the LCP).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildIsCurrent } from "../scripts/build-freshness";
import { runOrFail } from "../scripts/process";
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
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3161);
const SIZES = (process.env.BENCH_SIZES ?? "demo,large").split(",") as Size[];
const RUNS = Number(process.env.BENCH_LH_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SAVE = process.env.BENCH_LH_SAVE;
const TARGET = { score: 95, cls: 0.1, tbt: 200 };

type Viewer = { email: string; applicant?: boolean; pages: { label: string; path: string }[] };

/**
 * The pages people open most (issue #34): a provincial secretariat's dashboard, busiest unit,
 * register and largest session; an agency user's inbox; an applicant's accepted case.
 */
async function viewers(url: string, size: Size): Promise<Viewer[]> {
  const big = size !== "demo";
  const email = big ? "bench-secretariat@tashil.bench" : "secretariat@tashil.demo";
  const one = async (sql: string, params: unknown[]) =>
    (await query<{ id: string }>(url, sql, params))[0]?.id;
  const inProvince = `r."provinceId" = (select "provinceId" from "User" where email = $1)`;
  const unit = await one(
    `select r."unitId" as id from "Resolution" r where ${inProvince} group by 1 order by count(*) desc, 1 limit 1`,
    [email],
  );
  const meeting = await one(
    `select r."meetingId" as id from "Resolution" r where ${inProvince} group by 1 order by count(*) desc, 1 limit 1`,
    [email],
  );
  if (!unit || !meeting) throw new Error(`no unit with resolutions in ${email}'s province`);
  const applicant = big ? "bench-applicant@tashil.bench" : "bench-applicant@tashil.demo";
  const applicantCase = await one(
    `select q.id from "UnitRequest" q join "User" u on u.id = q."applicantId" where u.email = $1 and q.status = 'ACCEPTED' order by q.id limit 1`,
    [applicant],
  );
  return [
    {
      email,
      pages: [
        { label: "dashboard", path: "/dashboard" },
        { label: "unit page", path: `/units/${unit}` },
        { label: "resolutions", path: "/resolutions" },
        { label: "session page", path: `/meetings/${meeting}` },
      ],
    },
    {
      email: big ? "bench-agency@tashil.bench" : "bank@tashil.demo",
      pages: [{ label: "agency inbox", path: "/agency" }],
    },
    ...(applicantCase
      ? [
          {
            email: applicant,
            applicant: true,
            pages: [{ label: "applicant's case page", path: `/apply/requests/${applicantCase}` }],
          },
        ]
      : []),
  ];
}

type Audit = { score: number; lcp: number; tbt: number; cls: number; fcp: number; si: number };

async function audit(port: number, pageUrl: string, cookie: string, name: string): Promise<Audit> {
  const result = await lighthouse(pageUrl, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    // Sent with every request of the page: all of them are to our own origin.
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${pageUrl}`);
  const { lhr } = result;
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(pageUrl).pathname)
    throw new Error(`${pageUrl} ended at ${lhr.finalDisplayedUrl}: not signed in?`);
  if (SAVE) {
    mkdirSync(SAVE, { recursive: true });
    writeFileSync(path.join(SAVE, `${name}.json`), JSON.stringify(lhr, null, 1));
  }
  if (lhr.runtimeError) throw new Error(`${pageUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    fcp: value("first-contentful-paint"),
    si: value("speed-index"),
  };
}

if (process.env.BENCH_SKIP_BUILD !== "1") {
  if (!buildIsCurrent()) await runOrFail("next", ["build"], {});
  else console.log("[lighthouse] reusing the build in .next (newer than every source)");
}

type Row = { size: string; label: string; path: string; runs: Audit[]; median: Audit };
const rows: Row[] = [];
const loads: string[] = [];
const load = () =>
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
    try {
      await waitUp(base, "/api/health");
      loads.push(`${size}: load average ${load()} at start`);
      for (const viewer of await viewers(url, size)) {
        // A browser of its own for each viewer: cookies are shared across ports and a
        // server's Set-Cookie stays in the browser, so a session cookie of the previous
        // viewer would ride along and sign in the wrong user.
        const chrome = await launch({
          chromePath: CHROMIUM,
          chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        try {
          const cookie = await signIn(base, viewer.email, viewer.applicant ? url : undefined);
          for (const p of viewer.pages) {
            if (ONLY && !p.path.includes(ONLY) && !p.label.includes(ONLY)) continue;
            // One request first, so the audit measures the page rather than the server's first
            // compilation of it (each route's code is loaded lazily on its first request).
            await fetch(`${base}${p.path}`, { headers: { cookie } });
            const runs: Audit[] = [];
            for (let r = 0; r < RUNS; r++)
              runs.push(
                await audit(
                  chrome.port,
                  `${base}${p.path}`,
                  cookie,
                  `${size}-${p.label.replace(/\W+/g, "-")}-${r + 1}`,
                ),
              );
            const sorted = [...runs].sort((a, b) => a.score - b.score);
            const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? sorted[0];
            if (!median) continue;
            rows.push({ size, label: p.label, path: p.path, runs, median });
            console.log(
              `[lighthouse] ${size} ${p.label}: scores ${runs.map((r) => r.score).join(", ")}; TBT ${runs.map((r) => Math.round(r.tbt)).join(", ")} ms; CLS ${runs.map((r) => r.cls.toFixed(3)).join(", ")}; load ${load()}`,
            );
          }
        } finally {
          chrome.kill();
        }
      }
      loads.push(`${size}: load average ${load()} at end`);
    } finally {
      // A server that already ended never emits "exit" again: wait only for a live one.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    }
  }
} finally {
  await stopDatabaseServer();
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");
const ms = (n: number) => `${Math.round(n).toLocaleString("en")}`;
const out = [
  `| size | page | performance | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | scores of ${RUNS} runs |`,
  `|---|---|---|---|---|---|---|---|---|`,
];
for (const { size, label, median: m, runs } of rows)
  out.push(
    `| ${size} | ${label} | ${m.score} ${mark(m.score >= TARGET.score)} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} ${mark(m.tbt <= TARGET.tbt)} | ${m.cls.toFixed(3)} ${mark(m.cls < TARGET.cls)} | ${ms(m.si)} | ${runs.map((r) => r.score).join(", ")} |`,
  );
console.log(`\n${out.join("\n")}\n`);
for (const l of loads) console.log(l);
console.log(
  `Lighthouse 12.2.3, mobile preset (simulated throttling), ${path.basename(CHROMIUM)}; the run with the median score of each page. Targets: performance ≥ ${TARGET.score}, TBT ≤ ${TARGET.tbt} ms, CLS < ${TARGET.cls}.`,
);
process.exit(0);
