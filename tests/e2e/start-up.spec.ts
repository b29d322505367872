import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { serverNodeOptions } from "../../scripts/server-options";

// Issue #31: without APP_URL every e-mail link pointed at http://localhost:3000. The production
// build refuses to start without a public address, in one sentence naming the variable.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 6;

test("the production server refuses to start without APP_URL, naming it", async () => {
  test.setTimeout(60_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: serverNodeOptions(),
    AUTH_SECRET: "e2e-only-secret-not-for-production-use-0123456789",
    AUTH_TRUST_HOST: "true",
  };
  delete env.APP_URL;
  delete env.AUTH_URL;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (c: Buffer) => (output += c));
  server.stderr.on("data", (c: Buffer) => (output += c));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill();
      resolve(null);
    }, 45_000);
    server.on("close", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, output).toBe(1);
  expect(output).toMatch(/\[start\] APP_URL is not set: /);
  expect(output).not.toMatch(/ at .*\.js:\d+/);
});
