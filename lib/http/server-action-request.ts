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

export async function isMalformedServerAction(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      const root = form.get("0");
      return typeof root !== "string" || !wellFormedArguments(root);
    }
    return !wellFormedArguments(await request.clone().text());
  } catch {
    // Not decodable as the content type claims: a truncated or hand-made body.
    return true;
  }
}
