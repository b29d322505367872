import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile as readFromDisk, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where attachment bytes live. The default is a local directory; a deployment with several
 * app instances plugs in an S3-compatible backend behind the same three calls (DESIGN.md §6).
 * Keys are generated here, never derived from a user's file name, so no path can escape.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when the key is unknown. */
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
}

export class LocalDirectoryStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array) {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // "wx": a key is written once; a collision is a bug, not something to overwrite.
    await writeFile(file, bytes, { flag: "wx" });
  }

  async get(key: string) {
    try {
      return await readFromDisk(/*turbopackIgnore: true*/ this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async remove(key: string) {
    await rm(this.pathOf(key), { force: true });
  }
}

let instance: FileStorage | undefined;

/** The configured backend: `STORAGE_DIR` (default .data/uploads) for the local one. */
export function fileStorage(): FileStorage {
  instance ??= new LocalDirectoryStorage(path.resolve(process.env.STORAGE_DIR ?? ".data/uploads"));
  return instance;
}
