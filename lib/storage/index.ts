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

/** Stores an uploaded file under a new key (used for progress-report evidence). */
export async function saveFile(
  file: File,
  opts?: { maxBytes?: number },
): Promise<{ storageKey: string; fileName: string; mimeType: string; sizeBytes: number }> {
  if (opts?.maxBytes !== undefined && file.size > opts.maxBytes) throw new RangeError(`file too large: ${file.size} > ${opts.maxBytes}`);
  const storageKey = newStorageKey();
  await fileStorage().put(storageKey, new Uint8Array(await file.arrayBuffer()));
  // Only the base name is kept: browsers on Windows used to send the full path.
  const fileName = (file.name.split(/[\\/]/).pop() ?? "").slice(0, 200) || "file";
  return { storageKey, fileName, mimeType: file.type || "application/octet-stream", sizeBytes: file.size };
}

/** The bytes of a stored file; throws when the key is unknown. */
export async function readFile(storageKey: string): Promise<Buffer> {
  const bytes = await fileStorage().get(storageKey);
  if (!bytes) throw new Error(`no stored file for ${storageKey}`);
  return bytes;
}
