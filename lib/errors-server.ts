import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/observability/log";
import { isDatabaseUnavailable } from "@/lib/outage";
import { isStorageUnavailable } from "@/lib/storage/outage";

/**
 * What a thrown value means, as an AppError: the app's own errors as they are, and the
 * failures of the database and storage the app knows how to name. Null means unexpected (a
 * bug): the caller logs it whole and answers "something went wrong". Used by server actions
 * (lib/mutation.ts), route handlers (lib/route.ts) and /api/v1 (lib/api/handler.ts), so a
 * failure gets the same answer whichever door it came through (decision 255).
 */
export function appErrorOf(err: unknown, where: "mutation" | "route" | "api"): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025")
    return new AppError("not-found");
  // Before the database check: a storage timeout carries socket codes the database check
  // would also take for its own, and the operator must be sent to the right server.
  if (isStorageUnavailable(err)) {
    log.warn({ error: (err as Error).message }, `${where}: storage unavailable`);
    return new AppError("unavailable");
  }
  // The transaction never committed (or its connection was lost before it could).
  if (isDatabaseUnavailable(err)) {
    log.warn({ error: (err as Error).message.split("\n").at(-1) }, `${where}: database unavailable`);
    return new AppError("unavailable");
  }
  // A value the database cannot take (a number beyond its column, a malformed id): the
  // input was wrong, not the server.
  if (err instanceof Prisma.PrismaClientValidationError) return new AppError("invalid");
  return null;
}
