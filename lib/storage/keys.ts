import { randomUUID } from "node:crypto";
import { Transform, type Readable } from "node:stream";

/**
 * Where attachment bytes live. The default is a local directory; a deployment with several
 * app instances uses S3-compatible object storage behind the same calls (decisions 112
 * and 110). Keys are generated here, never derived from a
 * user's file name, so no path can escape and no object name carries personal data.
 */
export interface FileStorage {
  /** For logs and the backup's summary: which backend and where. */
  readonly description: string;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when the key is unknown. For small files only. */
  get(key: string): Promise<Buffer | null>;
  /** Removing an unknown key is not an error (cleanup after a failed transaction). */
  remove(key: string): Promise<void>;
  /**
   * Stores what the stream yields without holding it in memory (uploads, large exports);
   * resolves with the number of bytes once everything is stored, rejects (and stores
   * nothing) on error.
   */
  putStream(key: string, source: Readable): Promise<number>;
  /** The stored bytes as a stream, or null when the key is unknown. */
  getStream(key: string): Promise<Readable | null>;
}

const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
}

/** Every backend refuses a key it did not make: no `..`, no absolute path, no other object. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
  return key;
}

/** A pass-through stream that counts what went through it. */
export function byteCounter(): Transform & { bytes(): number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(counter, { bytes: () => bytes });
}
