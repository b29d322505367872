import { randomUUID } from "node:crypto";
import { ACCOUNTS, expect, test } from "./fixtures";

// Issue #30: /notices answered 404 and a session had no link to its notices. The index lists
// the province's notices, filterable by receipt; an agency's people start at their own.

test("the notices index: the bank sees its own, filters the unacknowledged; the session links to its notices", async ({
  signedInAs,
  data,
}) => {
  test.setTimeout(60_000);
  const { db } = data;
  const bank = await db.agency.findFirstOrThrow({
    where: { nameFa: "بانک ملی ایران", province: { code: "KRM" } },
    select: { id: true, provinceId: true },
  });
  const other = await db.agency.findFirstOrThrow({
    where: { provinceId: bank.provinceId, id: { not: bank.id }, nameFa: { contains: "محیط زیست" } },
    select: { id: true, nameFa: true },
  });
  const meeting = await db.meeting.findFirstOrThrow({
    where: { provinceId: bank.provinceId, status: "MINUTES_APPROVED" },
    orderBy: { startsAt: "desc" },
    select: { id: true },
  });
  // A year of their own (1399: before the demo's), so no journey's approval numbers next to them.
  const base = 100 + Math.floor(Math.random() * 800);
  const notice = (agencyId: string, number: number, acknowledged: boolean) => ({
    id: `e2e-${randomUUID()}`,
    provinceId: bank.provinceId,
    agencyId,
    meetingId: meeting.id,
    jalaliYear: 1399,
    number,
    acknowledgedAt: acknowledged ? new Date() : null,
  });
  const rows = [
    notice(bank.id, base, false),
    notice(bank.id, base + 1, true),
    notice(other.id, base + 2, false),
  ];
  await db.notice.createMany({ data: rows });
  const label = (n: number) => `ابلاغ ${n.toLocaleString("fa-IR", { useGrouping: false })}/۱۳۹۹`;
  try {
    const banker = await signedInAs(ACCOUNTS.bank, "/notices");
    await expect(banker.getByRole("heading", { level: 1, name: "ابلاغ‌ها" })).toBeVisible();
    const list = banker.getByRole("main");
    await expect(list.getByRole("link", { name: label(base) })).toBeVisible();
    await expect(list.getByRole("link", { name: label(base + 1) })).toBeVisible();
    // Another agency's notice is not in the bank's list.
    await expect(list.getByRole("link", { name: label(base + 2) })).toHaveCount(0);
    await banker.getByLabel("دریافت").selectOption({ label: "دریافت اعلام نشده" });
    await banker.getByRole("button", { name: "نمایش" }).click();
    await expect(list.getByRole("link", { name: label(base) })).toBeVisible();
    await expect(list.getByRole("link", { name: label(base + 1) })).toHaveCount(0);

    // The secretariat goes from the session to its notices: every agency's.
    const secretariat = await signedInAs(ACCOUNTS.secretariat, `/meetings/${meeting.id}`);
    await secretariat.getByRole("link", { name: "ابلاغ‌های این جلسه" }).click();
    await expect(secretariat).toHaveURL(/\/notices\?meetingId=/);
    for (const n of [base, base + 1, base + 2])
      await expect(secretariat.getByRole("main").getByRole("link", { name: label(n) })).toBeVisible();
  } finally {
    await db.notice.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  }
});
