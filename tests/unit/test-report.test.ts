import { describe, expect, it } from "vitest";
import {
  formatPhases,
  journeyReport,
  journeyTimes,
  projectsOf,
  type PlaywrightReport,
} from "@/scripts/test-report";

const report: PlaywrightReport = {
  stats: { expected: 3, unexpected: 0, flaky: 1, skipped: 1 },
  suites: [
    {
      title: "a.spec.ts",
      specs: [
        {
          title: "quick",
          file: "a.spec.ts",
          tests: [
            { projectName: "chromium", timeout: 30_000, results: [{ duration: 4_000, status: "passed" }] },
          ],
        },
        {
          title: "slow",
          file: "a.spec.ts",
          tests: [
            { projectName: "chromium", timeout: 30_000, results: [{ duration: 12_000, status: "passed" }] },
          ],
        },
      ],
      suites: [
        {
          title: "nested",
          specs: [
            {
              title: "retried",
              file: "a.spec.ts",
              tests: [
                {
                  projectName: "chromium",
                  timeout: 90_000,
                  results: [
                    { duration: 90_000, status: "timedOut" },
                    { duration: 20_000, status: "passed" },
                  ],
                },
              ],
            },
            {
              title: "skipped",
              file: "a.spec.ts",
              tests: [
                { projectName: "chromium", timeout: 30_000, results: [{ duration: 0, status: "skipped" }] },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe("the journeys' report", () => {
  it("reads every test that ran, nested suites included, with its last attempt and its limit", () => {
    expect(journeyTimes(report).map((t) => [t.title, t.duration, t.timeout, t.attempts])).toEqual([
      ["quick", 4_000, 30_000, 1],
      ["slow", 12_000, 30_000, 1],
      ["retried", 20_000, 90_000, 2],
    ]);
  });

  it("lists the largest share of its limit first and marks those over a third", () => {
    const lines = journeyReport(report).split("\n");
    expect(lines[1]).toMatch(/^! +12\.0 s of +30\.0 s +40% .* slow$/);
    expect(lines[2]).toMatch(/^ +20\.0 s of +90\.0 s +22% .* retried \(attempt 2, passed\)$/);
    expect(lines[3]).toMatch(/^ +4\.0 s of +30\.0 s +13% .* quick$/);
    expect(lines.at(-1)).toBe("[test] 1 of 3 journeys took over a third of their limit");
  });

  it("lists one project's journeys when asked, and names the projects that ran", () => {
    expect(projectsOf(report)).toEqual(["chromium"]);
    const project = "chromium";
    const lines = journeyReport(report, project).split("\n");
    expect(lines[0]).toContain(`journeys (${project})`);
    expect(lines.slice(1, -1).every((line) => line.includes(`[${project}]`))).toBe(true);
    expect(journeyReport(report, "no-such-project").split("\n").at(-1)).toBe(
      "[test] 0 of 0 journeys (no-such-project) took over a third of their limit",
    );
  });

  it("names each phase with its time", () => {
    expect(
      formatPhases([
        ["format", 9.4],
        ["lint", 40.6],
      ]),
    ).toBe("[test] phases: format 9 s · lint 41 s (together 50 s)");
    expect(
      formatPhases(
        [
          ["format", 9.4],
          ["lint", 40.6],
        ],
        41,
      ),
    ).toBe("[test] phases: format 9 s · lint 41 s (together 50 s, side by side in 41 s)");
  });
});
