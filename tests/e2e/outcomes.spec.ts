import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, test } from "./fixtures";

// Issue #36, end to end: a bank reports a rescheduling of «۲۵ میلیارد» with a step ticked; the
// dashboard's money per bank and the unit's progress change; the unit is set active and counts
// as returned to production; the governor's weekly report shows all three.

const fa = (n: bigint | number) => n.toLocaleString("fa-IR");
const latin = (s: string) =>
  s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/[^\d]/g, "");
const todayIso = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

/** A Jalali date typed as the forms take it, `days` from today in Tehran. */
function jalali(days: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
      timeZone: "Asia/Tehran",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    })
      .formatToParts(new Date(Date.now() + days * 86_400_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day}`;
}

/** The bank's "rescheduled" figure on the dashboard (rials), 0 while it has no row. */
async function rescheduledOnDashboard(page: Page, bankId: string): Promise<bigint> {
  const row = page.locator(`[data-testid="money-by-bank"] tr[data-bank="${bankId}"]`);
  if ((await row.count()) === 0) return 0n;
  // Requested, approved, rescheduled, …: the third figure.
  return BigInt(latin((await row.locator("td").nth(2).textContent()) ?? "0") || "0");
}

async function unitsReturnedOnDashboard(page: Page): Promise<number> {
  return Number(latin((await page.getByTestId("returns-total").locator("dd").first().textContent()) ?? "0"));
}

test("a bank's «۲۵ میلیارد» rescheduling moves the dashboard, the unit's progress and the weekly report", async ({
  signedInAs,
  data,
}) => {
  test.setTimeout(180_000);
  const bankUser = await data.db.user.findUniqueOrThrow({
    where: { email: ACCOUNTS.bank },
    select: { agencyId: true, provinceId: true },
  });
  const bankId = bankUser.agencyId ?? "";
  const unit = await data.unit({ name: `کارخانه نساجی r${randomUUID().slice(0, 6)}` });
  await data.db.productionUnit.update({
    where: { id: unit.id },
    data: { status: "IDLE", employees: 50, employeesAtRegistration: 35 },
  });
  const meeting = await data.db.meeting.findFirstOrThrow({
    where: { provinceId: bankUser.provinceId ?? "" },
    orderBy: { startsAt: "desc" },
    select: { id: true },
  });
  const { id } = await data.db.resolution.create({
    data: {
      id: `e2e-${randomUUID()}`,
      provinceId: bankUser.provinceId ?? "",
      meetingId: meeting.id,
      unitId: unit.id,
      responsibleAgencyId: bankId,
      text: "بانک نسبت به امهال اقساط معوق واحد به مدت ۲۴ ماه اقدام کند (آزمون).",
      // A month to go, as a Tehran calendar day.
      deadline: new Date(Date.parse(`${todayIso()}T00:00:00Z`) + 30 * 86_400_000),
    },
  });

  // The data fixture removes its unit afterwards; this resolution must go first.
  try {
    await journey(id);
  } finally {
    await data.db.resolution.deleteMany({ where: { id } });
  }

  async function journey(id: string) {
    const secretariat = await signedInAs(ACCOUNTS.secretariat, "/dashboard");
    const rescheduledBefore = await rescheduledOnDashboard(secretariat, bankId);
    const returnedBefore = await unitsReturnedOnDashboard(secretariat);

    // The secretariat plans the resolution: one step with its due date.
    await secretariat.goto(`/resolutions/${id}`);
    const step = "ارائه مصوبه کمیته اعتباری بانک";
    const plan = secretariat.getByRole("form", { name: "افزودن گام" });
    await plan.getByLabel("عنوان گام").fill(step);
    await plan.getByLabel("موعد گام").fill(jalali(10));
    await plan.getByRole("button", { name: "افزودن گام" }).click();
    await expect(plan.getByRole("status")).toHaveText("گام به مصوبه افزوده شد.");
    await expect(secretariat.getByRole("list", { name: "گام‌های اجرا" }).getByText(step)).toBeVisible();

    // The bank reports the rescheduling, in words the importer reads, with the step ticked.
    const bank = await signedInAs(ACCOUNTS.bank, `/resolutions/${id}`);
    const form = bank.getByRole("form", { name: "ثبت گزارش عملکرد" });
    await form.getByLabel("شرح اقدام").fill("اقساط معوق واحد برای ۲۴ ماه امهال شد.");
    await form.getByLabel(step).check();
    await form.getByLabel("نوع اقدام").selectOption({ label: "امهال‌شده" });
    await form.getByLabel("مبلغ (ریال)").fill("۲۵ میلیارد");
    await form.getByRole("button", { name: "ثبت گزارش" }).click();
    await expect(form.getByRole("status")).toHaveText("گزارش عملکرد ثبت شد.");
    expect(
      await data.one(
        `SELECT p."moneyMovement"::text AS movement, p."amountRials"::text AS amount,
              (SELECT count(*)::int FROM "ResolutionMilestone" m WHERE m."resolutionId" = $1 AND m."doneAt" IS NOT NULL) AS done
       FROM "ProgressReport" p WHERE p."resolutionId" = $1`,
        [id],
      ),
    ).toEqual({ movement: "RESCHEDULED", amount: "25000000000", done: 1 });

    // The unit's progress: one step of one done.
    await bank.reload();
    const progress = bank.getByTestId("progress").first();
    await expect(progress).toContainText(`${fa(100)}٪`);
    await expect(progress).toContainText("۱ از ۱ گام");

    // The dashboard's money per bank moved by exactly the reported amount.
    await expect
      .poll(
        async () => {
          await secretariat.goto("/dashboard");
          return rescheduledOnDashboard(secretariat, bankId);
        },
        { timeout: 30_000 },
      )
      .toBe(rescheduledBefore + 25_000_000_000n);

    // The unit is set active, by a bank's report: it counts as returned to production.
    await secretariat.goto(`/units/${unit.id}`);
    const status = secretariat.getByRole("form", { name: "تغییر وضعیت بهره‌برداری" });
    await status.getByLabel("وضعیت جدید").selectOption({ label: "فعال" });
    await status.getByLabel("منشأ تغییر").selectOption({ label: "گزارش بانک" });
    await status.getByRole("button", { name: "تغییر وضعیت بهره‌برداری" }).click();
    await expect(status.getByRole("status")).toHaveText("وضعیت واحد ثبت شد.");
    await expect
      .poll(
        async () => {
          await secretariat.goto("/dashboard");
          return unitsReturnedOnDashboard(secretariat);
        },
        { timeout: 30_000 },
      )
      .toBe(returnedBefore + 1);

    // The weekly report of this week shows all three.
    await secretariat.goto(`/reports/weekly?week=${todayIso()}`);
    const report = secretariat.getByTestId("weekly-report");
    await expect(report).toContainText(`${fa(25_000_000_000)} ریال`);
    await expect(report).toContainText(unit.name);
    await expect(report.locator("tr", { hasText: unit.name }).first()).toContainText(`${fa(100)}٪`);
  }
});
