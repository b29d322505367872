// Object storage out of reach (a hung or stopped S3 server, a refused connection, a timeout):
// a fault of its own, answered with the same "temporarily unavailable; nothing was saved" as
// a database outage, but logged as storage so an operator looks at the right server.

/** How long one storage call may take before it counts as an outage (STORAGE_TIMEOUT_MS). */
export const storageTimeoutMs = () =>
  Math.max(100, Number(process.env.STORAGE_TIMEOUT_MS ?? 10_000) || 10_000);

export class StorageUnavailableError extends Error {
  constructor(where: string, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`storage ${where} unavailable (${reason.split("\n")[0]})`, { cause });
    this.name = "StorageUnavailableError";
  }
}

/** Whether `err` or its cause chain is a storage outage. */
export function isStorageUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    if (e instanceof StorageUnavailableError) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
