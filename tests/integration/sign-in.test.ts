import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/credentials";
import { MAX_FAILURES_PER_EMAIL } from "@/lib/auth/throttle";
import { createProvince } from "../support/fixtures";

let provinceId: string;
const PASSWORD = "correct-horse-battery";

async function makeUser(active = true) {
  const email = `signin-${randomUUID()}@test.local`;
  await db.user.create({
    data: {
      email,
      name: "آزمون",
      roles: ["MEMBER"],
      provinceId,
      passwordHash: await hashPassword(PASSWORD),
      active,
    },
  });
  return email;
}

beforeAll(async () => {
  provinceId = (await createProvince()).id;
});

describe("verifyCredentials", () => {
  it("accepts the right password, whatever the e-mail's case, and records the sign-in time", async () => {
    const email = await makeUser();
    const result = await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { email } });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated account alike", async () => {
    const email = await makeUser();
    expect(await verifyCredentials({ email, password: "wrong-password" }, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await verifyCredentials({ email: `nobody-${randomUUID()}@test.local`, password: PASSWORD }, null),
    ).toEqual({ ok: false, reason: "invalid" });
    const inactive = await makeUser(false);
    expect(await verifyCredentials({ email: inactive, password: PASSWORD }, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials({ email: "", password: "" }, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it(`throttles an address after ${MAX_FAILURES_PER_EMAIL} failures, even for the right password`, async () => {
    const email = await makeUser();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await verifyCredentials({ email, password: `wrong-${i}` }, null)).ok).toBe(false);
    }
    expect(await verifyCredentials({ email, password: PASSWORD }, null)).toEqual({
      ok: false,
      reason: "throttled",
    });
    // Other accounts are not affected.
    const other = await makeUser();
    expect((await verifyCredentials({ email: other, password: PASSWORD }, null)).ok).toBe(true);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const email = await makeUser();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++)
      await verifyCredentials({ email, password: "wrong-password" }, null);
    expect((await verifyCredentials({ email, password: PASSWORD }, null)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++)
      await verifyCredentials({ email, password: "wrong-password" }, null);
    expect((await verifyCredentials({ email, password: PASSWORD }, null)).ok).toBe(true);
  });
});
