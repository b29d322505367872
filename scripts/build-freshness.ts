// Whether `.next` holds a build of the current sources: `npm start` and the benchmarks
// rebuild only when a source is newer than the last build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
/** Files at the root that go into the build (the proxy and instrumentation run in the server). */
const SOURCE_FILES = ["next.config.ts", "package-lock.json", "proxy.ts", "instrumentation.ts"];

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name === "migrations") continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) if (existsSync(d)) walk(d);
  for (const f of SOURCE_FILES) if (existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

export function buildIsCurrent(): boolean {
  const stamp = ".next/BUILD_ID";
  return existsSync(stamp) && statSync(stamp).mtimeMs > newestSourceMtime();
}
