import { expect, type Page } from "@playwright/test";

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

/** Signs in through the real login form, in Persian (the default). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("ایمیل").fill(email);
  await page.getByLabel("گذرواژه").fill(password);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
