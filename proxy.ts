import { NextResponse, type NextRequest } from "next/server";
import { refreshSessionCookie } from "@/lib/auth/session-refresh";
import { contentSecurityPolicy, createNonce, HSTS } from "@/lib/http/security-headers";
import {
  badRequestResponse,
  foreignOriginResponse,
  MAX_REQUEST_BYTES,
  tooLargeResponse,
} from "@/lib/http/limits";
import { isForeignOriginServerAction, isMalformedServerAction } from "@/lib/http/server-action-request";

// Runs before every page and route handler, so it stays cheap (decision 002): no database,
// no auth() — a nonce, a header check and, about once a minute per user, a re-signed session
// token (lib/auth/session-refresh.ts). Only server-action POSTs have their body read.
export async function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) return tooLargeResponse(request);
  // A path that is not valid percent-encoding ("/units/%ZZ") makes Next's router throw (500).
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return badRequestResponse(request);
  }
  if (isForeignOriginServerAction(request)) return foreignOriginResponse(request);
  if (await isMalformedServerAction(request)) return badRequestResponse(request);

  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  // Next.js reads the nonce from the request's policy and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  for (const c of await refreshSessionCookie(request.cookies))
    response.cookies.set(c.name, c.value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: c.secure,
      maxAge: c.maxAge,
    });
  return response;
}

export const config = {
  // Next's hashed static files need neither a nonce nor a session.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
