// An in-process HTTP server that speaks Kavenegar's REST API (kavenegar.com/rest.html), so the
// SMS tests make a real HTTP round trip like the SMTP and S3 ones: `POST /v1/{key}/sms/send.json`
// and `/sms/status.json`, form bodies, answers shaped as the gateway's, `localid` honoured as
// Kavenegar does (the same local id is not sent twice). Tests queue failures to answer next.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type KavenegarRequest = {
  method: string;
  path: string;
  apiKey: string;
  endpoint: string;
  contentType: string;
  params: Record<string, string>;
};

export type KavenegarServer = {
  url: string;
  apiKey: string;
  requests: KavenegarRequest[];
  /** Messages the "network" carried: one per accepted send, never two for one localid. */
  sent: { messageid: number; receptor: string; message: string; localid: string }[];
  /** Answer the next sends with these Kavenegar statuses (e.g. 418 no credit, 411 bad receptor, 500). */
  failNext: (...statuses: number[]) => void;
  /** The state sms/status reports for a message (10 delivered, 11 undelivered); 1 (queued) otherwise. */
  setState: (messageid: string, state: number) => void;
  close: () => Promise<void>;
};

export async function startKavenegar(
  apiKey = "test-api-key",
  {
    port = 0,
    onSent,
  }: {
    /** A fixed port, for a server started before the app that is configured with its address (the e2e run). */
    port?: number;
    /** Told of each message the "network" carried, e.g. to keep it where another process can read it. */
    onSent?: (message: KavenegarServer["sent"][number]) => void;
  } = {},
): Promise<KavenegarServer> {
  const requests: KavenegarRequest[] = [];
  const sent: KavenegarServer["sent"] = [];
  const failures: number[] = [];
  const states = new Map<string, number>();
  const byLocal = new Map<string, number>();
  let nextId = 8792343;

  const answer = (res: http.ServerResponse, status: number, message: string, entries: unknown = null) => {
    // Kavenegar answers with the HTTP status of its own code (200, 403, 418, …) and the JSON body.
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
    });
    res.end(JSON.stringify({ return: { status, message }, entries }));
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const m = /^\/v1\/([^/]+)\/(.+)\.json$/.exec(url.pathname);
      const params = Object.fromEntries([...url.searchParams, ...new URLSearchParams(raw)]);
      const request: KavenegarRequest = {
        method: req.method ?? "",
        path: url.pathname,
        apiKey: decodeURIComponent(m?.[1] ?? ""),
        endpoint: m?.[2] ?? "",
        contentType: String(req.headers["content-type"] ?? ""),
        params,
      };
      requests.push(request);
      if (!m) return answer(res, 404, "not found");
      if (request.apiKey !== apiKey) return answer(res, 403, "کد شناسائی API-Key معتبر نمی‌باشد");
      if (request.endpoint === "sms/send") {
        const fail = failures.shift();
        if (fail) return answer(res, fail, `failure ${fail}`);
        if (!params.receptor || !params.message) return answer(res, 406, "پارامترهای اجباری خالی است");
        const date = Math.floor(Date.now() / 1000);
        const known = params.localid ? byLocal.get(params.localid) : undefined;
        const messageid = known ?? nextId++;
        if (known === undefined) {
          if (params.localid) byLocal.set(params.localid, messageid);
          const carried = {
            messageid,
            receptor: params.receptor,
            message: params.message,
            localid: params.localid ?? "",
          };
          sent.push(carried);
          onSent?.(carried);
        }
        return answer(res, 200, "تایید شد", [
          {
            messageid,
            message: params.message,
            status: 1,
            statustext: "در صف ارسال",
            sender: params.sender ?? "10004346",
            receptor: params.receptor,
            date,
            cost: 120 * Math.ceil([...params.message].length / 70),
          },
        ]);
      }
      if (request.endpoint === "sms/status") {
        const ids = (params.messageid ?? "").split(",").filter(Boolean);
        return answer(
          res,
          200,
          "تایید شد",
          ids.map((id) => ({ messageid: Number(id), status: states.get(id) ?? 1, statustext: "" })),
        );
      }
      return answer(res, 404, "متد پیدا نشد");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    apiKey,
    requests,
    sent,
    failNext: (...statuses) => failures.push(...statuses),
    setState: (id, state) => states.set(id, state),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
