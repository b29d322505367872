// What an operator reads: log lines without secrets, metric labels that stay few, and a
// metrics endpoint only the operator's scraper may read.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, defaultLevel } from "@/lib/observability/log";
import { routeLabel } from "@/lib/observability/metrics";
import { mayReadMetrics } from "@/lib/observability/scrape";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(sink, "info") };
}

describe("log lines", () => {
  it("never carry passwords, tokens, cookies or keys", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: "Tashil-demo-1404",
        user: { email: "a@b.c", passwordHash: "$argon2id$…" },
        headers: { cookie: "authjs.session-token=abc", authorization: "Bearer tsk_secret" },
        env: { AUTH_SECRET: "0123456789abcdef0123456789abcdef", DATABASE_URL: "postgresql://u:p@h/db" },
        otp: "123456",
      },
      "sign-in",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      "Tashil-demo-1404",
      "argon2id",
      "abc",
      "tsk_secret",
      "0123456789abcdef",
      "u:p@h",
      "123456",
    ])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: "info", msg: "sign-in", user: { email: "a@b.c" } });
  });

  it("keep an error's code and message", () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error("unique constraint"), { code: "P2002" });
    logger.error({ err }, "mutation failed");
    expect(lines[0]).toMatchObject({ level: "error", err: { message: "unique constraint", code: "P2002" } });
  });

  it("are debug while developing, warnings under tests, info in production, as LOG_LEVEL says", () => {
    expect(defaultLevel({ NODE_ENV: "production" })).toBe("info");
    expect(defaultLevel({ NODE_ENV: "development" })).toBe("debug");
    expect(defaultLevel({ NODE_ENV: "test" })).toBe("warn");
    expect(defaultLevel({ NODE_ENV: "production", LOG_LEVEL: "debug" })).toBe("debug");
  });
});

describe("route labels", () => {
  it("fold record ids so every unit counts under one route", () => {
    expect(routeLabel("/units/cmxcq1n2p0000abcd1234efgh/edit?tab=1")).toBe("/units/:id/edit");
    expect(routeLabel("/api/v1/resolutions/42")).toBe("/api/v1/resolutions/:id");
    expect(routeLabel("/_next/static/chunks/app-1234.js")).toBe("/_next/*");
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/dashboard")).toBe("/dashboard");
  });
});

describe("who may read /api/metrics", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  const env = { METRICS_TOKEN: "scrape-token-0123456789", METRICS_ALLOW_FROM: "10.0.0.5" };

  it("the scraper with the token, or from a listed address connecting directly", () => {
    expect(mayReadMetrics(headers({ authorization: "Bearer scrape-token-0123456789" }), env)).toBe(true);
    expect(mayReadMetrics(headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.5" }), env)).toBe(true);
    expect(mayReadMetrics(headers({ [SOCKET_ADDRESS_HEADER]: "::ffff:10.0.0.5" }), env)).toBe(true);
  });

  it("nobody else: a wrong token, another address, anything that came through a proxy", () => {
    expect(mayReadMetrics(headers({ authorization: "Bearer scrape-token-0123456780" }), env)).toBe(false);
    expect(mayReadMetrics(headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.6" }), env)).toBe(false);
    expect(
      mayReadMetrics(headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-for": "203.0.113.9" }), env),
    ).toBe(false);
    expect(mayReadMetrics(headers({}), env)).toBe(false);
    // Nothing configured: closed.
    expect(mayReadMetrics(headers({ [SOCKET_ADDRESS_HEADER]: "127.0.0.1" }), {})).toBe(false);
  });
});
