// Exports at national size, measured over HTTP against a production server (issue #21).
// For each export (register, units, obstacles) × format (.xlsx, CSV), signed in as a
// national viewer through the real sign-in endpoint: time to first byte of the body, total
// time, size, and the server's peak resident memory (RSS of `next start` and any child
// process, sampled every 25 ms from /proc) above its idle level just before the request.
// Then the same register as a background job (mode=job): time until the file is ready.
//
//   npm run build
//   DATABASE_URL=postgresql://…/tashil_exports_bench npm run db:migrate
//   DATABASE_URL=… npm run db:seed && DATABASE_URL=… npm run db:seed:large
//   BENCH_DATABASE_URL=postgresql://…/tashil_exports_bench npm run bench:exports
//
// Use a scratch database: it adds one national viewer account and export jobs.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { serverNodeOptions } from "../scripts/server-options";

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "";
if (!DATABASE_URL) throw new Error("set BENCH_DATABASE_URL to a database filled by npm run db:seed:large");
if (!existsSync(".next/BUILD_ID")) throw new Error("run `npm run build` first");
const PORT = Number(process.env.BENCH_PORT ?? 3191);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EMAIL = "national-viewer@tashil.bench";
// Extra Node options for the server (e.g. `--trace-gc`), and a file for its output.
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const SERVER_LOG = process.env.BENCH_SERVER_LOG;
const PASSWORD = "Tashil-bench-national-1404";

// ── a national viewer (no province, read-only) ───────────────────────────────────────────
const client = new pg.Client({ connectionString: DATABASE_URL });
await client.connect();
await client.query(
  `insert into "User" (id, email, name, "passwordHash", roles, "provinceId", locale, "updatedAt")
   values ('bench-national', $1, 'ناظر ملی', $2, '{MEMBER}', null, 'fa', now())
   on conflict (email) do update set "passwordHash" = excluded."passwordHash", active = true`,
  [EMAIL, await hashPassword(PASSWORD)],
);
const counts = await client.query<{ r: string; u: string; o: string }>(
  `select (select count(*) from "Resolution") r, (select count(*) from "ProductionUnit" where "archivedAt" is null) u,
          (select count(*) from "Obstacle") o`,
);
console.log(
  `database: ${counts.rows[0]?.r} resolutions, ${counts.rows[0]?.u} units, ${counts.rows[0]?.o} obstacles`,
);

// ── the production server: a fresh one per export, so every figure starts from the same idle
const STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-bench-exports-"));
let pid = 0;
let stop = () => {};
const jar = new Map<string, string>();

async function startServer() {
  const server = spawn(
    process.execPath,
    [...NODE_ARGS, "node_modules/next/dist/bin/next", "start", "-p", String(PORT)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        // The deployed server's Node.js options (heap limits, scripts/server-options.ts).
        NODE_OPTIONS: serverNodeOptions(),
        DATABASE_URL,
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
        AUTH_URL: BASE,
        NOTIFICATIONS_DISABLED: "1",
        STORAGE_DIR,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let serverLog = "";
  server.stdout.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr.on("data", (d: Buffer) => (serverLog += d.toString()));
  if (SERVER_LOG) {
    const log = createWriteStream(SERVER_LOG, { flags: "a" });
    server.stdout.pipe(log);
    server.stderr.pipe(log);
  }
  const exited = new Promise((r) => server.once("exit", r));
  stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  pid = server.pid ?? 0;
  for (let i = 0; ; i++) {
    if (i > 480) throw new Error(`server did not start:\n${serverLog}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Sign in through Auth.js's credentials endpoint, as the login form does.
  jar.clear();
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  remember(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signInRes = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, csrfToken, callbackUrl: `${BASE}/` }),
  });
  remember(signInRes);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");
  return async () => {
    stop();
    await exited;
  };
}
process.on("exit", () => stop());

const remember = (res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [k, ...v] = (pair ?? "").split("=");
    if (k) jar.set(k.trim(), v.join("="));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** RSS in bytes of the server and every process below it (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

// ── measuring ─────────────────────────────────────────────────────────────────────────────
const MB = 1024 * 1024;
async function idleRss() {
  // The idle level: the lowest of a second's samples after the previous request settled.
  await new Promise((r) => setTimeout(r, 1500));
  let low = Infinity;
  for (let i = 0; i < 20; i++) {
    low = Math.min(low, treeRss(pid));
    await new Promise((r) => setTimeout(r, 50));
  }
  return low;
}

async function download(url: string) {
  const idle = await idleRss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 25);
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie: cookie() }, redirect: "manual" });
  if (res.status !== 200 || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  let firstByte = 0;
  let bytes = 0;
  for await (const chunk of res.body) {
    if (!firstByte) firstByte = performance.now() - t0;
    bytes += (chunk as Uint8Array).length;
  }
  const total = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(pid));
  return { firstByte, total, bytes, idle, peak };
}

async function job(url: string) {
  const idle = await idleRss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 25);
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie: cookie() }, redirect: "manual" });
  const id = new URL(res.headers.get("location") ?? "", BASE).searchParams.get("job");
  if (res.status !== 303 || !id) throw new Error(`${url}: expected a job, got HTTP ${res.status}`);
  const accepted = performance.now() - t0;
  for (;;) {
    const { rows } = await client.query<{ status: string; byteSize: number | null }>(
      `select status, "byteSize" from "ExportJob" where id = $1`,
      [id],
    );
    const status = rows[0]?.status;
    if (status === "READY") {
      const total = performance.now() - t0;
      clearInterval(sampler);
      return { firstByte: accepted, total, bytes: rows[0]?.byteSize ?? 0, idle, peak };
    }
    if (status === "FAILED") throw new Error(`job ${id} failed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const cases: { label: string; kind: string; run: () => ReturnType<typeof download> }[] = [];
for (const [kind, label] of [
  ["resolutions", "resolutions register"],
  ["units", "units"],
  ["obstacles", "obstacles"],
] as const) {
  for (const format of ["xlsx", "csv"] as const) {
    cases.push({
      label: `${label} (.${format}), streamed`,
      kind,
      run: () => download(`${BASE}/api/${kind}/export?format=${format}&mode=stream`),
    });
  }
}
for (const format of ["xlsx", "csv"] as const) {
  cases.push({
    label: `resolutions register (.${format}), background job`,
    kind: "resolutions",
    run: () => job(`${BASE}/api/resolutions/export?format=${format}&mode=job`),
  });
}

// BENCH_ONLY=register (a substring of the labels) runs only the matching exports.
const only = process.env.BENCH_ONLY;
if (only) cases.splice(0, cases.length, ...cases.filter((c) => c.label.includes(only)));

console.log(
  `\nA fresh server per export, warmed with one empty export; ${RUNS} runs each. Times are medians;` +
    `\nmemory is the first run's peak above idle (a cold heap) and the highest of the later runs.\n`,
);
console.log("| export | first byte | total | size | idle RSS | peak above idle, 1st run | later runs |");
console.log("|---|---|---|---|---|---|---|");
try {
  for (const c of cases) {
    const stopServer = await startServer();
    try {
      // Warm-up: load the route modules and the Prisma client once, as a running server has.
      await download(`${BASE}/api/${c.kind}/export?unitId=warm-up-no-match&q=warm-up-no-match&mode=stream`);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await c.run());
      const [first, ...later] = runs;
      if (!first) continue;
      const above = (r: typeof first) => Math.round((r.peak - r.idle) / MB);
      console.log(
        `| ${c.label} | ${fmt(median(runs.map((r) => r.firstByte)))} | ${fmt(median(runs.map((r) => r.total)))} | ${(
          median(runs.map((r) => r.bytes)) / MB
        ).toFixed(1)} MB | ${Math.round(first.idle / MB)} MB | **${above(first)} MB** | ${
          later.length ? `${Math.max(...later.map(above))} MB` : "—"
        } |`,
      );
    } finally {
      await stopServer();
    }
  }
} finally {
  await client.query(`delete from "ExportJob" where "requesterId" = 'bench-national'`);
  await client.end();
}
