// Issue #37, point 1: SMS through Kavenegar's REST API, against an in-process server speaking
// it (tests/support/kavenegar.ts): a real HTTP round trip. The request's shape, the delivery
// report, retries with backoff, the province's daily cap, quiet hours, and one SMS per event
// per number also with two workers at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { kavenegarProvider, httpProvider } from "@/lib/sms/providers";
import { queueSms, refreshSmsDelivery, sendDueSms, sendPendingSms, sendSms } from "@/lib/sms/outbox";
import { smsDailyCapKey } from "@/lib/settings/queries";
import { startKavenegar, type KavenegarServer } from "../support/kavenegar";
import { createProvince } from "../support/fixtures";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import http from "node:http";
import type { AddressInfo } from "node:net";

let gateway: KavenegarServer;
let provider: ReturnType<typeof kavenegarProvider>;
let provinceId: string;
// Tomorrow at 10:00 Tehran (06:30 UTC): inside sending hours, and after every row's creation.
const D = addDays(todayInTehran(), 1);
const D2 = addDays(D, 1);
const DAY = new Date(`${D}T06:30:00Z`);
const at = (iso: string) => new Date(iso);
let serial = 0;
const key = (name: string) => `test.sms:${name}:${++serial}:${Date.now()}`;

beforeAll(async () => {
  gateway = await startKavenegar();
  provider = kavenegarProvider({ apiKey: gateway.apiKey, sender: "10004346", baseUrl: gateway.url });
  provinceId = (await createProvince()).id;
});
afterAll(() => gateway.close());

const row = (eventKey: string, toMobile: string) =>
  db.smsMessage.findUniqueOrThrow({ where: { eventKey_toMobile: { eventKey, toMobile } } });

describe("SMS through Kavenegar", () => {
  it("sends with Kavenegar's request shape and records its message id and cost", async () => {
    const eventKey = key("shape");
    const before = gateway.requests.length;
    const result = await sendSms(
      { eventKey, to: "۰۹۱۲ ۳۴۵ ۶۷۸۹", text: "ابلاغ ۱۲/۱۴۰۵ کارگروه تسهیل", provinceId },
      { provider, now: DAY },
    );
    expect(result.status).toBe("SENT");
    const request = gateway.requests[before];
    expect(request).toMatchObject({
      method: "POST",
      apiKey: "test-api-key",
      endpoint: "sms/send",
      params: {
        receptor: "09123456789",
        message: "ابلاغ ۱۲/۱۴۰۵ کارگروه تسهیل",
        sender: "10004346",
        localid: result.id,
      },
    });
    expect(request?.contentType).toContain("application/x-www-form-urlencoded");
    const stored = await row(eventKey, "09123456789");
    expect(stored).toMatchObject({ status: "SENT", provider: "kavenegar", attempts: 1, costUnits: 120 });
    expect(stored.providerMessageId).toMatch(/^\d+$/);
    expect(stored.sentAt).not.toBeNull();
  });

  it("records the delivery report: delivered and not delivered", async () => {
    const a = key("delivered");
    const b = key("undelivered");
    await sendSms({ eventKey: a, to: "09120000001", text: "الف", provinceId }, { provider, now: DAY });
    await sendSms({ eventKey: b, to: "09120000002", text: "ب", provinceId }, { provider, now: DAY });
    const ra = await row(a, "09120000001");
    const rb = await row(b, "09120000002");
    gateway.setState(ra.providerMessageId ?? "", 10);
    gateway.setState(rb.providerMessageId ?? "", 11);
    await refreshSmsDelivery({ provider, now: new Date() });
    expect((await row(a, "09120000001")).status).toBe("DELIVERED");
    expect((await row(a, "09120000001")).deliveredAt).not.toBeNull();
    expect((await row(b, "09120000002")).status).toBe("UNDELIVERED");
    const statusCall = gateway.requests.findLast((r) => r.endpoint === "sms/status");
    expect(statusCall?.params.messageid?.split(",")).toEqual(
      expect.arrayContaining([ra.providerMessageId, rb.providerMessageId]),
    );
  });

  it("retries a failure with backoff, and gives up at once on a wrong number", async () => {
    const eventKey = key("retry");
    gateway.failNext(418, 500);
    const first = await sendSms(
      { eventKey, to: "09121111111", text: "تلاش", provinceId },
      { provider, now: DAY },
    );
    expect(first.status).toBe("PENDING");
    let stored = await row(eventKey, "09121111111");
    expect(stored.attempts).toBe(1);
    expect(stored.lastError).toContain("418");
    expect(stored.nextAttemptAt.getTime() - DAY.getTime()).toBe(60_000);
    // Not due yet: nothing happens.
    await sendDueSms({ provider, now: new Date(DAY.getTime() + 30_000), ids: [stored.id] });
    expect((await row(eventKey, "09121111111")).attempts).toBe(1);
    // Due: fails again (500), and waits twice as long.
    const second = new Date(DAY.getTime() + 61_000);
    await sendDueSms({ provider, now: second, ids: [stored.id] });
    stored = await row(eventKey, "09121111111");
    expect(stored).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(stored.nextAttemptAt.getTime() - second.getTime()).toBe(120_000);
    await sendDueSms({ provider, now: new Date(second.getTime() + 121_000), ids: [stored.id] });
    expect(await row(eventKey, "09121111111")).toMatchObject({ status: "SENT", attempts: 3 });

    const wrong = key("wrong");
    gateway.failNext(411);
    expect(
      (await sendSms({ eventKey: wrong, to: "09122222222", text: "x", provinceId }, { provider, now: DAY }))
        .status,
    ).toBe("FAILED");
  });

  it("refuses what is not a mobile number before it reaches the gateway", async () => {
    const before = gateway.requests.length;
    expect(
      (await sendSms({ eventKey: key("landline"), to: "034-3222 1111", text: "x" }, { provider })).status,
    ).toBe("INVALID_NUMBER");
    expect(await queueSms(db, [{ eventKey: key("bad"), to: "12345", text: "x" }])).toBe(0);
    expect(gateway.requests.length).toBe(before);
  });

  it("keeps to the province's daily cap; one-time codes go past it", async () => {
    const capped = (await createProvince()).id;
    await db.appSetting.create({ data: { key: smsDailyCapKey(capped), value: 2 } });
    const keys = [key("cap1"), key("cap2"), key("cap3")];
    await queueSms(
      db,
      keys.map((k, i) => ({ eventKey: k, to: `0913000000${i}`, text: "سقف", provinceId: capped })),
    );
    const ids = (await db.smsMessage.findMany({ where: { provinceId: capped }, select: { id: true } })).map(
      (r) => r.id,
    );
    const run = await sendDueSms({ provider, now: DAY, ids });
    expect(run).toMatchObject({ sent: 2, deferred: 1 });
    const waiting = await db.smsMessage.findFirstOrThrow({
      where: { provinceId: capped, status: "PENDING" },
    });
    // The next day's 07:00 Tehran (03:30 UTC).
    expect(waiting.nextAttemptAt.toISOString()).toBe(`${D2}T03:30:00.000Z`);
    expect(waiting.lastError).toBe("daily cap reached");
    const code = await sendSms(
      { eventKey: key("otp"), to: "09130000009", text: "کد: ۱۲۳۴۵۶", provinceId: capped, urgent: true },
      { provider, now: DAY },
    );
    expect(code.status).toBe("SENT");
  });

  it("sends nothing between 22:00 and 07:00 Tehran but one-time codes", async () => {
    const night = at(`${D}T20:00:00Z`); // 23:30 Tehran
    const notice = key("night");
    const otp = key("night-otp");
    const a = await sendSms(
      { eventKey: notice, to: "09140000001", text: "ابلاغ", provinceId },
      { provider, now: night },
    );
    expect(a.status).toBe("PENDING");
    const waiting = await row(notice, "09140000001");
    expect(waiting.attempts).toBe(0);
    expect(waiting.nextAttemptAt.toISOString()).toBe(`${D2}T03:30:00.000Z`);
    const b = await sendSms(
      { eventKey: otp, to: "09140000001", text: "کد: ۴۴۴۴", provinceId, urgent: true },
      { provider, now: night },
    );
    expect(b.status).toBe("SENT");
    // 06:59 Tehran: still waiting; 07:00: goes.
    await sendDueSms({ provider, now: at(`${D2}T03:29:00Z`), ids: [waiting.id] });
    expect((await row(notice, "09140000001")).status).toBe("PENDING");
    await sendDueSms({ provider, now: at(`${D2}T03:30:00Z`), ids: [waiting.id] });
    expect((await row(notice, "09140000001")).status).toBe("SENT");
  });

  it("sends each event once per number, also with two workers at once", async () => {
    const province = (await createProvince()).id;
    const eventKey = key("twice");
    const messages = Array.from({ length: 12 }, (_, i) => ({
      eventKey,
      to: `0915${String(i).padStart(7, "0")}`,
      text: "یک بار",
      provinceId: province,
    }));
    // Queued twice (a retried job), sent by two workers side by side.
    await queueSms(db, messages);
    await queueSms(db, messages);
    const before = gateway.sent.length;
    const ids = (await db.smsMessage.findMany({ where: { eventKey }, select: { id: true } })).map(
      (r) => r.id,
    );
    expect(ids).toHaveLength(12);
    const runs = await Promise.all([
      sendDueSms({ provider, now: DAY, ids }),
      sendDueSms({ provider, now: DAY, ids }),
      sendPendingSms({ provider, now: DAY, provinceId: province }),
    ]);
    expect(runs.reduce((s, r) => s + r.sent, 0)).toBe(12);
    const carried = gateway.sent.slice(before).filter((m) => m.message === "یک بار");
    expect(carried).toHaveLength(12);
    expect(new Set(carried.map((m) => m.receptor)).size).toBe(12);
    expect(await db.smsMessage.count({ where: { eventKey, status: "SENT" } })).toBe(12);
  });
});

describe("old messages", () => {
  it("are not sent: a code after 15 minutes, anything else after two days", async () => {
    const province = (await createProvince()).id;
    const old = Date.now();
    await db.smsMessage.createMany({
      data: [
        {
          eventKey: key("old-code"),
          toMobile: "09160000001",
          body: "کد",
          urgent: true,
          provinceId: province,
          createdAt: new Date(old - 16 * 60_000),
        },
        {
          eventKey: key("old-notice"),
          toMobile: "09160000002",
          body: "ابلاغ",
          provinceId: province,
          createdAt: new Date(old - 49 * 3_600_000),
        },
        {
          eventKey: key("recent"),
          toMobile: "09160000003",
          body: "تازه",
          provinceId: province,
          createdAt: new Date(old - 47 * 3_600_000),
        },
      ],
    });
    const run = await sendPendingSms({ provider, now: DAY, provinceId: province });
    expect(run).toMatchObject({ sent: 1, failed: 2 });
    const rows = await db.smsMessage.findMany({
      where: { provinceId: province },
      orderBy: { toMobile: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "FAILED", "SENT"]);
  });
});

describe("the generic HTTP gateway", () => {
  it("fills the body template and reads the message id", async () => {
    const bodies: { body: string; auth: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      req.on("end", () => {
        bodies.push({ body: raw, auth: req.headers.authorization });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { id: "gw-77" } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const generic = httpProvider({
      url: `http://127.0.0.1:${port}/send`,
      bodyTemplate: '{"mobile":"{{to}}","text":"{{text}}","ref":"{{id}}"}',
      headers: { authorization: "Bearer t" },
      idField: "data.id",
    });
    const eventKey = key("generic");
    const result = await sendSms(
      { eventKey, to: "+989161234567", text: 'نقل "قول"\nخط دوم', provinceId },
      { provider: generic, now: DAY },
    );
    server.close();
    expect(result.status).toBe("SENT");
    expect(JSON.parse(bodies[0]?.body ?? "{}")).toEqual({
      mobile: "09161234567",
      text: 'نقل "قول"\nخط دوم',
      ref: result.id,
    });
    expect(bodies[0]?.auth).toBe("Bearer t");
    expect((await row(eventKey, "09161234567")).providerMessageId).toBe("gw-77");
  });
});

describe("a user's own mobile, verified by a code", () => {
  it("counts only once the code sent to it comes back, and then SMS is on", async () => {
    const { requestMobileCode, verifyMobileCode, setSmsOptIn, mySmsSettings } =
      await import("@/lib/sms/mobile");
    const { createActor, t } = await import("../support/fixtures");
    const user = await createActor(["AGENCY"], { provinceId });
    // A wrong number is refused with a field message, nothing sent.
    const bad = await requestMobileCode(user, { mobile: "0341234" }, t, { provider });
    expect(bad.fieldErrors?.mobile).toEqual([t("validation.mobile")]);
    // Opting in without a verified number is refused.
    expect((await setSmsOptIn(user, { smsOptIn: "on" }, t)).message).toBe(t("sms.mobile.needVerified"));

    const sent = await requestMobileCode(user, { mobile: "۰۹۱۹ ۱۲۳ ۴۵۶۷" }, t, { provider });
    expect(sent).toMatchObject({ ok: true, message: t("sms.mobile.codeSent", { mobile: "0919***4567" }) });
    const text = gateway.sent.findLast((m) => m.receptor === "09191234567")?.message ?? "";
    const code = /(\d{6})/.exec(text)?.[1] ?? "";
    expect(code).toHaveLength(6);
    // The code went at once, marked urgent (it would go at night too), and is not stored.
    const row = await db.smsMessage.findFirstOrThrow({ where: { toMobile: "09191234567", userId: user.id } });
    expect(row).toMatchObject({ urgent: true, status: "SENT" });
    const stored = await db.mobileVerification.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.codeHash).not.toContain(code);
    // A second code within a minute is refused.
    expect((await requestMobileCode(user, { mobile: "09191234567" }, t, { provider })).message).toBe(
      t("sms.mobile.tooSoon"),
    );

    const wrong = code === "000000" ? "111111" : "000000";
    expect((await verifyMobileCode(user, { code: wrong }, t)).message).toBe(t("sms.mobile.wrongCode"));
    expect((await mySmsSettings(user)).verified).toBeNull();
    // Persian digits are accepted.
    const persian = code.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
    expect((await verifyMobileCode(user, { code: persian }, t)).ok).toBe(true);
    expect(await mySmsSettings(user)).toEqual({ verified: "0919***4567", smsOptIn: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      mobile: "09191234567",
      smsOptIn: true,
    });
    // Used once: the same code again is refused.
    expect((await verifyMobileCode(user, { code }, t)).message).toBe(t("sms.mobile.expired"));
    expect((await setSmsOptIn(user, {}, t)).ok).toBe(true);
    expect((await mySmsSettings(user)).smsOptIn).toBe(false);
  });

  it("ends a code after five wrong tries", async () => {
    const { requestMobileCode, verifyMobileCode } = await import("@/lib/sms/mobile");
    const { createActor, t } = await import("../support/fixtures");
    const user = await createActor(["SECRETARIAT"], { provinceId });
    await requestMobileCode(user, { mobile: "09197654321" }, t, { provider });
    const code = /(\d{6})/.exec(
      gateway.sent.findLast((m) => m.receptor === "09197654321")?.message ?? "",
    )?.[1];
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await verifyMobileCode(user, { code: wrong }, t);
    expect((await verifyMobileCode(user, { code }, t)).message).toBe(t("sms.mobile.expired"));
  });
});
