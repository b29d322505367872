import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import { e2eDb } from "./db";

// Demo accounts from prisma/seed.ts (README lists them).
export const DEMO_PASSWORD = "Tashil-demo-1404";
export const ACCOUNTS = {
  admin: "admin@tashil.demo",
  secretariat: "secretariat@tashil.demo",
  chair: "chair@tashil.demo",
  bank: "bank@tashil.demo",
  environment: "environment@tashil.demo",
  member: "member@tashil.demo",
} as const;

/**
 * Signs in through the real login form, in Persian (the default). For the tests about signing
 * in; every other journey starts signed in with `enterAs` / `signedInAs` (tests/e2e/session.ts).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("ایمیل").fill(email);
  await page.getByLabel("گذرواژه").fill(password);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export const TEST_USER_PASSWORD = "Sahar-e2e-password-1404";

/**
 * A member of the demo province made for one test. Signing out ends every session of the
 * user (docs/decisions/050), so a test that signs out must not use an account other tests
 * are signed in with at the same time. Its password is real (argon2, as the app hashes it) for
 * the tests that sign in through the form; with `password: false` it has none (nobody can sign
 * in with it) and the hashing, slow on purpose, is saved.
 */
export async function createTestMember({ password = true }: { password?: boolean } = {}): Promise<string> {
  const email = `e2e-${randomUUID()}@tashil.test`;
  const passwordHash = password
    ? await hash(TEST_USER_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 })
    : "no password: signed in with a minted session only";
  await e2eDb().user.create({
    data: {
      id: `e2e-${randomUUID()}`,
      email,
      name: "کاربر آزمون",
      passwordHash,
      roles: ["MEMBER"],
      province: { connect: { code: "KRM" } },
    },
  });
  return email;
}

/**
 * Marks the page's window and records every request for its server components that is not a
 * link prefetch — what router.refresh() sends. A live change patched in place (decision 084)
 * leaves the mark and sends none; a reload would lose the mark.
 */
export async function watchForRefresh(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { liveMark?: string }).liveMark = "same window";
  });
  const refreshes: string[] = [];
  const reads: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["rsc"] === "1" && !headers["next-router-prefetch"]) refreshes.push(request.url());
    if (new URL(request.url()).pathname.endsWith("/room")) reads.push(request.url());
  });
  return {
    refreshes,
    reads,
    mark: () => page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark ?? "reloaded"),
  };
}

/**
 * A number in Persian digits, as a Persian user types it into a name: the page sweeps
 * (phone-sweep.spec.ts) read every Persian page for Latin digits, and the names journeys make
 * show up in the lists they sweep. A random tag in a Persian name starts with a Latin letter
 * (`u3f9a1c`): six hex digits are all digits one time in sixteen, and read as a Latin number.
 */
export const faDigits = (n: number) => n.toLocaleString("fa-IR", { useGrouping: false });
