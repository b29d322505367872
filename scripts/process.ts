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
