// Child processes for the project's scripts: inherit stdio, forward Ctrl-C, resolve with
// the exit code so callers can clean up (stop the embedded database) before exiting.
import { spawn } from "node:child_process";
import path from "node:path";

const BIN = path.resolve("node_modules/.bin");

export function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: "inherit",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        ...process.env,
        PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ""}`,
        ...env,
      },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on("error", (err) => {
      console.error(`[run] ${cmd}: ${err.message}`);
      resolve(127);
    });
  });
}

export async function runOrFail(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<void> {
  const code = await run(cmd, args, env);
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${code}`);
}

/**
 * Like `run`, but the child's output (stdout and stderr, in the order written) is kept and
 * returned instead of shown: for work that runs beside other work, printed as one block when
 * it ends so the phases' outputs do not interleave line by line.
 */
export function runCaptured(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(cmd, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        ...process.env,
        PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ""}`,
        ...env,
      },
    });
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const done = (code: number) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve({ code, output: Buffer.concat(chunks).toString("utf8") });
    };
    // "close", not "exit": the pipes are drained by then.
    child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on("error", (err) => {
      chunks.push(Buffer.from(`[run] ${cmd}: ${err.message}\n`));
      done(127);
    });
  });
}
