import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { attachToResponse, requestStore, type RequestContext } from "./context";
import { log } from "./log";
import { metrics, routeLabel } from "./metrics";

export const REQUEST_ID_HEADER = "x-request-id";

/** A request id a trusted proxy in front (HAProxy's unique-id) may have set; else our own. */
function requestIdFor(req: http.IncomingMessage, trustForwarded: boolean): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (trustForwarded && typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given)) return given;
  return randomBytes(8).toString("hex");
}

/**
 * Server actions arrive as POSTs naming an action id; the build's manifest maps each id to
 * the function's name (e.g. reportProgressAction), which is what the metric is labelled with.
 */
let actionNames: Map<string, string> | undefined;
function actionName(id: string): string {
  if (!actionNames) {
    actionNames = new Map();
    try {
      const file = path.join(process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json");
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        node?: Record<string, { exportedName?: string }>;
      };
      for (const [key, entry] of Object.entries(manifest.node ?? {}))
        if (entry.exportedName) actionNames.set(key, entry.exportedName);
    } catch {
      // No build here (a test's server): every action is "unknown".
    }
  }
  return actionNames.get(id) ?? "unknown";
}

// Static files and the load balancer's health checks would drown the requests people make.
const QUIET = /^\/(_next\/static|_next\/image|favicon\.ico|icon\.svg|api\/health)/;

/**
 * Wraps every request the process's HTTP server receives (installed once from
 * instrumentation.ts, before the first request): it gets a request id, sent back as
 * X-Request-Id and carried by every log line written while it is served (an AsyncLocalStorage
 * context), and when its last byte is sent, one log line (method, path, route, status,
 * duration, user) and the request metrics. `stamp` runs first on each request: the socket
 * address header of lib/auth/socket-address.ts.
 */
export function installRequestHooks(stamp: (req: http.IncomingMessage) => void): void {
  const proto = http.Server.prototype as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  if ((proto.emit as { tashil?: boolean }).tashil) return;
  const original = proto.emit;
  const trustForwarded = Number(process.env.TRUSTED_PROXIES ?? 0) > 0;
  const emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return original.call(this, event, ...args);
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    stamp(req);
    const context: RequestContext = { requestId: requestIdFor(req, trustForwarded) };
    req.headers[REQUEST_ID_HEADER] = context.requestId;
    attachToResponse(res, context);
    res.setHeader("X-Request-Id", context.requestId);
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const method = req.method ?? "GET";
      // A client that hung up before the answer was sent: logged as 499, like nginx does.
      const status = res.writableFinished ? res.statusCode : 499;
      // Unknown paths (scanners) would make a label per path: one label for all of them.
      const route = status === 404 ? "(not found)" : routeLabel(path);
      metrics.httpRequests.inc({ route, method, status: String(status) });
      const action = req.headers["next-action"];
      if (context.actionOutcome && typeof action === "string")
        metrics.serverActions.inc({ action: actionName(action), outcome: context.actionOutcome });
      metrics.httpDuration.observe({ route, method }, seconds);
      const line = {
        reqId: context.requestId,
        userId: context.userId,
        method,
        path,
        route,
        status,
        ms: Math.round(seconds * 10000) / 10,
      };
      if (status >= 500) log.error(line, "request");
      else if (QUIET.test(path)) log.debug(line, "request");
      else log.info(line, "request");
    };
    res.once("finish", finish);
    res.once("close", finish);
    return requestStore.run(context, () => original.call(this, event, ...args));
  };
  proto.emit = Object.assign(emit, { tashil: true });
}
