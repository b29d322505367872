import "server-only";
import path from "node:path";
import { metrics } from "@/lib/observability/metrics";
import type { FileStorage } from "./keys";
import { LocalDirectoryStorage } from "./local";
import { S3Storage, s3SettingsFromEnv } from "./s3";

export { newStorageKey, type FileStorage } from "./keys";
export { LocalDirectoryStorage } from "./local";
export { S3Storage, type S3Settings } from "./s3";

/**
 * The backend the environment chooses: `S3_BUCKET` set means S3-compatible object storage
 * (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE),
 * otherwise the directory `STORAGE_DIR` (default .data/uploads).
 */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): FileStorage {
  if (env.S3_BUCKET) return new S3Storage(s3SettingsFromEnv(env));
  return new LocalDirectoryStorage(path.resolve(env.STORAGE_DIR ?? ".data/uploads"));
}

let instance: FileStorage | undefined;

/** The configured backend, made once per process; its failures are counted for the operator. */
export function fileStorage(): FileStorage {
  instance ??= countingFailures(storageFromEnv());
  return instance;
}

/** Every failed storage call bumps tashil_storage_errors_total{operation}, then fails as before. */
function countingFailures(storage: FileStorage): FileStorage {
  const counted =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (err) {
        metrics.storageErrors.inc({ operation });
        throw err;
      }
    };
  return {
    description: storage.description,
    put: counted("put", storage.put.bind(storage)),
    get: counted("get", storage.get.bind(storage)),
    remove: counted("remove", storage.remove.bind(storage)),
    putStream: counted("putStream", storage.putStream.bind(storage)),
    getStream: counted("getStream", storage.getStream.bind(storage)),
  };
}
