// One error type for the whole app (decision 255). A failure the code can name carries a
// code; the table below decides, in one place, what each code becomes for the three kinds of
// caller: a form (FormState: a localised message), a route handler and /api/v1 (an RFC 9457
// problem document: status and type), and the action metrics (the outcome label).
// No "server-only" marker, and types only in its imports: lib/auth/policy.ts builds on it and
// may be read by the UI, so it must not pull the message catalogue in. The HTTP side of the
// table (status, problem+json) is `problemOf` in lib/api/problem.ts.
import type { ProblemKind } from "@/lib/api/problem";
import type { FormState } from "@/lib/forms";
import type { MessageKey, Translate } from "@/lib/i18n/messages";

/** How a server action ended, as counted in the metrics (lib/observability/context.ts). */
export type Outcome = "invalid" | "refused" | "conflict" | "unavailable" | "error";

type Entry = {
  /** The problem+json kind: its status and `type` URI come from PROBLEMS. */
  problem: ProblemKind;
  /** The message when the error carries no words of its own. */
  message: MessageKey;
  outcome: Outcome;
};

/** The table: every code, once, with its form message, problem kind and outcome. */
export const ERRORS = {
  "bad-request": { problem: "bad-request", message: "errors.badRequest", outcome: "invalid" },
  unauthenticated: { problem: "unauthorized", message: "errors.unauthenticated", outcome: "refused" },
  forbidden: { problem: "forbidden", message: "errors.forbidden", outcome: "refused" },
  "not-found": { problem: "not-found", message: "errors.notFoundRecord", outcome: "invalid" },
  gone: { problem: "gone", message: "api.problem.gone", outcome: "invalid" },
  "method-not-allowed": {
    problem: "method-not-allowed",
    message: "api.problem.methodNotAllowed",
    outcome: "invalid",
  },
  conflict: { problem: "conflict", message: "errors.conflict", outcome: "conflict" },
  "too-large": { problem: "payload-too-large", message: "errors.tooLarge", outcome: "invalid" },
  "unsupported-media-type": {
    problem: "unsupported-media-type",
    message: "api.problem.unsupportedMediaType",
    outcome: "invalid",
  },
  invalid: { problem: "unprocessable-content", message: "validation.invalidInput", outcome: "invalid" },
  "rate-limited": {
    problem: "too-many-requests",
    message: "api.problem.tooManyRequests",
    outcome: "refused",
  },
  unavailable: {
    problem: "service-unavailable",
    message: "errors.serviceUnavailable",
    outcome: "unavailable",
  },
  unexpected: { problem: "internal-error", message: "errors.unexpected", outcome: "error" },
} as const satisfies Record<string, Entry>;
export type ErrorCode = keyof typeof ERRORS;

/** Seconds a client should wait after an outage before trying again (HTTP Retry-After). */
export const RETRY_AFTER_SECONDS = 10;

/** The code whose problem kind is `kind` (the table maps codes to kinds one to one). */
export function codeOfProblem(kind: ProblemKind): ErrorCode {
  const code = (Object.keys(ERRORS) as ErrorCode[]).find((c) => ERRORS[c].problem === kind);
  if (!code) throw new Error(`no error code for problem kind ${kind}`);
  return code;
}

/**
 * A failure the app can name. `detail` is the message already in the user's words (for
 * example a validation rule the domain checked); without it the code's own message is used.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { fieldErrors?: Record<string, string[]>; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }
  get fieldErrors() {
    return this.extra.fieldErrors;
  }
}

/**
 * Thrown inside an HTTP handler to answer with a given problem kind (405, 413, 415 … have no
 * use in forms); an AppError like any other, its code found from the kind.
 */
export class ProblemError extends AppError {
  constructor(
    readonly kind: ProblemKind,
    detail: string,
    extra: { errors?: Record<string, string[]>; headers?: Record<string, string> } = {},
  ) {
    super(codeOfProblem(kind), detail, { fieldErrors: extra.errors, headers: extra.headers });
    this.name = "ProblemError";
  }
}

/** The words for an error: its own, or its code's message in the user's language. */
export const messageOf = (err: AppError, t: Translate): string => err.detail ?? t(ERRORS[err.code].message);

export const outcomeOf = (code: ErrorCode): Outcome => ERRORS[code].outcome;

/** A form's answer to the error: the message, and the fields at fault if there are any. */
export function formStateOf(err: AppError, t: Translate): FormState {
  const fieldErrors = err.fieldErrors;
  return fieldErrors
    ? { ok: false, message: messageOf(err, t), fieldErrors }
    : { ok: false, message: messageOf(err, t) };
}

/**
 * A form's answer read back as an error, for an endpoint that calls a domain mutation (which
 * answers people in words). Field errors mean invalid input; otherwise the message names its
 * code: one of the table's own messages, or a domain message the caller names in `known`.
 */
export function appErrorOfFormState(
  state: FormState,
  t: Translate,
  known: Partial<Record<MessageKey, ErrorCode>> = {},
): AppError {
  const message = state.message ?? t("errors.unexpected");
  if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0)
    return new AppError("invalid", message, { fieldErrors: state.fieldErrors });
  for (const [key, code] of Object.entries(known) as [MessageKey, ErrorCode][])
    if (message === t(key)) return new AppError(code, message);
  for (const code of Object.keys(ERRORS) as ErrorCode[])
    if (message === t(ERRORS[code].message)) return new AppError(code, message);
  return new AppError("invalid", message);
}
