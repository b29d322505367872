import pino, { type Logger } from "pino";
import { currentRequest } from "./context";

/**
 * One JSON line per event on stdout (the process manager or journald keeps them). Every line
 * written inside a request carries its request id and user, so a user's "unexpected error,
 * reference …" leads to every line of that request (docs/deploy.md, "Logs").
 */

/** Paths whose values never reach a log: passwords, tokens, cookies, keys. */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "otp",
  "*.otp",
  "oneTimeCode",
  "*.oneTimeCode",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "AUTH_SECRET",
  "*.AUTH_SECRET",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "S3_SECRET_ACCESS_KEY",
  "*.S3_SECRET_ACCESS_KEY",
];

/** Debug while developing, warnings only under the test runner, info in production. */
export function defaultLevel(env: Record<string, string | undefined> = process.env): string {
  if (env.LOG_LEVEL) return env.LOG_LEVEL;
  if (env.NODE_ENV === "production") return "info";
  if (env.NODE_ENV === "test" || env.VITEST) return "warn";
  return "debug";
}

export function createLogger(destination?: pino.DestinationStream, level = defaultLevel()): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      // The request this line belongs to, when there is one.
      mixin() {
        const request = currentRequest();
        return request ? { reqId: request.requestId, userId: request.userId } : {};
      },
    },
    destination,
  );
}

const KEY = Symbol.for("tashil.logger");
const holder = globalThis as unknown as { [KEY]?: Logger };
/**
 * The process's logger (one even when Next loads this module in two bundles). It writes
 * through process.stdout, so the lines keep their order with Next's own output.
 */
export const log: Logger = (holder[KEY] ??= createLogger(process.stdout));

/** A message and its error's fields, for `log.error(errorFields(err), "…")`. */
export function errorFields(err: unknown): { err: unknown } {
  return { err: err instanceof Error ? err : { message: String(err) } };
}
