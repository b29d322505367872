import path from "node:path";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

if (existsSync(".env")) process.loadEnvFile(".env");

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker package throws outside React Server Components; tests are server-side code.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // bundled through Vite it resolves (lib/auth/credentials.ts raises next-auth's errors).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // A few unit tests do real work (every Jalali day of two centuries, ESLint on the
          // tree): ~2–4 s alone, past vitest's 5 s default on a loaded 2-core CI machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Tests write and read back in one breath, faster than PostgreSQL's change notices
          // reach the listener: kept figures (lib/cache.ts) are tested on their own, in
          // tests/integration/kept-figures.test.ts, and by the end-to-end journeys.
          env: { FIGURES_CACHE: "off" },
          // Each test file works in a province of its own (tests/support/fixtures.ts), so files
          // may run in parallel against one database. They wait on PostgreSQL far more than they
          // compute: two at a time at least, not Vitest's default of one fewer than the cores
          // (one at a time on a 2-core machine, which took 165 s; docs/decisions/207).
          // INTEGRATION_WORKERS=1 runs them one at a time again (to tell a clash from a bug).
          maxWorkers: Number(process.env.INTEGRATION_WORKERS) || Math.max(2, availableParallelism() - 1),
          // A project whose maxWorkers differs from the unit project's needs a group of its own.
          sequence: { groupOrder: 1 },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
