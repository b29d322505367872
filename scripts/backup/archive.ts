// What a backup archive holds, and the paths both commands agree on.
import { spawn } from "node:child_process";
import path from "node:path";

export const FORMAT = "tashil-backup/1";

export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  database: { serverVersion: string; migrations: string[]; tables: Record<string, number> };
  attachments: { key: string; sha256: string; size: number }[];
  /** Attachments the database lists but storage no longer had (deleted while we ran). */
  missingAttachments: string[];
  /** Files of settings that live outside the database, by name inside `settings/`. */
  settings: string[];
};

/** The demo's generated session key; AUTH_SECRET in the environment takes precedence. */
export const authSecretFile = () => path.resolve(process.env.AUTH_SECRET_FILE ?? ".data/auth-secret");
export const envFile = () => path.resolve(".env");

/** tar is on every Linux, macOS and Windows 10+; it keeps the archive readable by hand. */
export function tar(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("tar", args, { stdio: ["ignore", "inherit", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c));
    child.on("error", (e) => reject(new Error(`tar could not be run (${e.message}): install tar`)));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`tar ${args[0]} failed: ${err.trim() || `exit ${code}`}`)),
    );
  });
}
