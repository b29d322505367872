import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import {
  ACCOUNT_FAILURES_BEFORE_DELAY,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
} from "@/lib/auth/throttle";
import { createActor, createProvince } from "../support/fixtures";

let provinceId: string;
const PASSWORD = "correct-horse-battery";

const makeUser = async (active = true) =>
  (await createActor(["MEMBER"], { provinceId, password: PASSWORD, active })).email;

/** A fresh address per test, so tests running side by side never share a bucket. */
let n = 0;
const address = () =>
  `10.${Math.floor(Math.random() * 200) + 1}.${(n = (n + 1) % 250)}.${Math.floor(Math.random() * 250) + 1}`;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
});

describe("verifyCredentials", () => {
  it("accepts the right password, whatever the e-mail's case, and records the sign-in time", async () => {
    const email = await makeUser();
    const result = await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD }, address());
    expect(result).toMatchObject({ ok: true, user: { email } });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated account alike", async () => {
    const email = await makeUser();
    const ip = address();
    expect(await verifyCredentials({ email, password: "wrong-password" }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await verifyCredentials({ email: `nobody-${randomUUID()}@test.local`, password: PASSWORD }, ip),
    ).toEqual({ ok: false, reason: "invalid" });
    const inactive = await makeUser(false);
    expect(await verifyCredentials({ email: inactive, password: PASSWORD }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials({ email: "", password: "" }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("writes sign-in successes and failures, also for unknown e-mails, to the audit log", async () => {
    const email = await makeUser();
    const ip = address();
    await verifyCredentials({ email, password: "wrong-password" }, ip);
    await verifyCredentials({ email, password: PASSWORD }, ip);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const events = await db.auditEvent.findMany({
      where: { entityType: "User", entityId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["auth.signInFailed", "auth.signIn"]);
    expect(events[1]).toMatchObject({ actorId: user.id, after: { email, ip } });

    const unknown = `nobody-${randomUUID()}@test.local`;
    await verifyCredentials({ email: unknown, password: PASSWORD }, ip);
    expect(await db.auditEvent.count({ where: { action: "auth.signInFailed", entityId: unknown } })).toBe(1);
  });

  it(`closes one address to one account after ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} failures, and only that pair`, async () => {
    const email = await makeUser();
    const attacker = address();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++)
      expect((await verifyCredentials({ email, password: `wrong-${i}` }, attacker)).ok).toBe(false);
    // Even the right password is refused from the attacker's address…
    expect(await verifyCredentials({ email, password: PASSWORD }, attacker)).toEqual({
      ok: false,
      reason: "throttled",
    });
    // …while the owner, elsewhere, signs in: the attacker cannot lock them out.
    expect((await verifyCredentials({ email, password: PASSWORD }, address())).ok).toBe(true);
    // And the attacker's address may still reach other accounts.
    const other = await makeUser();
    expect((await verifyCredentials({ email: other, password: PASSWORD }, attacker)).ok).toBe(true);
  });

  it(`closes an address after ${MAX_FAILURES_PER_ADDRESS} failures spread over many accounts`, async () => {
    const sprayer = address();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      await verifyCredentials({ email: `spray-${i}-${randomUUID()}@test.local`, password: "x" }, sprayer);
    const email = await makeUser();
    expect(await verifyCredentials({ email, password: PASSWORD }, sprayer)).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await verifyCredentials({ email, password: PASSWORD }, address())).ok).toBe(true);
  });

  it("slows a guess of one account from many addresses, but not the owner's known address", async () => {
    const email = await makeUser();
    const office = address();
    expect((await verifyCredentials({ email, password: PASSWORD }, office)).ok).toBe(true);
    // A botnet: each address guesses once, so no pair and no address limit is reached.
    for (let i = 0; i < ACCOUNT_FAILURES_BEFORE_DELAY; i++)
      expect(await verifyCredentials({ email, password: `guess-${i}` }, address())).toEqual({
        ok: false,
        reason: "invalid",
      });
    // The next guess from yet another address must wait, right password or not.
    expect(await verifyCredentials({ email, password: PASSWORD }, address())).toEqual({
      ok: false,
      reason: "throttled",
    });
    // The owner's office, where the account signed in before, is not held up.
    expect((await verifyCredentials({ email, password: PASSWORD }, office)).ok).toBe(true);
    const throttled = await db.auditEvent.count({
      where: { action: "auth.signInThrottled", after: { path: ["email"], equals: email } },
    });
    expect(throttled).toBe(1);
  });

  it("forgets an address's failures after it signs in successfully", async () => {
    const email = await makeUser();
    const ip = address();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++)
      await verifyCredentials({ email, password: "wrong-password" }, ip);
    expect((await verifyCredentials({ email, password: PASSWORD }, ip)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++)
      await verifyCredentials({ email, password: "wrong-password" }, ip);
    expect((await verifyCredentials({ email, password: PASSWORD }, ip)).ok).toBe(true);
  });
});
