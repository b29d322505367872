import { ACCOUNTS, expect, test } from "./fixtures";

test("the secretariat records a unit going idle and returning to production; the timeline keeps both", async ({
  signedInAs,
  data,
}) => {
  const unit = await data.unit();
  const changes = async () =>
    (
      await data.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "UnitStatusChange" WHERE "unitId" = $1 AND reason IS NOT NULL`,
        [unit.id],
      )
    )?.n;
  const page = await signedInAs(ACCOUNTS.secretariat, `/units/${unit.id}`);
  const form = page.getByRole("form", { name: "تغییر وضعیت بهره‌برداری" });

  // The same status as now is refused with a message, and nothing is recorded.
  await form.getByRole("button", { name: "تغییر وضعیت بهره‌برداری" }).click();
  await expect(form.getByText("وضعیت جدید با وضعیت فعلی یکی است.")).toBeVisible();

  await form.getByLabel("وضعیت جدید").selectOption({ label: "راکد" });
  await form.getByLabel("علت").fill("قطع گاز در زمستان");
  await form.getByRole("button", { name: "تغییر وضعیت بهره‌برداری" }).click();
  await expect(form.getByRole("status")).toHaveText("وضعیت واحد ثبت شد.");
  await expect.poll(() => changes()).toBe(1);

  await form.getByLabel("وضعیت جدید").selectOption({ label: "فعال" });
  await form.getByLabel("علت").fill("وصل مجدد گاز");
  await form.getByRole("button", { name: "تغییر وضعیت بهره‌برداری" }).click();
  // The message above is still on screen from the first change: wait for the record.
  await expect.poll(() => changes()).toBe(2);
  await expect(form.getByRole("status")).toHaveText("وضعیت واحد ثبت شد.");

  await page.reload();
  await expect(page.getByText("قطع گاز در زمستان").first()).toBeVisible();
  await expect(page.getByText("وصل مجدد گاز").first()).toBeVisible();
  expect(
    await data.one(
      `SELECT string_agg("toStatus"::text, ',' ORDER BY "createdAt") AS path, (SELECT status::text FROM "ProductionUnit" WHERE id = $1) AS now
       FROM "UnitStatusChange" WHERE "unitId" = $1`,
      [unit.id],
    ),
  ).toEqual({ path: "IDLE,ACTIVE", now: "ACTIVE" });
});
