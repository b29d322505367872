import "server-only";
import { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { can, type Action } from "@/lib/auth/policy";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { errorFields, log } from "@/lib/observability/log";
import { isDatabaseUnavailable } from "@/lib/outage";
import { problemOf, requestLanguage } from "@/lib/api/problem";
import { AppError, type ErrorCode } from "@/lib/errors";
import { appErrorOf } from "@/lib/errors-server";

// The one shape of a route handler: sign-in and permission checked before anything is
// read, the query string parsed with the page's own zod schema, and every refusal answered
// the same way — an RFC 9457 problem document with a localised `detail`, its status and type
// from the one error table (lib/errors.ts, shared with server actions and /api/v1).

export type RouteContext<Q> = {
  user: SessionUser;
  t: Translate;
  locale: Locale;
  request: Request;
  query: Q;
  params: Record<string, string>;
};

/** A refusal in the caller's words; never cached, and an outage says when to try again. */
const refusal = (err: AppError, t: Translate): Response =>
  problemOf(err, t, { headers: { "Cache-Control": "no-store" } });

/** Thrown by a handler for a record that is missing or not the caller's to see. */
export class NotFound extends AppError {
  constructor() {
    super("not-found");
  }
}

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
      return refusal(new AppError("unavailable"), requestLanguage(request).t);
    }
    // A signed-in user's own language; a visitor's from the request, as HTTP clients send it.
    const locale: Locale = user?.locale ?? requestLanguage(request).locale;
    const t = translator(locale);
    const refuse = (code: ErrorCode) => refusal(new AppError(code), t);
    if (!user) return refuse("unauthenticated");
    if (!can(user, options.permission)) return refuse("forbidden");
    const parsed = (options.query ?? z.object({})).safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!parsed.success) return refuse("bad-request");
    try {
      const params = (await segment?.params) ?? {};
      return await handle({ user, t, locale, request, query: parsed.data as z.infer<S>, params });
    } catch (err) {
      const known = appErrorOf(err, "route");
      if (known) return refusal(known, t);
      log.error(errorFields(err), "route failed");
      return refuse("unexpected");
    }
  };
}
