// `npm run test:busy`: the whole suite (scripts/test.ts, same arguments) while two CPU-bound
// processes run beside it, as on a laptop that is busy with other work or a shared CI machine
// (issue #29). On a 2-core machine that takes about half of it from the tests. Debian's
// `stress-ng --cpu 2` when installed, else two busy Node.js loops; both stop with the suite
// (and by themselves should this script die first).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { run } from "./process";

const HOGS = 2;
/** Longer than any suite may take (CI's limit is 90 minutes): a hog never outlives it by much. */
const MAX_SECONDS = 100 * 60;

function startHogs(): { what: string; children: ChildProcess[] } {
  const stressNg = spawnSync("stress-ng", ["--version"], { stdio: "ignore" }).status === 0;
  if (stressNg)
    return {
      what: `stress-ng --cpu ${HOGS}`,
      children: [
        spawn("stress-ng", ["--cpu", String(HOGS), "--timeout", `${MAX_SECONDS}s`, "--quiet"], {
          stdio: "ignore",
        }),
      ],
    };
  // Each loop looks up now and then whether its parent is still there, and how long it has run.
  const loop = `const parent = process.ppid, end = Date.now() + ${MAX_SECONDS * 1000};
    for (let i = 0; ; i++) if ((i & 0xffffff) === 0) {
      try { process.kill(parent, 0); } catch { process.exit(0); }
      if (Date.now() > end) process.exit(0);
    }`;
  return {
    what: `${HOGS} busy Node.js loops (stress-ng is not installed)`,
    children: Array.from({ length: HOGS }, () => spawn(process.execPath, ["-e", loop], { stdio: "ignore" })),
  };
}

const hogs = startHogs();
const stop = () => {
  for (const child of hogs.children) if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("exit", stop);
console.log(
  `[test:busy] beside the suite: ${hogs.what}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);
const code = await run("tsx", ["scripts/test.ts", ...process.argv.slice(2)]);
// scripts/test.ts has printed the load at its end and the closing "N passed, N failed" line,
// which stays the last line of the run.
stop();
process.exit(code);
