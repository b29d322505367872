import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SmsStatus } from "@/lib/generated/prisma/enums";
import { exclusively } from "@/lib/notifications/digests";
import { errorFields, log } from "@/lib/observability/log";
import { smsDailyCap } from "@/lib/settings/queries";
import { smsProviderFromEnv, SmsRefused, type SmsProvider } from "./providers";
import {
  isQuietHour,
  MAX_SMS_ATTEMPTS,
  normalizeMobile,
  quietHoursEnd,
  retryDelayMs,
  tehranDayStart,
} from "./rules";

// The SMS outbox (issue #37, docs/decisions/232-sms-gateway.md), shaped like the e-mail one:
// a row per (event, number), written in the transaction of the change it reports, then sent
// by the every-minute job. The rules live here, once:
// - one SMS per event per number: @@unique([eventKey, toMobile]) on insert, and a row is sent
//   only by the worker whose UPDATE moved it from PENDING to SENDING;
// - quiet hours 22:00–07:00 Tehran: anything but a one-time code waits until 07:00;
// - a daily cap per province: past it, the rest waits for the next day's 07:00;
// - retries 1, 2, 4, 8, 16 minutes apart, then FAILED; a refusal no retry can fix at once.

export type Sms = {
  /** What the message is about, like an e-mail's eventKey: the same event never texts a number twice. */
  eventKey: string;
  to: string;
  text: string;
  userId?: string | null;
  provinceId?: string | null;
  /** A one-time code: goes at any hour and past the daily cap. */
  urgent?: boolean;
};

/**
 * SMS_QUIET_HOURS=off sends at any hour: for a deployment whose rules differ, and for the
 * browser tests' server, whose journeys run at whatever hour the suite does (the quiet hours
 * themselves are tested against the gateway in tests/integration/sms.test.ts).
 */
export const quietHoursKept = (env: NodeJS.ProcessEnv = process.env) =>
  env.SMS_QUIET_HOURS?.trim().toLowerCase() !== "off";

/** A worker that died between handing a message over and recording the answer. */
const STALE_SENDING_MS = 10 * 60_000;
/**
 * Past this a message is not worth sending: a code nobody waits for any more, a reminder two
 * days late (a gateway configured after months without one must not flood the heads).
 */
const EXPIRES_URGENT_MS = 15 * 60_000;
const EXPIRES_MS = 48 * 3_600_000;

/**
 * Writes the messages (in the caller's transaction when given one); a number that is not a
 * mobile is skipped, and an event already queued for a number adds nothing. They wait as
 * PENDING until a worker with a gateway sends them (or they grow too old, below).
 */
export async function queueSms(
  client: Tx | typeof db,
  messages: Sms[],
  /** When they become due: now by this process's clock (not the database's, a few ms apart). */
  at: Date = new Date(),
): Promise<number> {
  const rows = new Map<string, Sms & { to: string }>();
  for (const m of messages) {
    const to = normalizeMobile(m.to);
    if (to) rows.set(`${m.eventKey}\n${to}`, { ...m, to });
  }
  if (rows.size === 0) return 0;
  const { count } = await client.smsMessage.createMany({
    data: [...rows.values()].map((m) => ({
      eventKey: m.eventKey,
      toMobile: m.to,
      body: m.text,
      userId: m.userId ?? null,
      provinceId: m.provinceId ?? null,
      urgent: m.urgent ?? false,
      nextAttemptAt: at,
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * The module's entry point for one message that should go now if it may (a one-time code):
 * queued once per (event, number) and sent in this call unless quiet hours or the cap say
 * wait. Answers what became of it.
 */
export async function sendSms(
  message: Sms,
  { provider = smsProviderFromEnv(), now = new Date() }: { provider?: SmsProvider | null; now?: Date } = {},
): Promise<{ id: string | null; status: SmsStatus | "INVALID_NUMBER" }> {
  const to = normalizeMobile(message.to);
  if (!to) return { id: null, status: "INVALID_NUMBER" };
  await queueSms(db, [message], now);
  const row = await db.smsMessage.findUniqueOrThrow({
    where: { eventKey_toMobile: { eventKey: message.eventKey, toMobile: to } },
    select: { id: true },
  });
  if (provider) await sendDueSms({ provider, now, ids: [row.id] });
  const { status } = await db.smsMessage.findUniqueOrThrow({
    where: { id: row.id },
    select: { status: true },
  });
  return { id: row.id, status };
}

export type SmsRun = { sent: number; failed: number; retrying: number; deferred: number };

/**
 * The every-minute job: sends what is due. One run at a time across workers (an advisory
 * lock), so the daily cap is counted by one; the claim itself would keep two runs from
 * sending one row twice even without it.
 */
export function sendPendingSms({
  provider = smsProviderFromEnv(),
  now = new Date(),
  limit = 200,
  provinceId,
}: { provider?: SmsProvider | null; now?: Date; limit?: number; provinceId?: string } = {}): Promise<SmsRun> {
  if (!provider) return Promise.resolve({ sent: 0, failed: 0, retrying: 0, deferred: 0 });
  return exclusively("sms-outbox", () => sendDueSms({ provider, now, limit, provinceId }));
}

export async function sendDueSms({
  provider,
  now,
  ids,
  limit = 200,
  provinceId,
}: {
  provider: SmsProvider;
  now: Date;
  ids?: string[];
  limit?: number;
  /** Only one province's messages (tests, which share one database). */
  provinceId?: string;
}): Promise<SmsRun> {
  const run: SmsRun = { sent: 0, failed: 0, retrying: 0, deferred: 0 };
  // Age is real time (the database's clock), whatever `now` the run is asked to act at.
  const realNow = Date.now();
  const expired = await db.smsMessage.updateMany({
    where: {
      ...(ids ? { id: { in: ids } } : {}),
      ...(provinceId ? { provinceId } : {}),
      status: "PENDING",
      OR: [
        { urgent: true, createdAt: { lt: new Date(realNow - EXPIRES_URGENT_MS) } },
        { urgent: false, createdAt: { lt: new Date(realNow - EXPIRES_MS) } },
      ],
    },
    data: { status: "FAILED", lastError: "expired before it could be sent" },
  });
  run.failed += expired.count;
  const due = await db.smsMessage.findMany({
    where: {
      ...(ids ? { id: { in: ids } } : {}),
      ...(provinceId ? { provinceId } : {}),
      OR: [
        { status: "PENDING", nextAttemptAt: { lte: now } },
        { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - STALE_SENDING_MS) } },
      ],
    },
    orderBy: [{ urgent: "desc" }, { nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, urgent: true, provinceId: true, status: true },
  });
  const quiet = quietHoursKept() && isQuietHour(now);
  const chosen: string[] = [];
  const later = new Map<string, { until: Date; reason: string }>();
  const remaining = new Map<string, number>();
  for (const row of due) {
    if (row.urgent || row.provinceId === null) {
      if (row.urgent || !quiet) chosen.push(row.id);
      else later.set(row.id, { until: quietHoursEnd(now), reason: "quiet hours" });
      continue;
    }
    if (quiet) {
      later.set(row.id, { until: quietHoursEnd(now), reason: "quiet hours" });
      continue;
    }
    if (!remaining.has(row.provinceId))
      remaining.set(
        row.provinceId,
        (await smsDailyCap(row.provinceId)) - (await usedToday(row.provinceId, now)),
      );
    const left = remaining.get(row.provinceId) ?? 0;
    if (left <= 0) {
      // The cap resets at midnight; the next sendable moment after it is 07:00.
      const tomorrow = new Date(tehranDayStart(now).getTime() + 86_400_000);
      later.set(row.id, { until: quietHoursEnd(tomorrow), reason: "daily cap reached" });
      continue;
    }
    remaining.set(row.provinceId, left - 1);
    chosen.push(row.id);
  }
  for (const [id, { until, reason }] of later) {
    await db.smsMessage.updateMany({
      where: { id, status: "PENDING" },
      data: { nextAttemptAt: until, lastError: reason },
    });
    run.deferred++;
  }
  if (chosen.length === 0) return run;
  // The claim: only the UPDATE that moves a row to SENDING sends it. A second worker's UPDATE
  // waits on the row lock, then finds it SENDING and claims nothing.
  const staleBefore = new Date(now.getTime() - STALE_SENDING_MS);
  const claimed = await db.$queryRaw<{ id: string; toMobile: string; body: string; attempts: number }[]>`
    UPDATE "SmsMessage" SET status = 'SENDING', "claimedAt" = ${now}, attempts = attempts + 1
    WHERE id = ANY(${chosen})
      AND ((status = 'PENDING' AND "nextAttemptAt" <= ${now})
        OR (status = 'SENDING' AND "claimedAt" < ${staleBefore}))
    RETURNING id, "toMobile", body, attempts`;
  for (const row of claimed) {
    try {
      const accepted = await provider.send({ to: row.toMobile, text: row.body, localId: row.id });
      await db.smsMessage.update({
        where: { id: row.id },
        data: {
          status: "SENT",
          sentAt: new Date(),
          provider: provider.name,
          providerMessageId: accepted.messageId,
          costUnits: accepted.costUnits,
          lastError: null,
        },
      });
      run.sent++;
    } catch (err) {
      const permanent = err instanceof SmsRefused && err.permanent;
      const last = permanent || row.attempts >= MAX_SMS_ATTEMPTS;
      const message = String((err as Error)?.message ?? err).slice(0, 500);
      await db.smsMessage.update({
        where: { id: row.id },
        data: {
          status: last ? "FAILED" : "PENDING",
          provider: provider.name,
          lastError: message,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
        },
      });
      if (last) run.failed++;
      else run.retrying++;
      log.warn({ ...errorFields(err), smsId: row.id, attempts: row.attempts, final: last }, "sms not sent");
    }
  }
  return run;
}

/** What counts against the province's cap today: sent, or being sent. */
export function usedToday(provinceId: string, now: Date): Promise<number> {
  return db.smsMessage.count({
    where: {
      provinceId,
      urgent: false,
      OR: [{ sentAt: { gte: tehranDayStart(now) } }, { status: "SENDING" }],
    },
  });
}

/**
 * Delivery reports: asks the gateway about messages it accepted in the last three days and
 * not yet settled, and records DELIVERED or UNDELIVERED.
 */
export async function refreshSmsDelivery({
  provider = smsProviderFromEnv(),
  now = new Date(),
}: { provider?: SmsProvider | null; now?: Date } = {}): Promise<{ delivered: number; undelivered: number }> {
  const out = { delivered: 0, undelivered: 0 };
  if (!provider?.status) return out;
  const rows = await db.smsMessage.findMany({
    where: {
      status: "SENT",
      provider: provider.name,
      providerMessageId: { not: null },
      sentAt: { gte: new Date(now.getTime() - 3 * 86_400_000) },
    },
    select: { id: true, providerMessageId: true },
    orderBy: { sentAt: "asc" },
    take: 500,
  });
  const byMessageId = new Map(rows.map((r) => [r.providerMessageId ?? "", r.id]));
  for (let i = 0; i < rows.length; i += 100) {
    const batch = rows.slice(i, i + 100).map((r) => r.providerMessageId ?? "");
    const states = await provider.status(batch);
    for (const s of states) {
      const id = byMessageId.get(s.messageId);
      if (!id || s.state === "PENDING") continue;
      await db.smsMessage.updateMany({
        where: { id, status: "SENT" },
        data: { status: s.state, deliveredAt: s.state === "DELIVERED" ? now : null },
      });
      if (s.state === "DELIVERED") out.delivered++;
      else out.undelivered++;
    }
  }
  return out;
}

/**
 * Sends now what an event queued (a reminder by hand: the secretariat is waiting for the
 * answer), within the same rules as the job; what quiet hours or the cap hold stays queued.
 */
export async function sendQueuedSmsNow(
  eventKey: string,
  provider: SmsProvider | null = smsProviderFromEnv(),
  now = new Date(),
): Promise<SmsRun | null> {
  if (!provider) return null;
  const rows = await db.smsMessage.findMany({ where: { eventKey, status: "PENDING" }, select: { id: true } });
  if (rows.length === 0) return null;
  return sendDueSms({ provider, now, ids: rows.map((r) => r.id) });
}
