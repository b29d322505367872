import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile as readFromDisk, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { byteCounter, checkKey, type FileStorage } from "./keys";

/** The default backend: one directory (a shared mount when several instances serve). */
export class LocalDirectoryStorage implements FileStorage {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `directory ${root}`;
  }

  private pathOf(key: string): string {
    return path.join(this.root, checkKey(key));
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
    const counter = byteCounter();
    try {
      await pipeline(source, counter, createWriteStream(file, { flags: "wx" }));
    } catch (err) {
      // A half-written file must not look like a stored one.
      await rm(file, { force: true });
      throw err;
    }
    return counter.bytes();
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
