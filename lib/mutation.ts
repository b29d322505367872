import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, formStateOf, outcomeOf, type ErrorCode } from "@/lib/errors";
import { appErrorOf } from "@/lib/errors-server";
import type { FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { AlreadySubmitted, firstAnswer } from "@/lib/idempotency";
import { currentRequestId, noteActionOutcome, type ActionOutcome } from "@/lib/observability/context";
import { errorFields, log } from "@/lib/observability/log";

/**
 * A failure the user can act on, with its message already localised: an AppError (decision
 * 255) whose code is "invalid" unless the domain names another (a conflict, say).
 */
export class UserFacingError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>, code: ErrorCode = "invalid") {
    super(code, message, fieldErrors ? { fieldErrors } : {});
    this.name = "UserFacingError";
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
        noteActionOutcome(outcomeOf("conflict"));
        return formStateOf(new AppError("conflict"), t);
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
  if (err instanceof AlreadySubmitted) return ["ok", await firstAnswer(err, t)];
  // The one table (lib/errors.ts) words the answer and names the outcome.
  const known = appErrorOf(err, "mutation");
  if (known) return [outcomeOf(known.code), formStateOf(known, t)];
  log.error(errorFields(err), "mutation failed");
  return ["error", { ok: false, message: unexpectedMessage(t) }];
}

/** "Something unexpected went wrong", with the reference that finds its log lines. */
export function unexpectedMessage(t: Translate): string {
  const reference = currentRequestId();
  return reference ? t("errors.unexpectedReference", { reference }) : t("errors.unexpected");
}

/** Someone saved the record after this form was filled in; nothing was written. */
export const conflictError = (t: Translate) =>
  new UserFacingError(t("errors.conflict"), undefined, "conflict");

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
