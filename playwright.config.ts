import { defineConfig, devices } from "@playwright/test";
import { serverNodeOptions } from "./scripts/server-options";
import { E2E_AUTH_SECRET } from "./tests/e2e/server-env";
import { inboxServerEnv } from "./tests/e2e/inbox";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium, never a downloaded browser (the machine cannot download one).
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // scripts/test.ts gives each project run its own folder: a later run would empty this one.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? "test-results/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // scripts/test.ts runs each project on its own and names each one's report.
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_REPORT_FILE ?? "test-results/playwright.json" }],
  ],
  // The SMTP server and SMS gateway the app sends through, for the whole run (tests/e2e/inbox.ts).
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fa-IR",
    timezoneId: "Asia/Tehran",
    // A trace is recorded only when a failed test is run again (CI retries once): recording one
    // for every test and keeping it only on failure cost about a sixth of the browser tests'
    // processor time (screencast frames and DOM snapshots; docs/decisions/207). For a trace of
    // a local failure: `npm test -- e2e <spec> --trace=on`.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // The accessibility sweep and the fuzz run on their own afterwards: their load (axe over
      // every page, hundreds of hostile requests) would slow the journeys past their timeouts.
      testIgnore: /(fuzz|accessibility)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: CHROMIUM },
    },
    {
      name: "accessibility",
      testMatch: /accessibility\.spec\.ts/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], launchOptions: CHROMIUM },
    },
    {
      name: "fuzz",
      testMatch: /fuzz\.spec\.ts/,
      dependencies: ["accessibility"],
      use: { ...devices["Desktop Chrome"], launchOptions: CHROMIUM },
    },
  ],
  webServer: {
    // The production build `npm test` made, started directly so stopping it stops one process,
    // on the Node.js that runs Playwright (the pinned one, docs/decisions/010-node-runtime.md).
    command: `"${process.execPath}" node_modules/next/dist/bin/next start -p ${PORT}`,
    // Its log names its runtime (instrumentation.ts); show it beside the tests'.
    stdout: "pipe",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      // The app's own role when `npm test` made one (scripts/database-roles.ts), else the owner.
      DATABASE_URL: process.env.E2E_SERVER_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
      AUTH_SECRET: E2E_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      APP_URL: `http://127.0.0.1:${PORT}`,
      // The deployed heap limit (scripts/server-options.ts): the journeys run within it.
      NODE_OPTIONS: serverNodeOptions(),
      // Tests read figures right after changing them: national figures are kept only while
      // nothing changed (lib/cache.ts), never for a minute through a change.
      NATIONAL_CACHE_SECONDS: "0",
      // One JSON line per request would bury the test output; warnings and errors still show.
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      // Mail and SMS really leave, to the run's own servers: the journeys read what arrived.
      ...inboxServerEnv,
    },
  },
});
