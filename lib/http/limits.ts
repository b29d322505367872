import { problem, requestLanguage } from "@/lib/api/problem";
import { direction, isLocale, LOCALE_COOKIE, translator, type Locale } from "@/lib/i18n/messages";

/**
 * The largest request body the app accepts: the server actions' limit in next.config.ts
 * (serverActions.bodySizeLimit), itself above the 25 MB a submission's files may add up to
 * (lib/attachments/rules.ts). Anything larger is answered 413 by proxy.ts before Next reads it.
 */
export const MAX_REQUEST_BYTES = 30 * 1024 * 1024;

type RequestLike = {
  cookies: { get(name: string): { value: string } | undefined };
  nextUrl: { pathname: string };
  headers: Headers;
};

/** The public API answers in its own terms (problem+json, Accept-Language), never with a page. */
const isApi = (request: RequestLike) => request.nextUrl.pathname.startsWith("/api/v1/");

function apiProblem(request: RequestLike, kind: "payload-too-large" | "bad-request") {
  const { t, locale } = requestLanguage(request);
  const detail = kind === "payload-too-large" ? t("api.e.payloadTooLarge") : t("api.e.invalidBody");
  return problem(kind, t, detail, { instance: request.nextUrl.pathname, locale });
}

const localeOf = (request: RequestLike): Locale => {
  const value = request.cookies.get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : "fa";
};

/** A short localised page, readable both by a person (a form posted without script) and a client. */
function errorPage(
  request: RequestLike,
  status: number,
  key: "errors.tooLarge" | "errors.badRequest" | "errors.foreignOrigin",
) {
  const locale = localeOf(request);
  const text = translator(locale)(key);
  const html = `<!doctype html><html lang="${locale}" dir="${direction(locale)}"><meta charset="utf-8"><title>${status}</title><p role="alert">${text}</p></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

export const tooLargeResponse = (request: RequestLike) =>
  isApi(request) ? apiProblem(request, "payload-too-large") : errorPage(request, 413, "errors.tooLarge");
export const badRequestResponse = (request: RequestLike) =>
  isApi(request) ? apiProblem(request, "bad-request") : errorPage(request, 400, "errors.badRequest");
export const foreignOriginResponse = (request: RequestLike) =>
  errorPage(request, 403, "errors.foreignOrigin");
