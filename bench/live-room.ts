// `npm run bench:live`: how soon a change made in a session reaches the other open pages of it
// (issue #34 point 4, decision 084), and what 500 watchers of one session cost one instance.
//
// Part 1, the room. Two `next start` instances of the current build (`.next`) on one database;
// Chromium opens the session page on each (a secretariat account) and the hall screen on the
// second (the chair). The bench then makes LIVE_CHANGES changes (default 36), in turn: a
// resolution saved on the case on the screen, an agenda reorder (the second case moved up),
// the hall screen moved to the other case. It makes them through the same mutation functions
// the server actions call, on the same database — the instances share nothing else, so where
// the save is made changes nothing of the path measured (commit → NOTIFY → each instance's
// LISTEN connection → server-sent event → the page). Each page has a MutationObserver armed
// for the expected change; the first requestAnimationFrame after it appears is taken as the
// paint, on the page's clock (`performance.timeOrigin + performance.now()`), against the
// bench's `Date.now()` when the mutation returned (after its COMMIT): same machine, same clock.
// Reported: p50/p95/max per page and per kind of change, and over everything (target p95 ≤ 1 s
// on an idle machine).
//
// Part 2, the watchers. LIVE_WATCHERS (default 500) server-sent-event streams of the session
// (`?watch=1`, as the hall screen listens) opened on the first instance from this one Node
// process with minted session cookies (as tests/e2e/session.ts mints them). Reported: the
// instance's resident memory (its process tree, from /proc) before and after (target growth
// ≤ 100 MB), and from commit to each watcher receiving the `change` event over
// LIVE_FANOUT_CHANGES changes (default 20; target p95 ≤ 500 ms).
//
// Needs: `next build` done; BENCH_DATABASE_URL (or DATABASE_URL) a migrated database with the
// demo seed (it writes resolutions and moves on it, and takes most of them back); ports
// LIVE_PORTS (default 3871,3872); Debian's Chromium (CHROMIUM_PATH). Prints the load average.
// Not in `npm test`: timings belong in a bench, and it takes a few minutes.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { chromium, type Browser, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import type { Actor } from "../lib/auth/policy";
import {
  idleTimeoutSeconds,
  nowSeconds,
  SESSION_COOKIES,
  type SessionClaims,
} from "../lib/auth/session-config";
import { serverNodeOptions } from "../scripts/server-options";

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error("[live] set BENCH_DATABASE_URL to a migrated, seeded database");
  process.exit(2);
}
process.env.DATABASE_URL = url;
const PORTS = (process.env.LIVE_PORTS ?? "3871,3872").split(",").map(Number);
const CHANGES = Number(process.env.LIVE_CHANGES ?? 36);
const WATCHERS = Number(process.env.LIVE_WATCHERS ?? 500);
const FANOUT_CHANGES = Number(process.env.LIVE_FANOUT_CHANGES ?? 20);
/** Between two changes: the page's follow-up refresh (agenda changes) settles first. */
const SETTLE_MS = Number(process.env.LIVE_SETTLE_MS ?? 1500);
const PAINT_TIMEOUT_MS = 20_000;
const SECRET = `live-bench-${randomUUID()}`;
const COOKIE = SESSION_COOKIES[1];
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const { db } = await import("../lib/db");
const { saveResolution, deleteResolution } = await import("../lib/meetings/resolutions");
const { moveAgendaItem } = await import("../lib/meetings/agenda");
const { showOnScreen } = await import("../lib/meetings/screen");
const { translator } = await import("../lib/i18n/messages");
const { formatNumber } = await import("../lib/i18n/format");
const { jalaliInput } = await import("../lib/meetings/views");
const t = translator("fa");
const fa = (n: number) => formatNumber(n, "fa");

const load = () => readFileSync("/proc/loadavg", "utf8").trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
const summary = (values: number[]) =>
  `n=${values.length} p50=${Math.round(quantile(values, 0.5))} ms p95=${Math.round(quantile(values, 0.95))} ms max=${Math.round(Math.max(...values))} ms`;

// ---- instances ----------------------------------------------------------------------------

function startInstance(port: number): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: SECRET,
      AUTH_TRUST_HOST: "true",
      APP_URL: `http://127.0.0.1:${port}`,
      NODE_OPTIONS: serverNodeOptions(),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitUp(base: string) {
  for (let tries = 0; tries < 240; tries++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await sleep(500);
  }
  throw new Error(`${base} did not start`);
}

/** Resident memory of a process and its descendants (`next start` may run its server in a child). */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`))
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, "utf8")
          .split(" ")
          .filter(Boolean))
          visit(Number(child));
    } catch {
      // Gone meanwhile.
    }
  };
  visit(pid);
  return kb / 1024;
}

async function cookieValue(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, sessionVersion: true },
  });
  const claims: SessionClaims = { sv: user.sessionVersion, authTime: nowSeconds() };
  const token = { name: user.name, email: user.email, sub: user.id, ...claims };
  return encode({ token, secret: SECRET, salt: COOKIE, maxAge: idleTimeoutSeconds() });
}

// ---- the session --------------------------------------------------------------------------

const rows = await db.$queryRaw<{ id: string }[]>`
  SELECT m.id FROM "Meeting" m JOIN "AgendaItem" a ON a."meetingId" = m.id
   WHERE m.status = 'PLANNED' GROUP BY m.id HAVING count(*) >= 2 ORDER BY min(m."startsAt") LIMIT 1`;
const meetingId = rows[0]?.id;
if (!meetingId) throw new Error("no planned session with two cases: seed the demo data");
const meeting = await db.meeting.findUniqueOrThrow({
  where: { id: meetingId },
  select: {
    startsAt: true,
    body: { select: { members: { select: { agency: { select: { id: true } } }, take: 1 } } },
    agendaItems: {
      orderBy: { position: "asc" },
      select: { id: true, unit: { select: { name: true } }, _count: { select: { resolutions: true } } },
    },
  },
});
const agencyId = meeting.body.members[0]?.agency.id;
if (!agencyId) throw new Error("the session's body has no members");
const clerkRow = await db.user.findUniqueOrThrow({
  where: { email: "secretariat@tashil.demo" },
  select: { id: true, roles: true, agencyId: true, provinceId: true },
});
const clerk: Actor = clerkRow;
const deadline = jalaliInput(new Date(meeting.startsAt.getTime() + 60 * 86_400_000), "en");
const total = meeting.agendaItems.length;
// The first two cases: the changes move between them.
const order = meeting.agendaItems
  .slice(0, 2)
  .map((i) => ({ id: i.id, unit: i.unit.name, count: i._count.resolutions }));
const unitOf = (id: string) => order.find((o) => o.id === id) ?? order[0]!;
let screenId = order[0]!.id;
const benchResolutions: string[] = [];

async function saveOne(itemId: string, text: string) {
  const saved = await saveResolution(
    clerk,
    { itemId, idempotencyKey: randomUUID(), text, responsibleAgencyId: agencyId, deadline },
    t,
  );
  if (!saved.ok || !saved.id) throw new Error(`resolution not saved: ${saved.message}`);
  benchResolutions.push(saved.id);
  unitOf(itemId).count++;
}

// ---- part 1: the room ---------------------------------------------------------------------

type Expect = { selector: string; has: string[] };
const CASE_LIST = `nav[aria-label="${t("meetings.room.caseList")}"] li`;

// Plain source, not a function: tsx (esbuild) would wrap a function's inner functions in a
// `__name` helper the page does not have.
const ARM = `(({ selector, has }) => {
  const shown = () =>
    [...document.querySelectorAll(selector)].some((el) => has.every((s) => (el.textContent ?? "").includes(s)));
  window.__observer?.disconnect();
  window.__painted = null;
  if (shown()) return false;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__painted = performance.timeOrigin + performance.now();
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__observer = observer;
  return true;
})`;

/** Arms the page: the first frame after a mutation that makes `e` true is the paint. */
async function arm(page: Page, e: Expect): Promise<boolean> {
  return (await page.evaluate(`${ARM}(${JSON.stringify(e)})`)) as boolean;
}

async function painted(page: Page): Promise<number | null> {
  const handle = await page
    .waitForFunction("window.__painted", null, {
      timeout: PAINT_TIMEOUT_MS,
      polling: 100,
    })
    .catch(() => null);
  return handle ? ((await handle.jsonValue()) as number) : null;
}

async function room(browser: Browser, bases: string[]) {
  const pages: { name: string; page: Page }[] = [];
  const open = async (name: string, base: string, email: string, path: string) => {
    const context = await browser.newContext({
      baseURL: base,
      locale: "fa-IR",
      timezoneId: "Asia/Tehran",
      bypassCSP: true,
    });
    await context.addCookies([
      { name: COOKIE, value: await cookieValue(email), url: base, httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();
    await page.goto(path);
    pages.push({ name, page });
    return page;
  };
  await showOnScreen(clerk, { meetingId, itemId: screenId }, t);
  const path = `/meetings/${meetingId}`;
  const pageA = await open("session page, instance A", bases[0]!, "secretariat@tashil.demo", path);
  const pageB = await open("session page, instance B", bases[1]!, "secretariat@tashil.demo", path);
  const screen = await open("hall screen, instance B", bases[1]!, "chair@tashil.demo", `${path}/screen`);
  for (const page of [pageA, pageB])
    await page.getByRole("navigation", { name: t("meetings.room.caseList") }).waitFor();
  await screen.getByRole("heading", { level: 1 }).waitFor();
  // Let the streams open (hello) before the first change.
  await sleep(3000);

  // ms: from the mutation's return (after its COMMIT; a page may paint first, below 0);
  // fromStart: from the call, an upper bound that includes the mutation's own time.
  const samples: {
    page: string;
    kind: string;
    ms: number | null;
    fromStart: number | null;
    armed: boolean;
  }[] = [];
  const kinds = ["resolution", "agenda", "screen"] as const;
  for (let k = 0; k < CHANGES; k++) {
    const kind = kinds[k % kinds.length]!;
    let onPages: Expect;
    let onScreen: Expect;
    let change: () => Promise<void>;
    if (kind === "resolution") {
      const text = `مصوبه سنجش زنده ${k} ${randomUUID().slice(0, 6)}`;
      const target = unitOf(screenId);
      onPages = {
        selector: CASE_LIST,
        has: [target.unit, `· ${t("meetings.room.resolutionsCount", { n: fa(target.count + 1) })}`],
      };
      onScreen = { selector: "main", has: [text] };
      change = () => saveOne(screenId, text);
    } else if (kind === "agenda") {
      const second = order[1]!;
      onPages = { selector: `${CASE_LIST}:first-child`, has: [`${fa(1)}. ${second.unit}`] };
      const screenAt = order[0]!.id === screenId ? 2 : 1;
      onScreen = {
        selector: "header",
        has: [t("meetings.room.screenCase", { n: fa(screenAt), total: fa(total) })],
      };
      change = async () => {
        const moved = await moveAgendaItem(clerk, { itemId: second.id, direction: "up" }, t);
        if (!moved.ok) throw new Error(`agenda move refused: ${moved.message}`);
        order.reverse();
      };
    } else {
      const target = order.find((o) => o.id !== screenId)!;
      onPages = { selector: CASE_LIST, has: [target.unit, t("meetings.room.onScreen")] };
      onScreen = { selector: "h1", has: [target.unit] };
      change = async () => {
        const moved = await showOnScreen(clerk, { meetingId, itemId: target.id }, t);
        if (!moved.ok) throw new Error(`screen move refused: ${moved.message}`);
        screenId = target.id;
      };
    }
    const armed = await Promise.all([arm(pageA, onPages), arm(pageB, onPages), arm(screen, onScreen)]);
    const started = Date.now();
    await change();
    const committed = Date.now();
    const at = await Promise.all([pageA, pageB, screen].map((p) => painted(p)));
    at.forEach((paint, i) => {
      const name = pages[i]!.name;
      const ms = armed[i] && paint !== null ? paint - committed : null;
      const fromStart = armed[i] && paint !== null ? paint - started : null;
      samples.push({ page: name, kind, ms, fromStart, armed: armed[i] ?? false });
    });
    process.stdout.write(
      `[live] ${k + 1}/${CHANGES} ${kind}: ${at.map((p, i) => (armed[i] && p !== null ? `${Math.round(p - committed)} ms` : "—")).join(", ")}\n`,
    );
    await sleep(SETTLE_MS);
  }
  for (const { page } of pages) await page.context().close();
  return samples;
}

// ---- part 2: the watchers -----------------------------------------------------------------

async function watchers(base: string, pid: number) {
  const emails = ["secretariat@tashil.demo", "chair@tashil.demo", "member@tashil.demo"];
  const cookies = await Promise.all(emails.map(async (e) => `${COOKIE}=${await cookieValue(e)}`));
  const abort = new AbortController();
  const arrivals: number[][] = Array.from({ length: WATCHERS }, () => []);
  let greeted = 0;
  let failed = 0;
  await sleep(2000);
  const rssBefore = treeRssMb(pid);
  const connect = async (i: number) => {
    const response = await fetch(`${base}/api/meetings/${meetingId}/live?watch=1`, {
      headers: { cookie: cookies[i % cookies.length]!, accept: "text/event-stream" },
      signal: abort.signal,
    });
    if (!response.ok || !response.body) {
      failed++;
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          const now = Date.now();
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith("event: hello")) greeted++;
            else if (frame.startsWith("event: change")) arrivals[i]!.push(now);
          }
        }
      } catch {
        // Aborted at the end.
      }
    })();
  };
  const opened = Date.now();
  for (let i = 0; i < WATCHERS; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, WATCHERS - i) }, (_, j) => connect(i + j).catch(() => void failed++)),
    );
  while (greeted + failed < WATCHERS && Date.now() - opened < 120_000) await sleep(200);
  console.log(`[live] ${greeted} watchers connected (${failed} failed) in ${Date.now() - opened} ms`);
  await sleep(2000);
  const rssConnected = treeRssMb(pid);
  const fanout: number[] = [];
  let missing = 0;
  for (let c = 0; c < FANOUT_CHANGES; c++) {
    const other = order.find((o) => o.id !== screenId)!;
    if (c % 2) await saveOne(screenId, `مصوبه سنجش پخش ${c} ${randomUUID().slice(0, 6)}`);
    else {
      await showOnScreen(clerk, { meetingId, itemId: other.id }, t);
      screenId = other.id;
    }
    const committed = Date.now();
    const until = committed + 15_000;
    while (arrivals.some((a) => a.length <= c) && Date.now() < until) await sleep(20);
    for (const a of arrivals) {
      const at = a[c];
      if (at === undefined) missing++;
      else fanout.push(at - committed);
    }
    await sleep(300);
  }
  const rssAfter = treeRssMb(pid);
  abort.abort();
  return { greeted, failed, rssBefore, rssConnected, rssAfter, fanout, missing };
}

// ---- run ----------------------------------------------------------------------------------

console.log(`[live] ${new Date().toISOString()} load ${load()} (${cpus().length} cores)`);
const bases = PORTS.map((p) => `http://127.0.0.1:${p}`);
const instances = PORTS.map(startInstance);
let exit = 0;
try {
  await Promise.all(bases.map(waitUp));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
    ],
  });
  let samples: Awaited<ReturnType<typeof room>> = [];
  try {
    samples = CHANGES > 0 ? await room(browser, bases) : [];
  } finally {
    await browser.close();
  }
  const measured = samples.flatMap((s) => (s.ms === null ? [] : [s.ms]));
  // Not armed: the expected text was already on the page (should not happen); not a sample.
  const lost = samples.filter((s) => s.armed && s.ms === null).length;
  const unarmed = samples.filter((s) => !s.armed).length;
  console.log(`\n[live] room, commit → painted (load ${load()}):`);
  for (const name of [...new Set(samples.map((s) => s.page))])
    console.log(
      `  ${name}: ${summary(samples.filter((s) => s.page === name && s.ms !== null).map((s) => s.ms!))}`,
    );
  for (const kind of [...new Set(samples.map((s) => s.kind))])
    console.log(
      `  ${kind}: ${summary(samples.filter((s) => s.kind === kind && s.ms !== null).map((s) => s.ms!))}`,
    );
  if (measured.length)
    console.log(
      `  all: ${summary(measured)}; not seen within ${PAINT_TIMEOUT_MS / 1000} s: ${lost}; not armed: ${unarmed}`,
    );
  const fromStart = samples.flatMap((s) => (s.fromStart === null ? [] : [s.fromStart]));
  if (fromStart.length) console.log(`  all, from the mutation's call (upper bound): ${summary(fromStart)}`);
  const roomP95 = quantile(measured, 0.95);

  let watcherResult: Awaited<ReturnType<typeof watchers>> | null = null;
  if (WATCHERS > 0) {
    watcherResult = await watchers(bases[0]!, instances[0]!.pid!);
    const w = watcherResult;
    console.log(`\n[live] ${WATCHERS} watchers on one instance (load ${load()}):`);
    console.log(
      `  RSS ${w.rssBefore.toFixed(0)} MB before, ${w.rssConnected.toFixed(0)} MB connected, ${w.rssAfter.toFixed(0)} MB after ${FANOUT_CHANGES} changes: growth ${(w.rssAfter - w.rssBefore).toFixed(0)} MB (target ≤ 100)`,
    );
    console.log(`  fan-out commit → received: ${summary(w.fanout)} (target p95 ≤ 500); missing ${w.missing}`);
  }
  const roomOk = roomP95 <= 1000 && lost === 0;
  const watchOk =
    !watcherResult ||
    (watcherResult.rssAfter - watcherResult.rssBefore <= 100 &&
      quantile(watcherResult.fanout, 0.95) <= 500 &&
      watcherResult.missing === 0);
  console.log(
    `\n[live] room p95 ≤ 1 s: ${roomOk ? "holds" : "missed"}; watchers: ${watchOk ? "hold" : "missed"}`,
  );
  if (!roomOk || !watchOk) exit = 1;
} catch (err) {
  console.error(`[live] ${(err as Error).stack ?? err}`);
  exit = 2;
} finally {
  for (const child of instances) child.kill();
  // The bench's resolutions go again; the screen and the order stay where they ended.
  for (const id of benchResolutions) await deleteResolution(clerk, { id }, t).catch(() => undefined);
  await db.$disconnect();
}
process.exit(exit);
