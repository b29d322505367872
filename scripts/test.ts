// `npm test`: the whole suite on a machine that may have nothing but Node.
//  0. The format check and the linter (which also enforces the layering), before anything slow.
//  1. Chromium from Debian when /usr/bin/chromium is missing (never Playwright's download);
//     LibreOffice likewise for the integration tests (scripts/debian-packages.ts).
//  2. PostgreSQL: TEST_DATABASE_URL or DATABASE_URL when set, else the embedded server.
//  3. Fresh databases `tashil_test` (integration) and `tashil_e2e` (browser), migrated and
//     seeded with the demo data; a check that the migrations match the schema.
//  4. Vitest (unit + integration), one production build, Playwright against that build.
// Prints how long each phase took (format, lint, drift, unit, integration, build, e2e) and each
// journey's time against its limit, then one "N passed, N failed" line over every runner.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { ensureAppRole } from "./database-roles";
import { aptGet, ensureDebianProgram, LIBREOFFICE_PACKAGES, POPPLER_PACKAGES } from "./debian-packages";
import { ensureDatabaseServer, orExplain, recreateDatabase, withDatabaseName } from "./db";
import { run, runCaptured, runOrFail } from "./process";
import { formatPhases, journeyReport, projectsOf, type PlaywrightReport } from "./test-report";
import { checkRuntime } from "./runtime";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv[2]; // "unit" | "integration" | "e2e" | undefined (everything)
// After "e2e", Playwright's own arguments (a spec file, --grep …) narrow the browser run:
// `npm test -- e2e tests/e2e/applicant.spec.ts`.
const playwrightArgs = only === "e2e" ? process.argv.slice(3) : [];

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0)
    throw new Error(`${CHROMIUM} is missing: install it with 'sudo apt-get install -y chromium'`);
  console.log("[test] installing Chromium from Debian's packages …");
  aptGet(["update", "-qq"]);
  aptGet(["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
}

async function prepareDatabase(serverUrl: string, name: string): Promise<string> {
  await recreateDatabase(serverUrl, name);
  const url = withDatabaseName(serverUrl, name);
  await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
  await runOrFail("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
  return url;
}

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/** Phase name → seconds, in the order they ran. */
const phases: [string, number][] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    return await work();
  } finally {
    phases.push([name, (Date.now() - t0) / 1000]);
  }
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
  numFailedTestSuites: number;
};

/**
 * A phase whose output is held and printed as one block when it ends: it runs beside another
 * phase that prints as it goes, and two outputs interleaved line by line read as neither.
 */
async function quietPhase(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<number> {
  console.log(`[test] ${name}: started beside the others; its output follows when it ends`);
  const t0 = Date.now();
  const { code, output } = await phase(name, () => runCaptured(cmd, args, env));
  const took = Math.round((Date.now() - t0) / 1000);
  console.log(`\n[test] ── ${name}: ${code === 0 ? "done" : `failed (exit ${code})`} in ${took} s ──`);
  if (output.trim()) console.log(output.trimEnd());
  console.log(`[test] ── end of ${name} ──\n`);
  return code;
}

/** One Vitest project, its JSON report added to the tally. */
async function vitest(
  project: "unit" | "integration",
  databaseUrl: string,
  options: { quiet: boolean; args?: string[] },
) {
  const out = `test-results/vitest-${project}.json`;
  const args = [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
    ...(options.args ?? []),
  ];
  const env = { DATABASE_URL: databaseUrl };
  const exit = options.quiet
    ? await quietPhase(project, "vitest", args, env)
    : await phase(project, () => run("vitest", args, env));
  const report = readJson<VitestReport>(out);
  if (!report) {
    tally.failed++;
    return;
  }
  tally.passed += report.numPassedTests;
  tally.failed +=
    report.numFailedTests +
    (report.numFailedTests === 0 && (!report.success || exit !== 0)
      ? Math.max(1, report.numFailedTestSuites)
      : 0);
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

/** Waits for every lane, then fails with the first lane's error, if any. */
async function allLanes(lanes: Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(lanes);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}

/** The machine's 1-, 5- and 15-minute load: the times above mean little without it. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");

checkRuntime("test");
const started = Date.now();
console.log(`[test] load average at the start: ${load()}`);
const server = await orExplain(
  ensureDatabaseServer(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL),
);
let exitCode = 0;
try {
  rmSync("test-results", { recursive: true, force: true });
  mkdirSync("test-results", { recursive: true });
  const wantsVitest = only !== "e2e";
  const wantsE2e = only === undefined || only === "e2e";
  if (wantsE2e) ensureChromium();
  // The Word and Excel files are opened in LibreOffice (tests/integration/paper-office.test.ts),
  // and the minutes printed to PDF are turned into an image by poppler's pdftoppm to read their
  // QR code back (tests/e2e/reach.spec.ts): installed here, in a phase of its own, so its minute
  // or so shows in the timings. When one cannot be, the rest still runs and the tests that need
  // it fail saying why.
  const tools: { program: string; packages: string[]; without: string }[] = [];
  if (wantsVitest && only !== "unit")
    tools.push({
      program: "soffice",
      packages: LIBREOFFICE_PACKAGES,
      without: "the tests that open Word and Excel files will fail",
    });
  if (wantsE2e)
    tools.push({
      program: "pdftoppm",
      packages: POPPLER_PACKAGES,
      without: "the journey that reads the printed minutes' QR code will fail",
    });
  if (tools.length > 0)
    await phase("tools", async () => {
      for (const { program, packages, without } of tools)
        try {
          ensureDebianProgram(program, packages);
        } catch (err) {
          console.error(`[test] ${(err as Error).message}: ${without}.`);
        }
    });

  // A prefix of its own lets several checkouts share one PostgreSQL server.
  const base = process.env.TEST_DB_PREFIX ?? "tashil";

  // Everything before the browser tests runs in three lanes side by side (docs/decisions/207):
  // the integration tests mostly wait on PostgreSQL, so the checks, the unit tests and the
  // build use the processor meanwhile. The browser tests start only when all three lanes are
  // done: their times are read against their limits, with nothing of the suite beside them.
  //  1. format, lint, unit (output held, printed as each ends)
  //  2. databases, drift, integration (printed as they go)
  //  3. the build, once the e2e database exists (output held)
  let e2eReady: (url: string) => void = () => {};
  const e2eDatabase = new Promise<string>((resolve) => (e2eReady = resolve));
  const checksLane = async () => {
    if (only === undefined)
      // Each counts as one test: a formatting slip or a layering breach fails the suite.
      for (const [name, cmd, args] of [
        ["format", "prettier", ["--check", "--log-level=warn", "."]],
        ["lint", "eslint", [".", "--max-warnings", "0"]],
      ] as const) {
        if ((await quietPhase(name, cmd, [...args])) === 0) tally.passed++;
        else {
          console.error(`[test] ${cmd} failed: run \`npm run ${cmd === "prettier" ? "format" : "lint"}\`.`);
          tally.failed++;
        }
      }
    // Unit tests touch no database; alone (`npm test -- unit`) they print as they go.
    if (wantsVitest && only !== "integration") await vitest("unit", "", { quiet: only === undefined });
  };
  const databaseLane = async () => {
    let testUrl = "";
    try {
      [testUrl] = await phase("databases", () =>
        Promise.all([
          wantsVitest && only !== "unit"
            ? prepareDatabase(server.serverUrl, `${base}_test`)
            : Promise.resolve(""),
          wantsE2e
            ? prepareDatabase(server.serverUrl, `${base}_e2e`).then((url) => (e2eReady(url), url))
            : Promise.resolve(""),
        ]),
      );
    } finally {
      // The build lane waits for the e2e database; a failure here must not leave it waiting.
      e2eReady("");
    }
    if (only === undefined) {
      // Fails (exit 2) when schema.prisma has changes no migration records.
      const drift = await phase("drift", () =>
        run(
          "prisma",
          [
            "migrate",
            "diff",
            "--from-migrations",
            "prisma/migrations",
            "--to-schema",
            "prisma/schema.prisma",
            "--exit-code",
          ],
          { DATABASE_URL: testUrl },
        ),
      );
      if (drift !== 0) {
        console.error(
          "[test] prisma/schema.prisma and prisma/migrations differ: run `npm run db:migrate:dev`.",
        );
        tally.failed++;
      }
    }
    if (wantsVitest && only !== "unit") await vitest("integration", testUrl, { quiet: false });
  };
  const buildLane = async () => {
    if (!wantsE2e) return "";
    const e2eUrl = await e2eDatabase;
    if (!e2eUrl) throw new Error("the e2e database was not made");
    if (!process.env.SKIP_BUILD) {
      const code = await quietPhase("build", "next", ["build"], { DATABASE_URL: e2eUrl });
      if (code !== 0) throw new Error(`next build exited with ${code}`);
    }
    return e2eUrl;
  };
  let e2eUrl = "";
  if (process.env.TEST_LANES === "off") {
    // One after another, as before decision 207: to tell whether a failure comes from the lanes.
    await checksLane();
    await databaseLane();
    e2eUrl = await buildLane();
  } else {
    const build = buildLane().then((url) => (e2eUrl = url));
    await allLanes([checksLane(), databaseLane(), build]);
  }

  if (wantsE2e) {
    // The browser tests' server connects as the app's own role, as `npm start` and a
    // deployment do (scripts/database-roles.ts); the specs' own SQL keeps the owner's URL.
    const appUrl = await ensureAppRole(e2eUrl, "tashil-test-database-role");
    // The journeys, the accessibility sweep and the fuzz share one Playwright run and one
    // server, each project on its own (--no-deps: a failed journey leaves nothing unrun), their
    // tests shared out over the workers (docs/decisions/207). With Playwright arguments (one
    // spec, a grep) it is that run as asked.
    const reportFile = "test-results/playwright.json";
    const args = playwrightArgs.length ? playwrightArgs : ["--no-deps"];
    await phase("e2e", async () => {
      const exit = await run("playwright", ["test", ...args], {
        DATABASE_URL: e2eUrl,
        E2E_SERVER_DATABASE_URL: appUrl,
        CHROMIUM_PATH: CHROMIUM,
        PLAYWRIGHT_REPORT_FILE: reportFile,
        PLAYWRIGHT_OUTPUT_DIR: "test-results/e2e",
      });
      const report = readJson<PlaywrightReport>(reportFile);
      if (!report) {
        console.error(`[test] Playwright wrote no report (exit ${exit}).`);
        tally.failed++;
        return;
      }
      // One table per project: the journeys, the accessibility sweep, the fuzz.
      const order = ["chromium", "accessibility", "fuzz"];
      const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
      for (const project of projectsOf(report).sort((a, b) => rank(a) - rank(b)))
        console.log(`\n${journeyReport(report, project)}`);
      tally.passed += report.stats.expected + report.stats.flaky;
      // A server that never started fails the run without failing any single test.
      tally.failed += report.stats.unexpected + (report.stats.unexpected === 0 && exit !== 0 ? 1 : 0);
      tally.skipped += report.stats.skipped;
    });
  }
} catch (err) {
  console.error(`[test] ${(err as Error).message}`);
  tally.failed++;
} finally {
  await server.stop();
}
if (tally.failed > 0 || tally.passed === 0) exitCode = 1;
const wall = (Date.now() - started) / 1000;
console.log(`\n[test] finished in ${Math.round(wall)} s`);
console.log(formatPhases(phases, wall));
console.log(`[test] load average at the end: ${load()}`);
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(exitCode);
