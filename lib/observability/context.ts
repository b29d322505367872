import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What a log line needs to know about the request it belongs to. Set by the HTTP hook
 * (./request-hooks.ts) around each request, filled in as the request goes (the signed-in user),
 * read by every log line and by the "unexpected error" answers, which quote the id.
 */
export type RequestContext = {
  requestId: string;
  userId?: string;
  actionOutcome?: ActionOutcome;
  /** A database query of this request met an outage (lib/http/outage-status.ts: 500 → 503). */
  outage?: boolean;
};

/** How a server action (a form save) ended, for its metric (lib/mutation.ts sets it). */
export type ActionOutcome = "ok" | "invalid" | "refused" | "conflict" | "unavailable" | "error";

// Next bundles instrumentation.ts apart from the routes, so this module may be loaded twice
// in one process: one store for both, kept on globalThis.
const KEY = Symbol.for("tashil.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
export const requestStore: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage());

export const currentRequest = (): RequestContext | undefined => requestStore.getStore();
export const currentRequestId = (): string | undefined => requestStore.getStore()?.requestId;

/** The signed-in user of this request, for its log line (lib/auth/session.ts calls it). */
export function noteRequestUser(userId: string): void {
  const store = requestStore.getStore();
  if (store) store.userId = userId;
}

export function noteActionOutcome(outcome: ActionOutcome): void {
  const store = requestStore.getStore();
  if (store) store.actionOutcome = outcome;
}

// The context travels with the response too: Next writes the status outside the request's
// async context (lib/http/outage-status.ts reads it there).
const ON_RESPONSE = Symbol.for("tashil.requestContext.response");

export function attachToResponse(res: object, context: RequestContext): void {
  (res as Record<symbol, RequestContext>)[ON_RESPONSE] = context;
}

export function requestOfResponse(res: object): RequestContext | undefined {
  return (res as Record<symbol, RequestContext | undefined>)[ON_RESPONSE];
}
