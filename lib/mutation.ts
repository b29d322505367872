import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError } from "@/lib/auth/policy";
import type { FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { AlreadySubmitted, firstAnswer } from "@/lib/idempotency";
import { currentRequestId, noteActionOutcome, type ActionOutcome } from "@/lib/observability/context";
import { errorFields, log } from "@/lib/observability/log";
import { isDatabaseUnavailable } from "@/lib/outage";
import { isStorageUnavailable } from "@/lib/storage/outage";

/** A failure the user can act on, with its message already localised. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/**
 * Runs a mutation and answers the user in words: refusals, known conflicts and unexpected
 * failures become a localised message, never a stack trace. The transaction inside `work`
 * has rolled back by the time we get here, so nothing is half-written.
 */
export async function mutation(t: Translate, work: () => Promise<FormState>): Promise<FormState> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await work();
      noteActionOutcome(answer.ok ? "ok" : "invalid");
      return answer;
    } catch (err) {
      // PostgreSQL broke a deadlock or a serialisation conflict between two saves by rolling
      // this one back whole. Running it again is safe and usually succeeds, or meets the
      // other save's version and says so; a third loss is reported as a conflict.
      if (isWriteConflict(err)) {
        if (attempt < 3) continue;
        noteActionOutcome("conflict");
        return { ok: false, message: t("errors.conflict") };
      }
      const [outcome, answer] = await answerFailure(err, t);
      noteActionOutcome(outcome);
      return answer;
    }
  }
}

const isWriteConflict = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2034";

async function answerFailure(err: unknown, t: Translate): Promise<[ActionOutcome, FormState]> {
  if (err instanceof UserFacingError)
    return ["invalid", { ok: false, message: err.message, fieldErrors: err.fieldErrors }];
  if (err instanceof AlreadySubmitted) return ["ok", await firstAnswer(err, t)];
  if (err instanceof ForbiddenError) return ["refused", { ok: false, message: t("errors.forbidden") }];
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025")
    return ["invalid", { ok: false, message: t("errors.notFoundRecord") }];
  // Before the database check: a storage timeout carries socket codes the database check
  // would also take for its own, and the operator must be sent to the right server.
  if (isStorageUnavailable(err)) {
    log.warn({ error: (err as Error).message }, "mutation: storage unavailable");
    return ["unavailable", { ok: false, message: t("errors.serviceUnavailable") }];
  }
  // The transaction never committed (or its connection was lost before it could).
  if (isDatabaseUnavailable(err)) {
    log.warn({ error: (err as Error).message.split("\n").at(-1) }, "mutation: database unavailable");
    return ["unavailable", { ok: false, message: t("errors.serviceUnavailable") }];
  }
  // A value the database cannot take (a number beyond its column, a malformed id): the
  // input was wrong, not the server.
  if (err instanceof Prisma.PrismaClientValidationError)
    return ["invalid", { ok: false, message: t("validation.invalidInput") }];
  log.error(errorFields(err), "mutation failed");
  return ["error", { ok: false, message: unexpectedMessage(t) }];
}

/** "Something unexpected went wrong", with the reference that finds its log lines. */
export function unexpectedMessage(t: Translate): string {
  const reference = currentRequestId();
  return reference ? t("errors.unexpectedReference", { reference }) : t("errors.unexpected");
}

/** Someone saved the record after this form was filled in; nothing was written. */
export const conflictError = (t: Translate) => new UserFacingError(t("errors.conflict"));

/**
 * The compare-and-set step of an optimistic edit: `updateMany({ where: { id, version } })`
 * touched no row, so the version the user read is stale. Throwing rolls the transaction back.
 */
export function assertCurrentVersion(updated: { count: number }, t: Translate): void {
  if (updated.count === 0) throw conflictError(t);
}

export const isUniqueViolation = (err: unknown, field?: string): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError &&
  err.code === "P2002" &&
  (field === undefined || JSON.stringify(err.meta ?? {}).includes(field));
