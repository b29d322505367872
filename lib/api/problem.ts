// No "server-only" marker: proxy.ts answers oversized /api/v1 requests with it too, and it
// holds nothing secret (words and status codes).
import { translator, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";
import { ERRORS, messageOf, RETRY_AFTER_SECONDS, type AppError, type ErrorCode } from "@/lib/errors";

// Errors of HTTP endpoints as RFC 9457 problem details (application/problem+json). `title`
// names the kind of problem and stays the same for every occurrence; `detail` says what went
// wrong this time, in the caller's language (Accept-Language), so another system can show it
// to its users as it is. Written for /api/v1 and meant to be shared by every route handler.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The kinds of problem we answer with; `type` is a stable URI under /api/v1/problems. */
export const PROBLEMS = {
  "bad-request": { status: 400, title: "api.problem.badRequest" },
  unauthorized: { status: 401, title: "api.problem.unauthorized" },
  forbidden: { status: 403, title: "api.problem.forbidden" },
  "not-found": { status: 404, title: "api.problem.notFound" },
  gone: { status: 410, title: "api.problem.gone" },
  "method-not-allowed": { status: 405, title: "api.problem.methodNotAllowed" },
  conflict: { status: 409, title: "api.problem.conflict" },
  "payload-too-large": { status: 413, title: "api.problem.payloadTooLarge" },
  "unsupported-media-type": { status: 415, title: "api.problem.unsupportedMediaType" },
  "unprocessable-content": { status: 422, title: "api.problem.unprocessable" },
  "too-many-requests": { status: 429, title: "api.problem.tooManyRequests" },
  "internal-error": { status: 500, title: "api.problem.internal" },
  "service-unavailable": { status: 503, title: "api.problem.serviceUnavailable" },
} as const satisfies Record<string, { status: number; title: MessageKey }>;
export type ProblemKind = keyof typeof PROBLEMS;

export type ProblemDocument = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Extension member: per-field messages of a refused input. */
  errors?: Record<string, string[]>;
};

/**
 * The caller's language from Accept-Language: the first of fa/en by quality, Persian when
 * neither is named (the app's default).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return "fa";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "fa" || tag.startsWith("fa-")) return "fa";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "fa";
}

/** What a handler needs to answer in the caller's words. */
export function requestLanguage(request: { headers: Headers }): { locale: Locale; t: Translate } {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  return { locale, t: translator(locale) };
}

export function problemDocument(
  kind: ProblemKind,
  t: Translate,
  detail: string,
  extra: { instance?: string; errors?: Record<string, string[]> } = {},
): ProblemDocument {
  const { status, title } = PROBLEMS[kind];
  return { type: `/api/v1/problems/${kind}`, title: t(title), status, detail, ...extra };
}

/** A problem+json response. `detail` is already localised (a translated message). */
export function problem(
  kind: ProblemKind,
  t: Translate,
  detail: string,
  init: {
    instance?: string;
    errors?: Record<string, string[]>;
    headers?: Record<string, string>;
    locale?: Locale;
  } = {},
): Response {
  const { headers = {}, locale, ...extra } = init;
  const body = problemDocument(kind, t, detail, extra);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "content-type": `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      ...(locale ? { "content-language": locale } : {}),
      ...headers,
    },
  });
}

/** The HTTP status of an error code (lib/errors.ts: the one table). */
export const statusOf = (code: ErrorCode): number => PROBLEMS[ERRORS[code].problem].status;

/**
 * An AppError as problem+json: the code's status and type, the error's words (or its code's),
 * the fields at fault. An outage says when to try again.
 */
export function problemOf(
  err: AppError,
  t: Translate,
  init: { instance?: string; locale?: Locale; headers?: Record<string, string> } = {},
): Response {
  const headers: Record<string, string> = { ...init.headers, ...err.extra.headers };
  if (err.code === "unavailable" && !Object.keys(headers).some((h) => h.toLowerCase() === "retry-after"))
    headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return problem(ERRORS[err.code].problem, t, messageOf(err, t), {
    ...(init.instance ? { instance: init.instance } : {}),
    ...(init.locale ? { locale: init.locale } : {}),
    ...(err.fieldErrors ? { errors: err.fieldErrors } : {}),
    headers,
  });
}
