import "server-only";
import { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { can, ForbiddenError, type Action } from "@/lib/auth/policy";
import { translator, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";
import { errorFields, log } from "@/lib/observability/log";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/outage";
import { problem, requestLanguage, type ProblemKind } from "@/lib/api/problem";
import { isStorageUnavailable } from "@/lib/storage/outage";

// The one shape of a route handler: sign-in and permission checked before anything is
// read, the query string parsed with the page's own zod schema, and every refusal answered
// the same way — an RFC 9457 problem document with a localised `detail` (lib/api/problem.ts,
// shared with /api/v1).

export type RouteContext<Q> = {
  user: SessionUser;
  t: Translate;
  locale: Locale;
  request: Request;
  query: Q;
  params: Record<string, string>;
};

/** A refusal in the caller's words; never cached, and an outage says when to try again. */
function refusal(kind: ProblemKind, t: Translate, key: MessageKey): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (kind === "service-unavailable") headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return problem(kind, t, t(key), { headers });
}

export class NotFound extends Error {}

type Options<S extends z.ZodType> = { permission: Action; query?: S };

export function route<S extends z.ZodType = z.ZodType<Record<string, never>>>(
  options: Options<S>,
  handle: (ctx: RouteContext<z.infer<S>>) => Promise<Response>,
): (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response> {
  return async (request, segment) => {
    let user: SessionUser | null;
    try {
      user = await getCurrentUser();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      return refusal("service-unavailable", requestLanguage(request).t, "errors.serviceUnavailable");
    }
    // A signed-in user's own language; a visitor's from the request, as HTTP clients send it.
    const locale: Locale = user?.locale ?? requestLanguage(request).locale;
    const t = translator(locale);
    const refuse = (kind: ProblemKind, key: MessageKey) => refusal(kind, t, key);
    if (!user) return refuse("unauthorized", "errors.unauthenticated");
    if (!can(user, options.permission)) return refuse("forbidden", "errors.forbidden");
    const parsed = (options.query ?? z.object({})).safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!parsed.success) return refuse("bad-request", "errors.badRequest");
    try {
      const params = (await segment?.params) ?? {};
      return await handle({ user, t, locale, request, query: parsed.data as z.infer<S>, params });
    } catch (err) {
      if (err instanceof NotFound) return refuse("not-found", "errors.notFoundRecord");
      if (err instanceof ForbiddenError) return refuse("forbidden", "errors.forbidden");
      if (isStorageUnavailable(err)) {
        log.warn({ error: (err as Error).message }, "route: storage unavailable");
        return refuse("service-unavailable", "errors.serviceUnavailable");
      }
      if (isDatabaseUnavailable(err)) return refuse("service-unavailable", "errors.serviceUnavailable");
      log.error(errorFields(err), "route failed");
      return refuse("internal-error", "errors.unexpected");
    }
  };
}
