import "server-only";
import { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { can, ForbiddenError, type Action } from "@/lib/auth/policy";
import { translator, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";

// The one shape of a route handler: sign-in and permission checked before anything is
// read, the query string parsed with the page's own zod schema, and every refusal answered
// the same way — an RFC 9457 problem document with a localised `detail`.

export type RouteContext<Q> = {
  user: SessionUser;
  t: Translate;
  locale: Locale;
  request: Request;
  query: Q;
  params: Record<string, string>;
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
};

/** An `application/problem+json` answer. */
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...extra }),
    {
      status,
      headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store" },
    },
  );
}

export class NotFound extends Error {}

/** Persian unless the client prefers English (Accept-Language). */
export function requestLocale(request: Request): Locale {
  const accepted = request.headers.get("accept-language") ?? "";
  const first = accepted.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "fa";
}

type Options<S extends z.ZodType> = { permission: Action; query?: S };

export function route<S extends z.ZodType = z.ZodType<Record<string, never>>>(
  options: Options<S>,
  handle: (ctx: RouteContext<z.infer<S>>) => Promise<Response>,
): (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response> {
  return async (request, segment) => {
    const user = await getCurrentUser();
    // A signed-in user's own language; a visitor's from the request, as HTTP clients send it.
    const locale: Locale = user?.locale ?? requestLocale(request);
    const t = translator(locale);
    const refuse = (status: number, key: MessageKey) => problem(status, t(key));
    if (!user) return refuse(401, "errors.unauthenticated");
    if (!can(user, options.permission)) return refuse(403, "errors.forbidden");
    const parsed = (options.query ?? z.object({})).safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!parsed.success) return refuse(400, "errors.badRequest");
    try {
      const params = (await segment?.params) ?? {};
      return await handle({ user, t, locale, request, query: parsed.data as z.infer<S>, params });
    } catch (err) {
      if (err instanceof NotFound) return refuse(404, "errors.notFoundRecord");
      if (err instanceof ForbiddenError) return refuse(403, "errors.forbidden");
      console.error("[route]", err);
      return refuse(500, "errors.unexpected");
    }
  };
}
