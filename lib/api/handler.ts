import "server-only";
import type { z } from "zod";
import { localiseIssues, type FormState } from "@/lib/forms";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { errorFields, log } from "@/lib/observability/log";
import { AppError, appErrorOfFormState, ProblemError, type ErrorCode } from "@/lib/errors";
import { appErrorOf } from "@/lib/errors-server";
import { authenticate, requireScope, type ApiPrincipal } from "./auth";
import { problem, problemOf, requestLanguage } from "./problem";
import type { ApiScopeName } from "./token-schema";

// The one shape of every /api/v1 handler: language from Accept-Language, token and scope,
// then the work; whatever goes wrong leaves as problem+json, never as an HTML error page.

export type ApiContext = {
  request: Request;
  url: URL;
  t: Translate;
  locale: Locale;
  principal: ApiPrincipal;
};

type RouteContext<P> = { params: Promise<P> };

export function apiHandler<P = Record<string, never>>(
  scope: ApiScopeName,
  work: (ctx: ApiContext, params: P) => Promise<Response>,
) {
  return async (request: Request, route: RouteContext<P>): Promise<Response> => {
    const { t, locale } = requestLanguage(request);
    const url = new URL(request.url);
    try {
      const principal = await authenticate(request, t, new Date(), locale);
      requireScope(principal, scope, t);
      return await work({ request, url, t, locale, principal }, await route.params);
    } catch (err) {
      return problemFromError(err, t, locale, url.pathname);
    }
  };
}

/**
 * A method the address does not answer: Next would reply 405 with an empty body and no type.
 * Each /api/v1 route exports this for the methods it lacks, naming the ones it has.
 */
export function methodNotAllowed(...allowed: string[]) {
  const methods = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return async (request: Request): Promise<Response> => {
    const { t, locale } = requestLanguage(request);
    return problem("method-not-allowed", t, t("api.e.methodNotAllowed", { methods }), {
      instance: new URL(request.url).pathname,
      locale,
      headers: { allow: methods },
    });
  };
}

/** Whatever went wrong, as problem+json: status and type from the one table (lib/errors.ts). */
export function problemFromError(err: unknown, t: Translate, locale: Locale, instance: string): Response {
  // An outage (the token's look-up included) is temporary: 503 and when to come back.
  const known = appErrorOf(err, "api");
  if (known) return problemOf(known, t, { instance, locale });
  log.error(errorFields(err), "api request failed");
  return problemOf(new AppError("unexpected"), t, { instance, locale });
}

export function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** Query parameters through the endpoint's schema; a refusal names the fields at fault. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL, t: Translate): z.infer<S> {
  const raw = Object.fromEntries(url.searchParams);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Query schemas carry no message keys (their rules are in the OpenAPI document), so each
  // field at fault gets one plain localised sentence; an unknown parameter is named as such.
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const fields = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.map(String).join(".")];
    for (const field of fields) errors[field] = [t("api.e.fieldInvalid")];
  }
  throw new ProblemError("bad-request", t("api.e.invalidQuery", { fields: Object.keys(errors).join(", ") }), {
    errors,
  });
}

export function parseBody<S extends z.ZodType>(schema: S, raw: unknown, t: Translate): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ProblemError("unprocessable-content", t("validation.invalidInput"), {
    errors: localiseIssues(parsed.error, t),
  });
}

/**
 * A domain mutation's refusal (FormState, already localised) as a problem. The mutations
 * answer in words for people; the code is read back from which words they are (the table's
 * own messages, and the domain messages the endpoint names in `known`).
 */
export function problemFromFormState(
  state: FormState,
  t: Translate,
  known: Partial<Record<MessageKey, ErrorCode>> = {},
): AppError {
  const err = appErrorOfFormState(state, t, known);
  // A record the caller cannot see is "not found" in the API's words, whatever the form said.
  return err.code === "not-found" ? new AppError("not-found", t("api.e.notFound")) : err;
}
