// Which Node.js runs Tashil. The runtime is a package (`node-<os>-<cpu>` in package.json's
// optionalDependencies) that npm links as node_modules/.bin/node, so everything started by an
// npm script runs on it whatever Node the machine has (docs/decisions/010-node-runtime.md).
// Run outside npm (e.g. `tsx scripts/run.ts` from a shell), the machine's Node would run the
// app instead: refuse that rather than run a government system on an unsupported Node.
import { readFileSync } from "node:fs";

type Manifest = { optionalDependencies?: Record<string, string> };

/** The pinned version for this machine, or null where no runtime package exists for it. */
export function pinnedRuntime(): string | null {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
  const os = process.platform === "win32" ? "win" : process.platform;
  return manifest.optionalDependencies?.[`node-${os}-${process.arch}`] ?? null;
}

/** Prints the runtime, and exits when it is not the pinned one (or, without one, not Node 24). */
export function checkRuntime(tag: string): void {
  console.log(`[${tag}] Node.js ${process.version} (${process.execPath})`);
  const pinned = pinnedRuntime();
  if (pinned ? process.version === `v${pinned}` : process.versions.node.startsWith("24.")) return;
  console.error(
    pinned
      ? `[${tag}] Tashil runs on Node.js v${pinned} from node_modules/.bin, not ${process.version}: ` +
          "run it through npm (npm start, npm test, npm run …, npx …) after `npm ci`."
      : `[${tag}] no Node.js runtime package for ${process.platform}-${process.arch}: ` +
          "install Node.js 24 LTS on this machine.",
  );
  process.exit(1);
}
