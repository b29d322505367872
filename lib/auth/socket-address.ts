import http from "node:http";
import { markSocketAddressStamped, SOCKET_ADDRESS_HEADER } from "./client-address";

/**
 * Next.js 16 gives route handlers and server actions no socket address (NextRequest.ip is
 * gone, and Next only fills X-Forwarded-For when the client did not send one). Installed
 * once from instrumentation.ts, before the server answers its first request: every request
 * an HTTP server in this process receives gets the socket's address under our own header,
 * overwriting whatever a client sent under that name.
 */
export function installSocketAddressStamp(): void {
  const proto = http.Server.prototype as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  if ((proto.emit as { tashil?: boolean }).tashil) return;
  const original = proto.emit;
  const emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return original.call(this, event, ...args);
  };
  proto.emit = Object.assign(emit, { tashil: true });
  markSocketAddressStamped();
}
