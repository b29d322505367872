import { addDays, calendarDate, formatDate, todayInTehran } from "@/lib/i18n/format";
import { ACCOUNTS, expect, test } from "./fixtures";

test("the bank asks for more time, the secretariat approves, and the new deadline holds", async ({
  signedInAs,
  data,
}) => {
  const id = await data.bankResolution({ daysLeft: 5 });

  // The bank asks for a deadline 60 days later, with a reason; a bad date is refused first.
  const bank = await signedInAs(ACCOUNTS.bank, `/resolutions/${id}`);
  const request = bank.getByRole("form", { name: "درخواست تمدید مهلت" });
  await request.getByLabel("مهلت جدید (تاریخ شمسی)").fill("۱۴۰۴/۱۳/۴۰");
  await request.getByLabel("دلیل").fill("بانک مرکزی هنوز بخشنامه امهال را ابلاغ نکرده است.");
  await request.getByRole("button", { name: "ارسال درخواست تمدید" }).click();
  await expect(request.getByRole("alert").first()).toBeVisible();
  expect(
    await data.one(`SELECT count(*)::int AS n FROM "ExtensionRequest" WHERE "resolutionId" = $1`, [id]),
  ).toEqual({
    n: 0,
  });

  const target = addDays(todayInTehran(), 60);
  const newDeadline = formatDate(calendarDate(target), "fa", { style: "short" });
  await request.getByLabel("مهلت جدید (تاریخ شمسی)").fill(newDeadline);
  await request.getByRole("button", { name: "ارسال درخواست تمدید" }).click();
  // Filed: the request form gives way to the request, awaiting a decision.
  const history = bank.getByRole("region", { name: "درخواست‌های تمدید مهلت و سابقه مهلت" });
  await expect(history.getByText(/^در انتظار تصمیم/)).toBeVisible();
  await expect(bank.getByRole("form", { name: "درخواست تمدید مهلت" })).toHaveCount(0);

  // The secretariat approves it; the deadline moves and the history keeps both dates.
  const secretariat = await signedInAs(ACCOUNTS.secretariat, `/resolutions/${id}`);
  const decide = secretariat.getByRole("form", { name: "تصمیم درباره درخواست تمدید" });
  await decide.getByRole("button", { name: "موافقت با تمدید" }).click();
  // Decided, the form goes; the request shows its decision.
  await expect(
    secretariat.getByRole("region", { name: "درخواست‌های تمدید مهلت و سابقه مهلت" }).getByText(/^موافقت شد/),
  ).toBeVisible();
  expect(
    await data.one(
      `SELECT (deadline = $2::date) AS moved, (SELECT status::text FROM "ExtensionRequest" e WHERE e."resolutionId" = r.id) AS decision FROM "Resolution" r WHERE id = $1`,
      [id, target],
    ),
  ).toEqual({ moved: true, decision: "APPROVED" });

  // The bank sees the decision and may ask again.
  await bank.reload();
  await expect(history.getByText(/^موافقت شد/)).toBeVisible();
  await expect(bank.getByRole("form", { name: "درخواست تمدید مهلت" })).toBeVisible();
});
