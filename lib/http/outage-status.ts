import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

// A page that cannot reach the database must answer 503 with Retry-After, not Next's 500
// (issue #31): a load balancer, a monitor or a browser's retry then know it is temporary.
// Next gives a page no say over the status of its error page, so every request runs in a
// small context of its own (installed from instrumentation.ts, like the socket-address
// stamp); a database query that meets an outage marks it (lib/db.ts), and the response's
// 500 is written as 503 with Retry-After. The body is app/error.tsx, which shows the
// outage sentence for errors carrying OUTAGE_DIGEST.

export { OUTAGE_DIGEST } from "./outage-digest";

type RequestState = { outage: boolean };

// One instance per process, whichever bundle (instrumentation, pages) loads this module.
const KEY = Symbol.for("tashil.request-state");
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<RequestState>()) as AsyncLocalStorage<RequestState>;
const STATE = Symbol("tashil.request-state");

/** The running request met a database outage: its 500, if any, is sent as 503. */
export function noteOutage(): void {
  const state = store.getStore();
  if (state) state.outage = true;
}

export function installOutageStatus(retryAfterSeconds: number): void {
  const server = http.Server.prototype as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  if ((server.emit as { tashilOutage?: boolean }).tashilOutage) return;
  const emit = server.emit;
  server.emit = Object.assign(
    function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return emit.call(this, event, ...args);
      const state: RequestState = { outage: false };
      (args[1] as Record<symbol, unknown>)[STATE] = state;
      return store.run(state, () => emit.call(this, event, ...args));
    },
    { tashilOutage: true },
  );

  const response = http.ServerResponse.prototype as {
    writeHead: (this: http.ServerResponse, status: number, ...rest: unknown[]) => http.ServerResponse;
  };
  const writeHead = response.writeHead;
  response.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    const state = (this as unknown as Record<symbol, RequestState | undefined>)[STATE];
    if (status !== 500 || !state?.outage) return writeHead.call(this, status, ...rest);
    this.setHeader("Retry-After", String(retryAfterSeconds));
    this.setHeader("Cache-Control", "no-store");
    // A reason phrase given for the 500 would be wrong for the 503: drop it.
    return writeHead.call(this, 503, ...rest.filter((r) => typeof r !== "string"));
  };
}
