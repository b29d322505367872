// A server-action request whose envelope React cannot decode makes Next answer 500 ("Unexpected
// end of JSON input", "Invalid forward reference", "Boundary not found"). proxy.ts answers such
// requests 400 before they reach Next's decoder. Only POSTs carrying `Next-Action` are read —
// the browser's own calls — and their bodies are bounded by the 413 check before this.

/** The references React's reply encoder writes for the argument types our actions take. */
const SIMPLE_REFERENCES = new Set(["$undefined", "$-0", "$NaN", "$Infinity", "$-Infinity"]);
const FORM_REFERENCE = /^\$K[0-9a-f]{1,8}$/;
const OTHER_REFERENCES = /^\$(\$|D|n-?\d)/;
const MAX_DEPTH = 32;

function wellFormed(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string")
    return (
      !value.startsWith("$") ||
      SIMPLE_REFERENCES.has(value) ||
      FORM_REFERENCE.test(value) ||
      OTHER_REFERENCES.test(value)
    );
  if (Array.isArray(value)) return value.every((v) => wellFormed(v, depth + 1));
  if (value !== null && typeof value === "object")
    return Object.values(value).every((v) => wellFormed(v, depth + 1));
  return true;
}

/** The arguments: an array of at most three values, with only references we know. */
function wellFormedArguments(json: string): boolean {
  try {
    const args: unknown = JSON.parse(json);
    return Array.isArray(args) && args.length <= 3 && wellFormed(args);
  } catch {
    return false;
  }
}

/** A control character (NUL and the rest of C0, DEL) in a file name: Next's parser throws on NUL. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export async function isMalformedServerAction(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      const root = form.get("0");
      // No browser sends a file name with a control character; Next's own multipart parser
      // (busboy) throws on a NUL in one, which answered 500 (issue #31).
      for (const [, value] of form) if (typeof value !== "string" && CONTROL.test(value.name)) return true;
      return typeof root !== "string" || !wellFormedArguments(root);
    }
    return !wellFormedArguments(await request.clone().text());
  } catch {
    // Not decodable as the content type claims: a truncated or hand-made body.
    return true;
  }
}

/**
 * A server action posted from another site: its `Origin` names a host other than the one the
 * request was sent to. Next refuses to run it but answers 500 (issue #31); proxy.ts answers
 * 403 first. The same comparison as Next's (x-forwarded-host, else host), so what Next would
 * accept still reaches it. A request without Origin is left to Next (a browser always sends
 * one with a POST; a hand-made request carries no one else's cookies).
 */
export function isForeignOriginServerAction(request: Request): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host");
  return !host || originHost !== host;
}
