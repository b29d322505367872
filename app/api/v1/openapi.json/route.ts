import { openApiDocument } from "@/lib/api/openapi";

// Public: the contract is no secret, and tools fetch it without a token.
export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
