import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readFile as readFromDisk, writeFile } from "node:fs/promises";
import path from "node:path";

// The one way attachments reach storage (DESIGN.md §6). This is the local-directory backend;
// an S3-compatible backend can sit behind the same two functions for several instances.
// Keys are generated here, never taken from the user, so a key cannot point outside the root.

const root = () => path.resolve(process.env.STORAGE_DIR ?? ".data/uploads");
const KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

export async function saveFile(
  file: File,
  opts?: { maxBytes?: number },
): Promise<{ storageKey: string; fileName: string; mimeType: string; sizeBytes: number }> {
  if (opts?.maxBytes !== undefined && file.size > opts.maxBytes) throw new RangeError(`file too large: ${file.size} > ${opts.maxBytes}`);
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
  const target = /*turbopackIgnore: true*/ path.join(root(), storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, Buffer.from(await file.arrayBuffer()), { flag: "wx" });
  // Only the base name is kept: browsers on Windows used to send the full path.
  const fileName = (file.name.split(/[\\/]/).pop() ?? "").slice(0, 200) || "file";
  return { storageKey, fileName, mimeType: file.type || "application/octet-stream", sizeBytes: file.size };
}

export async function readFile(storageKey: string): Promise<Buffer> {
  if (!KEY.test(storageKey)) throw new RangeError("invalid storage key");
  // The key was checked above; the root is configuration, so tracing must not follow it.
  return readFromDisk(/*turbopackIgnore: true*/ path.join(root(), storageKey));
}
