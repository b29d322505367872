// The alert rules the operator deploys (ops/prometheus/alerts.yml) are valid Prometheus rules,
// and each fires on the series that should fire it and not on healthy ones
// (ops/prometheus/alerts.test.yml), checked by Prometheus's own promtool.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const PROMTOOL = process.env.PROMTOOL ?? "/usr/bin/promtool";
const run = (args: string[]) =>
  execFileSync(PROMTOOL, args, {
    cwd: "ops/prometheus",
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

// promtool comes with Debian's `prometheus` package, which a developer's machine may not have.
describe.skipIf(!existsSync(PROMTOOL))("alert rules (promtool; apt-get install prometheus)", () => {
  it("are valid rules", () => {
    expect(run(["check", "rules", "alerts.yml"])).toContain("SUCCESS: 9 rules found");
  });

  it("fire on a replica that stopped, a 5% error rate, a job backlog and failed jobs, and not on health", () => {
    expect(run(["test", "rules", "alerts.test.yml"])).toContain("SUCCESS");
  });
});
