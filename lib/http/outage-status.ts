import http from "node:http";
import { currentRequest, requestOfResponse } from "@/lib/observability/context";

// A page that cannot reach the database must answer 503 with Retry-After, not Next's 500
// (issue #31): a load balancer, a monitor or a browser's retry then know it is temporary.
// Next gives a page no say over the status of its error page, so every request runs in a
// context of its own (lib/observability/request-hooks.ts, installed from instrumentation.ts);
// a database query that meets an outage marks it (lib/db.ts), and the response's 500 is
// written as 503 with Retry-After. The body is app/error.tsx, which shows the outage sentence
// for errors carrying OUTAGE_DIGEST.

export { OUTAGE_DIGEST } from "./outage-digest";

/** The running request met a database outage: its 500, if any, is sent as 503. */
export function noteOutage(): void {
  const request = currentRequest();
  if (request) request.outage = true;
}

export function installOutageStatus(retryAfterSeconds: number): void {
  const response = http.ServerResponse.prototype as {
    writeHead: ((this: http.ServerResponse, status: number, ...rest: unknown[]) => http.ServerResponse) & {
      tashilOutage?: boolean;
    };
  };
  if (response.writeHead.tashilOutage) return;
  const writeHead = response.writeHead;
  response.writeHead = Object.assign(
    function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
      if (status !== 500 || !requestOfResponse(this)?.outage) return writeHead.call(this, status, ...rest);
      this.setHeader("Retry-After", String(retryAfterSeconds));
      this.setHeader("Cache-Control", "no-store");
      // A reason phrase given for the 500 would be wrong for the 503: drop it.
      return writeHead.call(this, 503, ...rest.filter((r) => typeof r !== "string"));
    },
    { tashilOutage: true },
  );
}
