import { methodNotAllowed } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

// Public: the contract is no secret, and tools fetch it without a token.
export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

// Any other method: a problem+json 405 naming the ones this address answers.
export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
