// Skeletons without losing status codes (issue #17): a record page looks its record up before
// the rest streams in behind a skeleton, so an unknown id is still a 404 — not a 200 with a
// "not found" text inside a page that already said "OK".
import { ACCOUNTS, expect, test } from "./fixtures";

const MISSING = "no-such-record";

test("a missing record answers 404 on every kind of record page, and a present one renders", async ({
  signedInAs,
  data,
}) => {
  test.setTimeout(90_000); // a dozen page loads
  const page = await signedInAs(ACCOUNTS.secretariat);
  for (const path of [
    `/units/${MISSING}`,
    `/units/${MISSING}/edit`,
    `/units/${MISSING}/obstacles/new`,
    `/meetings/${MISSING}`,
    `/meetings/${MISSING}/minutes`,
    `/meetings/${MISSING}/brief`,
    `/meetings/${MISSING}/screen`,
    `/resolutions/${MISSING}`,
    `/notices/${MISSING}`,
    `/agencies/${MISSING}`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
  // The not-found page is what the reader sees, in Persian.
  await page.goto(`/resolutions/${MISSING}`);
  await expect(page.getByRole("heading", { level: 1, name: "صفحه پیدا نشد" })).toBeVisible();

  // A record that exists streams in after its skeleton and replaces it.
  const unit = await data.unit();
  const response = await page.goto(`/units/${unit.id}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: unit.name })).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  const resolution = await data.bankResolution();
  expect((await page.request.get(`/resolutions/${resolution}`)).status()).toBe(200);

  const admin = await signedInAs(ACCOUNTS.admin);
  expect((await admin.request.get(`/admin/users/${MISSING}`)).status()).toBe(404);
});

test("a national viewer's dashboard for a province that does not exist answers 404", async ({
  signedInAs,
}) => {
  const page = await signedInAs("national@tashil.demo");
  for (const query of [`province=${MISSING}`, "province=%00", "province=", "province=a&province=b"]) {
    const response = await page.request.get(`/dashboard?${query}`);
    expect(response.status(), query).toBe(404);
  }
  const response = await page.goto(`/dashboard?province=${MISSING}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "صفحه پیدا نشد" })).toBeVisible();
  expect((await page.request.get("/dashboard")).status()).toBe(200);
});
