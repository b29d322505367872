import type http from "node:http";
import { markSocketAddressStamped, SOCKET_ADDRESS_HEADER } from "./client-address";

/**
 * Next.js 16 gives route handlers and server actions no socket address (NextRequest.ip is
 * gone, and Next only fills X-Forwarded-For when the client did not send one). Run on every
 * request the process's HTTP server receives, before anything else sees it (the request hook
 * instrumentation.ts installs, lib/observability/request-hooks.ts): the socket's address goes
 * under our own header, overwriting whatever a client sent under that name.
 */
export function stampSocketAddress(req: http.IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
}

/** Called once the hook is installed: from then on the header can be trusted. */
export const socketAddressStampInstalled = markSocketAddressStamped;
