import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./support";

// Issue #30, point 11: a unit's phone 03431234567 was shown as «۳٬۴۳۱٬۲۳۴٬۵۶۷» — read as a
// number, grouped, its leading zero lost. Phones and national ids are digit strings: stored as
// typed (in Latin digits), shown digit for digit in the reader's digits, never grouped, on the
// unit's page, in its history and back in its edit form.

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

test("a unit's phone and national id stay digit strings: stored, shown, in the history and in the edit form", async ({
  signedInAs,
  data,
}) => {
  test.setTimeout(60_000);
  const unit = await data.unit();
  // A national id with a leading zero too, unique to this run.
  const nationalId = `0${String(Date.now()).slice(-10)}`;
  const phone = "03431234567";
  const page = await signedInAs(ACCOUNTS.secretariat, `/units/${unit.id}/edit`);
  // Typed in Persian digits, as a Persian keyboard gives them.
  await page.getByLabel("شناسه ملی").fill(persian(nationalId));
  await page.getByLabel("تلفن").fill(persian(phone));
  await page.getByRole("button", { name: "ذخیره" }).click();
  await expect(page.getByRole("status")).toHaveText("تغییرات واحد ذخیره شد.");

  // Stored as the digit strings typed, leading zeros and all.
  const stored = await data.one<{ phone: string; nationalId: string }>(
    `SELECT phone, "nationalId" FROM "ProductionUnit" WHERE id = $1`,
    [unit.id],
  );
  expect(stored).toEqual({ phone, nationalId });

  // The unit's page: digit for digit, in Persian digits, not a grouped number.
  const main = page.getByRole("main");
  await expect(main.getByText(persian(phone), { exact: true }).first()).toBeVisible();
  await expect(main).toContainText(persian(nationalId));
  // Its history shows the change in the same digits (it printed «۳٬۴۳۱٬۲۳۴٬۵۶۷»).
  await expect(
    main
      .getByRole("insertion")
      .filter({ hasText: persian(phone) })
      .first(),
  ).toBeVisible();
  await expect(
    main
      .getByRole("insertion")
      .filter({ hasText: persian(nationalId) })
      .first(),
  ).toBeVisible();
  const text = (await main.innerText()).replace(/\s+/g, " ");
  expect(text).not.toContain("۳٬۴۳۱٬۲۳۴٬۵۶۷");
  expect(text).not.toMatch(/۳[٬,]?۴۳۱[٬,]۲۳۴/);

  // Back in the edit form, prefilled in the reader's digits with the zeros in place.
  await page.goto(`/units/${unit.id}/edit`);
  await expect(page.getByLabel("تلفن")).toHaveValue(persian(phone));
  await expect(page.getByLabel("شناسه ملی")).toHaveValue(persian(nationalId));
});
