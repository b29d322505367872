import "server-only";

// SMS gateways (docs/decisions/232-sms-gateway.md): Kavenegar's REST API, and a generic HTTP
// gateway described by a URL and a body template for any other provider. Both answer the same
// small interface, so the outbox (./outbox.ts) knows nothing of either.

export type SmsSend = {
  to: string;
  text: string;
  /** Our row id: Kavenegar's `localid`, so a retry after a lost answer is not sent twice. */
  localId: string;
};
export type SmsAccepted = { messageId: string | null; costUnits: number | null };
export type SmsDelivery = { messageId: string; state: "DELIVERED" | "UNDELIVERED" | "PENDING" };

export interface SmsProvider {
  readonly name: string;
  send(message: SmsSend): Promise<SmsAccepted>;
  /** Delivery reports for messages the gateway accepted; absent when the gateway has none. */
  status?(messageIds: string[]): Promise<SmsDelivery[]>;
}

/** The gateway said no. `permanent`: retrying cannot help (a wrong number, an empty text). */
export class SmsRefused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SmsRefused";
  }
}

const TIMEOUT_MS = 10_000;

// ─── Kavenegar ──────────────────────────────────────────────────────────────

/**
 * Kavenegar (kavenegar.com/rest.html): `POST {base}/v1/{apiKey}/sms/send.json` with a form body
 * (receptor, message, sender, localid) answers `{ return: { status, message }, entries: [{
 * messageid, status, statustext, sender, receptor, date, cost }] }`; `sms/status.json` with
 * comma-separated `messageid`s answers the delivery state of each.
 */
export function kavenegarProvider({
  apiKey,
  sender,
  baseUrl = "https://api.kavenegar.com",
}: {
  apiKey: string;
  sender?: string;
  baseUrl?: string;
}): SmsProvider {
  const endpoint = (method: string) =>
    `${baseUrl.replace(/\/$/, "")}/v1/${encodeURIComponent(apiKey)}/${method}.json`;
  async function call(method: string, params: Record<string, string>) {
    let res: Response;
    try {
      res = await fetch(endpoint(method), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new SmsRefused(`kavenegar unreachable: ${(err as Error).message}`, false);
    }
    const json = (await res.json().catch(() => null)) as {
      return?: { status?: number; message?: string };
      entries?: unknown;
    } | null;
    const status = json?.return?.status ?? res.status;
    if (status !== 200)
      throw new SmsRefused(
        `kavenegar ${status}: ${json?.return?.message ?? res.statusText}`,
        KAVENEGAR_PERMANENT.has(status),
      );
    return Array.isArray(json?.entries) ? (json.entries as Record<string, unknown>[]) : [];
  }
  return {
    name: "kavenegar",
    async send({ to, text, localId }) {
      const entries = await call("sms/send", {
        receptor: to,
        message: text,
        localid: localId,
        ...(sender ? { sender } : {}),
      });
      const [entry] = entries;
      return {
        messageId: entry?.messageid != null ? String(entry.messageid) : null,
        costUnits: typeof entry?.cost === "number" ? entry.cost : null,
      };
    },
    async status(messageIds) {
      if (messageIds.length === 0) return [];
      const entries = await call("sms/status", { messageid: messageIds.join(",") });
      return entries.map((e) => ({
        messageId: String(e.messageid),
        state: KAVENEGAR_DELIVERED.has(Number(e.status))
          ? "DELIVERED"
          : KAVENEGAR_UNDELIVERED.has(Number(e.status))
            ? "UNDELIVERED"
            : "PENDING",
      }));
    },
  };
}

// Kavenegar's answer codes that no retry can fix: bad parameters (400), a receptor that is not
// a mobile (411), a sender line not ours (412), an empty or over-long text (413), too many
// receptors (414), characters the network refuses (422). Others (403 a wrong key, 418 no
// credit, 5xx) may be fixed by the operator meanwhile: retried until the attempts run out.
const KAVENEGAR_PERMANENT = new Set([400, 411, 412, 413, 414, 422]);
// Message states: 10 delivered; 11 not delivered, 6 failed, 13 cancelled, 14 blocked by the
// recipient, 100 unknown id. 1, 2, 4, 5: queued, scheduled, sent to the operator.
const KAVENEGAR_DELIVERED = new Set([10]);
const KAVENEGAR_UNDELIVERED = new Set([6, 11, 13, 14, 100]);

// ─── Generic HTTP gateway ───────────────────────────────────────────────────

/**
 * Any gateway with an HTTP API: one request per message to `url`, with `bodyTemplate`'s
 * `{{to}}`, `{{text}}` and `{{id}}` filled in (escaped for JSON or for a form, after the
 * content type). A 2xx answer is success; `idField` ("data.id") names the gateway's message
 * id in a JSON answer. A 4xx other than 408 and 429 is permanent.
 */
export function httpProvider({
  url,
  bodyTemplate,
  contentType = "application/json",
  headers = {},
  idField,
}: {
  url: string;
  bodyTemplate: string;
  contentType?: string;
  headers?: Record<string, string>;
  idField?: string;
}): SmsProvider {
  const json = contentType.includes("json");
  const escape = (v: string) => (json ? JSON.stringify(v).slice(1, -1) : encodeURIComponent(v));
  return {
    name: "http",
    async send({ to, text, localId }) {
      const values: Record<string, string> = { to, text, id: localId };
      const body = bodyTemplate.replace(/\{\{(to|text|id)\}\}/g, (_, k: string) => escape(values[k] ?? ""));
      const target = url.replace(/\{\{(to|text|id)\}\}/g, (_, k: string) =>
        encodeURIComponent(values[k] ?? ""),
      );
      let res: Response;
      try {
        res = await fetch(target, {
          method: "POST",
          headers: { "content-type": contentType, ...headers },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new SmsRefused(`gateway unreachable: ${(err as Error).message}`, false);
      }
      const answer = await res.text().catch(() => "");
      if (!res.ok)
        throw new SmsRefused(
          `gateway ${res.status}: ${answer.slice(0, 200)}`,
          res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429,
        );
      let messageId: string | null = null;
      if (idField) {
        try {
          let v: unknown = JSON.parse(answer);
          for (const part of idField.split(".")) v = (v as Record<string, unknown> | null)?.[part];
          if (v != null) messageId = String(v);
        } catch {
          // Not JSON: accepted, without an id to ask about.
        }
      }
      return { messageId, costUnits: null };
    },
  };
}

// ─── From the environment ───────────────────────────────────────────────────

/**
 * SMS_PROVIDER=kavenegar (KAVENEGAR_API_KEY, KAVENEGAR_SENDER, KAVENEGAR_URL) or
 * SMS_PROVIDER=http (SMS_HTTP_URL, SMS_HTTP_BODY, SMS_HTTP_CONTENT_TYPE, SMS_HTTP_HEADERS as a
 * JSON object, SMS_HTTP_ID_FIELD). Unset: no gateway; messages stay in the SMS outbox.
 */
export function smsProviderFromEnv(env: NodeJS.ProcessEnv = process.env): SmsProvider | null {
  const kind = env.SMS_PROVIDER?.trim().toLowerCase();
  if (kind === "kavenegar" && env.KAVENEGAR_API_KEY)
    return kavenegarProvider({
      apiKey: env.KAVENEGAR_API_KEY,
      sender: env.KAVENEGAR_SENDER || undefined,
      baseUrl: env.KAVENEGAR_URL || undefined,
    });
  if (kind === "http" && env.SMS_HTTP_URL && env.SMS_HTTP_BODY) {
    let headers: Record<string, string> = {};
    try {
      headers = env.SMS_HTTP_HEADERS ? (JSON.parse(env.SMS_HTTP_HEADERS) as Record<string, string>) : {};
    } catch {
      throw new Error('SMS_HTTP_HEADERS must be a JSON object, e.g. {"Authorization":"Bearer …"}');
    }
    return httpProvider({
      url: env.SMS_HTTP_URL,
      bodyTemplate: env.SMS_HTTP_BODY,
      contentType: env.SMS_HTTP_CONTENT_TYPE || undefined,
      headers,
      idField: env.SMS_HTTP_ID_FIELD || undefined,
    });
  }
  return null;
}
