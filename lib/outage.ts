import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { StorageUnavailableError } from "@/lib/storage/outage";

// A database outage (PostgreSQL restarting, a failover, the network between) must get the
// user a clear "temporarily unavailable; nothing was saved" rather than a bare 500, and the
// app must recover by itself: the pool opens new connections once the server is back.

// Prisma's codes for "could not reach / lost the server / ran out of connections".
const PRISMA_CODES = new Set(["P1001", "P1002", "P1003", "P1008", "P1011", "P1017", "P2024"]);
// What the driver adapter reports as the cause of a failed query.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// Node's socket errors, and SQLSTATE classes 08 (connection exception) and 57P (shutdown).
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);
const SQLSTATE = /^(08|57P0[1-3]|53300)/;
// pg's own wording when a connection drops or cannot be made in time.
const MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Can't reach database server",
  "Client has encountered a connection error",
  "the database system is starting up",
  "the database system is shutting down",
  // Prisma's P2028 when no pooled connection came free within the transaction's maxWait:
  // every connection busy is an outage to the user too (issue #31), not an unexpected error.
  "Unable to start a transaction in the given time",
];

type Cause = { kind?: string; originalCode?: string };

/** Whether `err` (or anything in its cause chain) says the database is out of reach. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    // Object storage's own outage (lib/storage/outage.ts), whatever socket error it carries.
    if (e instanceof StorageUnavailableError) return false;
    if (e instanceof ServiceUnavailableError) return true;
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (e instanceof Prisma.PrismaClientKnownRequestError) {
      if (PRISMA_CODES.has(e.code)) return true;
      const cause = (e.meta?.driverAdapterError as { cause?: Cause } | undefined)?.cause;
      if (cause?.kind && ADAPTER_KINDS.has(cause.kind)) return true;
      if (cause?.originalCode && SQLSTATE.test(cause.originalCode)) return true;
    }
    if (typeof e === "object") {
      const { code, message } = e as { code?: unknown; message?: unknown };
      if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
      if (typeof message === "string" && MESSAGES.some((m) => message.includes(m))) return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Thrown where an outage must unwind a request that has no FormState to answer with. */
export class ServiceUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("The database is temporarily unavailable", { cause });
  }
}

/** Seconds a client should wait before trying again (HTTP Retry-After); kept in lib/errors.ts. */
export { RETRY_AFTER_SECONDS } from "@/lib/errors";
