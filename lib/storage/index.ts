import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile as readFromDisk, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

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
  /**
   * Stores what the stream yields without holding it in memory (large exports); resolves
   * with the number of bytes once everything is stored, rejects (and stores nothing) on error.
   */
  putStream(key: string, source: Readable): Promise<number>;
  /** The stored bytes as a stream, or null when the key is unknown. */
  getStream(key: string): Promise<Readable | null>;
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

  async putStream(key: string, source: Readable) {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, count, createWriteStream(file, { flags: "wx" }));
    } catch (err) {
      // A half-written file must not look like a stored one.
      await rm(file, { force: true });
      throw err;
    }
    return bytes;
  }

  async getStream(key: string) {
    const file = this.pathOf(key);
    try {
      // Opened first so a missing key is a null here, not an error event mid-response.
      const handle = await open(/*turbopackIgnore: true*/ file, "r");
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }
}

let instance: FileStorage | undefined;

/** The configured backend: `STORAGE_DIR` (default .data/uploads) for the local one. */
export function fileStorage(): FileStorage {
  instance ??= new LocalDirectoryStorage(path.resolve(process.env.STORAGE_DIR ?? ".data/uploads"));
  return instance;
}
