// The applicant's one-time code by SMS (issue #32 with the SMS module of #37): the code goes
// through the in-process Kavenegar server, under the same rules as the e-mailed one — six
// digits, ten minutes, five tries, throttles — and a staff phone is sent nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  CODE_TTL_MS,
  MAX_CODES_PER_EMAIL,
  requestSignInCode,
  requestSignUpCode,
  verifyCode,
} from "@/lib/applicants/codes";
import { legalEntityCheckDigit, nationalCodeCheckDigit } from "@/lib/applicants/ids";
import { kavenegarProvider } from "@/lib/sms/providers";
import type { MailTransport } from "@/lib/notifications/mailer";
import { startKavenegar, type KavenegarServer } from "../support/kavenegar";
import { createActor, createProvince, t } from "../support/fixtures";

let gateway: KavenegarServer;
let sms: ReturnType<typeof kavenegarProvider>;
let provinceId: string;

const toPersian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
let serial = 0;
/** A fresh mobile per call (the test database is shared by runs). */
const mobile = () => `0912${String((Date.now() * 7 + ++serial * 7919) % 1e7).padStart(7, "0")}`;
const email = () => `sms-applicant-${Date.now()}-${++serial}@unit.test`;
const ip = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
function unitNationalId(): string {
  const first10 = `15${String(Date.now() % 1e6).padStart(6, "0")}${String(++serial % 100).padStart(2, "0")}`;
  return first10 + legalEntityCheckDigit(first10);
}
const NATIONAL_CODE = "123456789" + nationalCodeCheckDigit("123456789");

/** Mail must not be the carrier here: anything handed to it fails the test. */
const mails: string[] = [];
const transport = {
  sendMail: (async (m: { to: string }) => {
    mails.push(m.to);
    return {};
  }) as unknown as MailTransport["sendMail"],
} as MailTransport;

/** The last code the gateway carried to this number, or "". */
const codeTo = (number: string) =>
  /(\d{6})/.exec(gateway.sent.filter((s) => s.receptor === number).at(-1)?.message ?? "")?.[1] ?? "";
const sentTo = (number: string) => gateway.sent.filter((s) => s.receptor === number).length;

const signUpForm = (mail: string, phone: string) => ({
  name: "رضا کرمانی",
  email: mail,
  mobile: toPersian(phone),
  channel: "sms",
  nationalCode: NATIONAL_CODE,
  position: "OWNER",
  unitNationalId: unitNationalId(),
  provinceId,
});

beforeAll(async () => {
  gateway = await startKavenegar();
  sms = kavenegarProvider({ apiKey: gateway.apiKey, sender: "10004346", baseUrl: gateway.url });
  provinceId = (await createProvince()).id;
});
afterAll(() => gateway.close());

describe("applicant codes by SMS", () => {
  it("signs up by a texted code (Persian digits), verifies the mobile, then signs in by mobile or e-mail", async () => {
    const phone = mobile();
    const mail = email();
    const from = ip();
    const asked = await requestSignUpCode(signUpForm(mail, phone), from, t, "fa", { transport, sms });
    expect(asked).toMatchObject({ ok: true, message: t("applicants.codeSent"), address: phone });
    expect(sentTo(phone)).toBe(1);
    expect(mails).not.toContain(mail);
    const code = codeTo(phone);
    expect(code).toMatch(/^\d{6}$/);

    // Only the hash is kept; the outbox row no longer holds the code once handed over.
    const row = await db.oneTimeCode.findFirstOrThrow({
      where: { email: phone },
      orderBy: { createdAt: "desc" },
    });
    expect(row.codeHash).not.toContain(code);
    const outbox = await db.smsMessage.findFirstOrThrow({ where: { eventKey: `applicant.code:${row.id}` } });
    expect(outbox).toMatchObject({ toMobile: phone, status: "SENT", urgent: true });
    expect(outbox.body).not.toContain(code);

    const signed = await verifyCode({ address: toPersian(phone), code: toPersian(code) }, from);
    expect(signed.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: mail } });
    expect(user).toMatchObject({ roles: ["APPLICANT"], mobile: phone, smsOptIn: true });
    expect(user.mobileVerifiedAt).not.toBeNull();

    // Later: by mobile (the code comes by SMS) …
    expect(
      await requestSignInCode({ address: `+98${phone.slice(1)}` }, ip(), t, "fa", { transport, sms }),
    ).toMatchObject({ ok: true, address: phone });
    expect(sentTo(phone)).toBe(2);
    expect(await verifyCode({ address: phone, code: codeTo(phone) }, ip())).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    // … or by e-mail (the code comes by mail).
    await requestSignInCode({ address: mail }, ip(), t, "fa", { transport, sms });
    expect(mails).toContain(mail);
    expect(sentTo(phone)).toBe(2);
  });

  it("expires after ten minutes", async () => {
    const phone = mobile();
    const mail = email();
    const now = new Date();
    await requestSignUpCode(signUpForm(mail, phone), ip(), t, "fa", { transport, sms, now });
    const late = new Date(now.getTime() + CODE_TTL_MS + 1000);
    expect(await verifyCode({ address: phone, code: codeTo(phone) }, ip(), late)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await db.user.count({ where: { email: mail } })).toBe(0);
  });

  it("takes five tries, then not even the right code", async () => {
    const phone = mobile();
    const mail = email();
    await requestSignUpCode(signUpForm(mail, phone), ip(), t, "fa", { transport, sms });
    const right = codeTo(phone);
    const wrong = right === "000000" ? "111111" : "000000";
    // Each guess from its own address, so the per-address throttle is not what stops them.
    for (let i = 0; i < 5; i++) {
      const answer = await verifyCode({ address: phone, code: wrong }, `10.78.0.${i}`);
      expect(answer).toEqual({ ok: false, reason: i < 4 ? "invalid" : "attempts" });
    }
    expect(await verifyCode({ address: phone, code: right }, "10.78.0.9")).toEqual({
      ok: false,
      reason: "attempts",
    });
    expect(await db.user.count({ where: { email: mail } })).toBe(0);
  });

  it("throttles code requests per mobile, and guesses per mobile and address", async () => {
    const phone = mobile();
    for (let i = 0; i < MAX_CODES_PER_EMAIL; i++)
      expect(
        await requestSignUpCode(signUpForm(email(), phone), `10.79.0.${i}`, t, "fa", { transport, sms }),
      ).toMatchObject({ ok: true });
    expect(
      await requestSignUpCode(signUpForm(email(), phone), "10.79.0.99", t, "fa", { transport, sms }),
    ).toMatchObject({ ok: false, message: t("applicants.codeThrottled") });
    expect(sentTo(phone)).toBe(MAX_CODES_PER_EMAIL);

    // Five wrong guesses from one address for one mobile close that pair, right code or not.
    const other = mobile();
    const from = "10.79.1.1";
    await requestSignUpCode(signUpForm(email(), other), ip(), t, "fa", { transport, sms });
    for (let i = 0; i < 5; i++) await verifyCode({ address: other, code: "999999" }, from);
    expect(await verifyCode({ address: other, code: codeTo(other) }, from)).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("sends a staff mobile nothing, on sign-in or sign-up, and answers the same", async () => {
    const staff = await createActor(["SECRETARIAT"], { provinceId });
    const phone = mobile();
    await db.user.update({ where: { id: staff.id }, data: { mobile: phone, mobileVerifiedAt: new Date() } });
    const before = gateway.sent.length;
    expect(await requestSignInCode({ address: phone }, ip(), t, "fa", { transport, sms })).toMatchObject({
      ok: true,
      message: t("applicants.codeSent"),
    });
    const mail = email();
    expect(await requestSignUpCode(signUpForm(mail, phone), ip(), t, "fa", { transport, sms })).toMatchObject(
      {
        ok: true,
        message: t("applicants.codeSent"),
      },
    );
    expect(gateway.sent.length).toBe(before);
    expect(await db.oneTimeCode.count({ where: { email: phone } })).toBe(0);
    expect(await db.user.count({ where: { email: mail } })).toBe(0);
  });

  it("refuses a mobile that is not Iranian, or SMS without a mobile, and writes nothing", async () => {
    const mail = email();
    const bad = await requestSignUpCode({ ...signUpForm(mail, "02112345678") }, ip(), t, "fa", {
      transport,
      sms,
    });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { mobile: [t("validation.mobile")] } });
    const none = await requestSignUpCode({ ...signUpForm(mail, ""), mobile: "" }, ip(), t, "fa", {
      transport,
      sms,
    });
    expect(none).toMatchObject({ ok: false, fieldErrors: { mobile: [t("applicants.mobileRequired")] } });
    const signIn = await requestSignInCode({ address: "12345" }, ip(), t, "fa", { transport, sms });
    expect(signIn).toMatchObject({ ok: false, fieldErrors: { address: [t("applicants.addressInvalid")] } });
    expect(await db.oneTimeCode.count({ where: { email: mail } })).toBe(0);
  });
});
