// Tools the tests take from Debian's packages (never a download of their own): Chromium for the
// browser journeys, LibreOffice to open the Word and Excel files the app writes, poppler's
// pdftoppm to turn a printed page into an image. Missing, they are installed when this runs as
// root; otherwise the caller fails with the command that would install them — a test that
// needs one never passes without it (docs/decisions/234-agenda-files-and-libreoffice-test.md).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

// Another install (unattended-upgrades, a colleague's apt-get) may hold the package
// manager's lock: wait for it (up to 10 minutes) rather than fail the whole run.
const APT_WAIT = ["-o", "DPkg::Lock::Timeout=600"];

export function aptGet(args: string[], env: NodeJS.ProcessEnv = process.env) {
  // `update` takes the lists lock, which older apt versions do not wait for: retry.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync("apt-get", [...APT_WAIT, ...args], {
        stdio: "inherit",
        env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
      });
      return;
    } catch (err) {
      if (attempt >= 20) throw err;
      console.log(`[test] apt-get ${args[0]} failed (the package manager may be busy); retrying in 30 s …`);
      execFileSync("sleep", ["30"]);
    }
  }
}

/** The path of a program, when it is on the PATH or at the given absolute path. */
export function findProgram(program: string): string | null {
  if (program.startsWith("/")) return existsSync(program) ? program : null;
  for (const dir of (process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin").split(":")) {
    if (dir && existsSync(`${dir}/${program}`)) return `${dir}/${program}`;
  }
  return null;
}

/**
 * The program's path, installing its Debian packages first when it is missing and this runs as
 * root. Throws, naming the install command, when it is missing and cannot be installed.
 */
export function ensureDebianProgram(program: string, packages: string[]): string {
  const found = findProgram(program);
  if (found) return found;
  const install = `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  if (process.getuid?.() !== 0)
    throw new Error(`${program} is missing and this is not root: install it with 'sudo ${install}'`);
  console.log(`[test] installing ${packages.join(", ")} from Debian's packages …`);
  aptGet(["update", "-qq"]);
  aptGet(["install", "-y", "-qq", "--no-install-recommends", ...packages]);
  const installed = findProgram(program);
  if (!installed) throw new Error(`${program} is still missing after '${install}'`);
  return installed;
}

export const LIBREOFFICE_PACKAGES = ["libreoffice-writer-nogui", "libreoffice-calc-nogui"];
export const POPPLER_PACKAGES = ["poppler-utils"];
