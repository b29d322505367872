// What `npm test` prints after the runners: each phase's time, and each journey's time against
// its limit (issue #29). A journey that takes more than a third of its limit on an idle machine
// has no room left for a busy one: it is marked, so slowness shows before it fails.

/** The parts of Playwright's JSON report read here. */
export type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
};
type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: {
    title: string;
    file: string;
    tests: { projectName: string; timeout: number; results: { duration: number; status: string }[] }[];
  }[];
  suites?: PlaywrightSuite[];
};

export type JourneyTime = {
  project: string;
  file: string;
  title: string;
  /** Of the last attempt, in ms. */
  duration: number;
  /** The limit the test ran under (test.setTimeout included), in ms. */
  timeout: number;
  attempts: number;
  status: string;
};

export function journeyTimes(report: PlaywrightReport): JourneyTime[] {
  const out: JourneyTime[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) {
        const last = test.results.at(-1);
        if (!last || last.status === "skipped") continue;
        out.push({
          project: test.projectName,
          file: spec.file,
          title: spec.title,
          duration: last.duration,
          timeout: test.timeout,
          attempts: test.results.length,
          status: last.status,
        });
      }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return out;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The projects that ran, in the order their first test appears in the report. */
export function projectsOf(report: PlaywrightReport): string[] {
  return [...new Set(journeyTimes(report).map((t) => t.project))];
}

/**
 * One line per journey (of `project` when named), slowest share of its limit first; over a
 * third is marked "!".
 */
export function journeyReport(report: PlaywrightReport, project?: string): string {
  const times = journeyTimes(report)
    .filter((t) => project === undefined || t.project === project)
    .sort((a, b) => b.duration / b.timeout - a.duration / a.timeout);
  const named = project === undefined ? "" : ` (${project})`;
  const over = times.filter((t) => t.timeout > 0 && t.duration * 3 > t.timeout);
  const lines = times.map((t) => {
    const share = t.timeout > 0 ? Math.round((100 * t.duration) / t.timeout) : 0;
    const mark = t.timeout > 0 && t.duration * 3 > t.timeout ? "!" : " ";
    const retried = t.attempts > 1 ? ` (attempt ${t.attempts}, ${t.status})` : "";
    return `${mark} ${seconds(t.duration).padStart(7)} of ${seconds(t.timeout).padStart(7)} ${String(share).padStart(3)}%  [${t.project}] ${t.file} › ${t.title}${retried}`;
  });
  return [
    `[test] journeys${named}: time of the last attempt of its limit ("!": over a third of it)`,
    ...lines,
    `[test] ${over.length} of ${times.length} journeys${named} took over a third of their limit`,
  ].join("\n");
}

/**
 * "[test] phases: format 9 s · lint 41 s · … (together 50 s)"; with the run's wall time, "…
 * (together 50 s, side by side in 30 s)": phases that ran in parallel lanes add up to more.
 */
export function formatPhases(phases: [string, number][], wallSeconds?: number): string {
  const total = phases.reduce((sum, [, s]) => sum + s, 0);
  const parts = phases.map(([name, s]) => `${name} ${Math.round(s)} s`);
  const wall =
    wallSeconds !== undefined && Math.round(wallSeconds) < Math.round(total)
      ? `, side by side in ${Math.round(wallSeconds)} s`
      : "";
  return `[test] phases: ${parts.join(" · ")} (together ${Math.round(total)} s${wall})`;
}
