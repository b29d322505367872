// An operator follows a user's "unexpected error, reference …" to the request's log lines, and
// reads the service's health and metrics: checked against a real HTTP server, the real
// database and the process's own logger.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { noteRequestUser } from "@/lib/observability/context";
import { runJob } from "@/lib/observability/jobs";
import { log } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { installRequestHooks } from "@/lib/observability/request-hooks";
import { readiness } from "@/lib/observability/health";
import { metricsText } from "@/lib/observability/scrape";
import { mutation, UserFacingError } from "@/lib/mutation";
import { t } from "../support/fixtures";

let server: http.Server;
let base: string;
const written: string[] = [];
const levelBefore = log.level;

function lines(): Record<string, unknown>[] {
  return written
    .join("")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  installRequestHooks((req) => {
    req.headers["x-stamped"] = "1";
  });
  server = http.createServer((req, res) => {
    if (req.url?.startsWith("/fail")) {
      log.warn("about to fail");
      res.statusCode = 500;
      res.end();
      return;
    }
    if (req.url?.startsWith("/save")) {
      // A server action that fails unexpectedly: the user is given the request's id.
      void mutation(t, async () => {
        throw new Error("boom");
      }).then((answer) => res.end(JSON.stringify(answer)));
      return;
    }
    noteRequestUser("user-1");
    log.warn({ stamped: req.headers["x-stamped"] }, "inside the request");
    res.statusCode = 201;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log.level = "info";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(chunk.toString());
    return true;
  });
});

afterEach(() => {
  written.length = 0;
});

afterAll(async () => {
  vi.restoreAllMocks();
  log.level = levelBefore;
  await new Promise((resolve) => server.close(resolve));
});

describe("a request's log lines", () => {
  it("share the id the response names, with route, status, duration and user", async () => {
    const res = await fetch(`${base}/units/cmxcq1n2p0000abcd1234efgh?tab=2`);
    expect(res.status).toBe(201);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    await vi.waitFor(() => expect(lines().some((l) => l.msg === "request")).toBe(true));
    const inside = lines().find((l) => l.msg === "inside the request");
    const request = lines().find((l) => l.msg === "request");
    expect(inside).toMatchObject({ reqId: id, stamped: "1" });
    expect(request).toMatchObject({
      reqId: id,
      userId: "user-1",
      method: "GET",
      path: "/units/cmxcq1n2p0000abcd1234efgh",
      route: "/units/:id",
      status: 201,
      level: "info",
    });
    expect(typeof request?.ms).toBe("number");
  });

  it("are errors when the answer is a 5xx, and two requests never share an id", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/fail`), fetch(`${base}/fail`)]);
    expect(a.status).toBe(500);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    await vi.waitFor(() => expect(lines().filter((l) => l.msg === "request")).toHaveLength(2));
    for (const line of lines().filter((l) => l.msg === "request")) expect(line.level).toBe("error");
  });

  it("lead from the reference an unexpected failure shows the user to the failure's own line", async () => {
    const res = await fetch(`${base}/save`);
    const answer = (await res.json()) as { ok: boolean; message: string };
    const id = res.headers.get("x-request-id") ?? "";
    expect(answer.ok).toBe(false);
    // The user reads the reference in the message …
    expect(answer.message).toContain(id);
    expect(answer.message).toContain("خطای پیش‌بینی‌نشده");
    // … and support finds the stack under it.
    const failure = lines().find((l) => l.msg === "mutation failed");
    expect(failure).toMatchObject({ reqId: id, level: "error", err: { message: "boom" } });
  });

  it("count into the request metrics by route pattern and status", async () => {
    await fetch(`${base}/things/12345`);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/tashil_http_requests_total\{route="\/things\/:id",method="GET",status="201"\} 1/);
    expect(text).toMatch(
      /tashil_http_request_duration_seconds_count\{route="\/things\/:id",method="GET"\} 1/,
    );
  });
});

describe("a background job", () => {
  it("logs one line with its queue and outcome, under the id of the request that enqueued it", async () => {
    await runJob("export-run", { id: "job-7", data: { reqId: "feedc0ffee123456" } }, async () => {
      log.warn("writing the file");
    });
    await expect(
      runJob("export-run", { id: "job-8", data: {} }, async () => {
        throw new UserFacingError("disk full");
      }),
    ).rejects.toThrow("disk full");
    const all = lines();
    expect(all.find((l) => l.msg === "writing the file")).toMatchObject({ reqId: "feedc0ffee123456" });
    expect(all.find((l) => l.msg === "job" && l.jobId === "job-7")).toMatchObject({
      queue: "export-run",
      outcome: "done",
      reqId: "feedc0ffee123456",
    });
    expect(all.find((l) => l.msg === "job" && l.jobId === "job-8")).toMatchObject({
      outcome: "failed",
      level: "error",
      reqId: "job-job-8",
    });
  });
});

describe("readiness and metrics", () => {
  it("say ready when the database answers, the storage answers and every migration is applied", async () => {
    const state = await readiness();
    expect(state.database.ok).toBe(true);
    expect(state.storage.ok).toBe(true);
    expect(state.migrations).toEqual({ ok: true, detail: "current" });
    expect(state.ready).toBe(true);
  });

  it("read the job and export figures from the database at scrape time", async () => {
    const text = await metricsText();
    expect(text).toMatch(/tashil_metrics_database_up 1/);
    expect(text).toContain("tashil_db_pool_connections");
    expect(text).toContain("process_cpu_seconds_total");
  });
});
