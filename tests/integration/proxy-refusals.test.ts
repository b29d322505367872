// What proxy.ts answers before Next.js sees a request (issue #31): requests Next would answer
// with a 500 or an HTML page are refused here in the caller's terms. The real proxy function
// with real requests; nothing reaches an action, so nothing can be written.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const ACTION = "7f3c2a9b1d4e5f60718293a4b5c6d7e8f9012345";

function actionPost(init: { origin?: string; host?: string; body?: BodyInit; type?: string }) {
  const headers = new Headers({ "next-action": ACTION, host: init.host ?? "tashil.example.ir" });
  if (init.origin) headers.set("origin", init.origin);
  if (init.type) headers.set("content-type", init.type);
  return new NextRequest("http://tashil.example.ir/units/new", {
    method: "POST",
    headers,
    body: init.body ?? JSON.stringify([{}]),
  });
}

/** A multipart action body as the browser sends it, with one file of the given name. */
function multipart(fileName: string) {
  const boundary = "----tashil";
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="1_files"; filename="${fileName}"\r\n` +
    `Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const passedOn = (res: Response) => res.headers.get("x-middleware-next") === "1";

describe("server actions Next.js would answer with a 500", () => {
  it("a foreign Origin is refused 403 with a localised page; the same origin passes", async () => {
    const foreign = await proxy(actionPost({ origin: "https://evil.example" }));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-type")).toContain("text/html");
    expect(await foreign.text()).toContain("از نشانی دیگری فرستاده شده");
    expect((await proxy(actionPost({ origin: "null" }))).status).toBe(403);
    expect((await proxy(actionPost({ origin: "not a url" }))).status).toBe(403);

    expect(passedOn(await proxy(actionPost({ origin: "https://tashil.example.ir" })))).toBe(true);
    // Behind a proxy that names the public host, as Next itself compares.
    const forwarded = actionPost({ origin: "https://tashil.example.ir", host: "127.0.0.1:3000" });
    forwarded.headers.set("x-forwarded-host", "tashil.example.ir");
    expect(passedOn(await proxy(forwarded))).toBe(true);
  });

  it("a NUL (or another control character) in an uploaded file's name is a 400, not a 500", async () => {
    for (const name of ["a\u0000b.pdf", "\u0000", "line\u000abreak.pdf"]) {
      const { body, type } = multipart(name);
      const res = await proxy(actionPost({ origin: "https://tashil.example.ir", body, type }));
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(await res.text()).toContain("درخواست نامعتبر است");
    }
    const { body, type } = multipart("نامه بانک.pdf");
    expect(passedOn(await proxy(actionPost({ origin: "https://tashil.example.ir", body, type })))).toBe(true);
  });
});

describe("/api/v1 in its own terms", () => {
  it("a body over the limit is a problem+json 413 in the caller's language, not an HTML page", async () => {
    const request = new NextRequest("http://tashil.example.ir/api/v1/resolutions/x/reports", {
      method: "POST",
      headers: { "content-length": String(35 * 1024 * 1024), "accept-language": "en" },
    });
    const res = await proxy(request);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({
      type: "/api/v1/problems/payload-too-large",
      status: 413,
      detail: "The request body is larger than allowed (30 MB).",
    });
    // The UI keeps its localised page.
    const page = await proxy(
      new NextRequest("http://tashil.example.ir/units", {
        method: "POST",
        headers: { "content-length": String(35 * 1024 * 1024) },
      }),
    );
    expect(page.status).toBe(413);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});
