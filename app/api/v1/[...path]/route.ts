import { problem, requestLanguage } from "@/lib/api/problem";

// Any other address under /api/v1 answers in the API's own terms, not with the HTML 404 page.
function notFound(request: Request) {
  const { t, locale } = requestLanguage(request);
  return problem("not-found", t, t("api.e.routeNotFound"), {
    instance: new URL(request.url).pathname,
    locale,
  });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
