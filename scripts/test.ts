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
import { aptGet, ensureDebianProgram, LIBREOFFICE_PACKAGES } from "./debian-packages";
import { ensureDatabaseServer, orExplain, recreateDatabase, withDatabaseName } from "./db";
import { run, runOrFail } from "./process";
import { formatPhases, journeyReport, type PlaywrightReport } from "./test-report";
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

/** One Vitest project (or both), its JSON report added to the tally. */
async function vitest(project: "unit" | "integration", databaseUrl: string) {
  const out = `test-results/vitest-${project}.json`;
  const exit = await run(
    "vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    { DATABASE_URL: databaseUrl },
  );
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
  if (only === undefined) {
    // Each counts as one test: a formatting slip or a layering breach fails the suite.
    for (const [name, cmd, args] of [
      ["format", "prettier", ["--check", "--log-level=warn", "."]],
      ["lint", "eslint", [".", "--max-warnings", "0"]],
    ] as const) {
      if ((await phase(name, () => run(cmd, [...args]))) === 0) tally.passed++;
      else {
        console.error(`[test] ${cmd} failed: run \`npm run ${cmd === "prettier" ? "format" : "lint"}\`.`);
        tally.failed++;
      }
    }
  }
  const wantsVitest = only !== "e2e";
  const wantsE2e = only === undefined || only === "e2e";
  if (wantsE2e) ensureChromium();
  // The Word and Excel files are opened in LibreOffice (tests/integration/paper-office.test.ts):
  // installed here, in a phase of its own, so its minute or so shows in the timings. When it
  // cannot be, the rest still runs and that test fails saying why.
  if (wantsVitest && only !== "unit")
    await phase("tools", async () => {
      try {
        ensureDebianProgram("soffice", LIBREOFFICE_PACKAGES);
      } catch (err) {
        console.error(
          `[test] ${(err as Error).message}: the tests that open Word and Excel files will fail.`,
        );
      }
    });

  // A prefix of its own lets several checkouts share one PostgreSQL server.
  const base = process.env.TEST_DB_PREFIX ?? "tashil";
  const [testUrl, e2eUrl] = await phase("databases", () =>
    Promise.all([
      wantsVitest && only !== "unit"
        ? prepareDatabase(server.serverUrl, `${base}_test`)
        : Promise.resolve(""),
      wantsE2e ? prepareDatabase(server.serverUrl, `${base}_e2e`) : Promise.resolve(""),
    ]),
  );

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

  // Unit and integration run one after the other, so each phase's time is its own.
  if (wantsVitest && only !== "integration") await phase("unit", () => vitest("unit", testUrl));
  if (wantsVitest && only !== "unit") await phase("integration", () => vitest("integration", testUrl));

  if (wantsE2e) {
    if (!process.env.SKIP_BUILD)
      await phase("build", () => runOrFail("next", ["build"], { DATABASE_URL: e2eUrl }));
    // The browser tests' server connects as the app's own role, as `npm start` and a
    // deployment do (scripts/database-roles.ts); the specs' own SQL keeps the owner's URL.
    const appUrl = await ensureAppRole(e2eUrl, "tashil-test-database-role");
    // The journeys, the accessibility sweep and the fuzz run one after another, each on its own
    // (--no-deps): a journey that fails no longer leaves the other two unrun, and each report
    // is read on its own. With Playwright arguments (one spec, a grep) it is one run as asked.
    const runs: { name: string; args: string[] }[] = playwrightArgs.length
      ? [{ name: "e2e", args: playwrightArgs }]
      : ["chromium", "accessibility", "fuzz"].map((project) => ({
          name: project,
          args: ["--project", project, "--no-deps"],
        }));
    await phase("e2e", async () => {
      for (const { name, args } of runs) {
        const reportFile = `test-results/playwright-${name}.json`;
        rmSync(reportFile, { force: true });
        const exit = await run("playwright", ["test", ...args], {
          DATABASE_URL: e2eUrl,
          E2E_SERVER_DATABASE_URL: appUrl,
          CHROMIUM_PATH: CHROMIUM,
          PLAYWRIGHT_REPORT_FILE: reportFile,
          PLAYWRIGHT_OUTPUT_DIR: `test-results/e2e-${name}`,
        });
        const report = readJson<PlaywrightReport>(reportFile);
        if (report) console.log(`\n${journeyReport(report)}`);
        if (!report) {
          console.error(`[test] Playwright (${name}) wrote no report (exit ${exit}).`);
          tally.failed++;
          continue;
        }
        tally.passed += report.stats.expected + report.stats.flaky;
        // A server that never started fails the run without failing any single test.
        tally.failed += report.stats.unexpected + (report.stats.unexpected === 0 && exit !== 0 ? 1 : 0);
        tally.skipped += report.stats.skipped;
      }
    });
  }
} catch (err) {
  console.error(`[test] ${(err as Error).message}`);
  tally.failed++;
} finally {
  await server.stop();
}
if (tally.failed > 0 || tally.passed === 0) exitCode = 1;
console.log(`\n[test] finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(formatPhases(phases));
console.log(`[test] load average at the end: ${load()}`);
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(exitCode);
