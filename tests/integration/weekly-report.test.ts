// Issue #36: the governor's weekly report. A real SMTP conversation with an in-process server:
// exactly one report per recipient per week, also when two workers run the job at once and
// when it runs again later; in Persian, right to left, with the week's figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, formatNumber, formatRials, todayInTehran } from "@/lib/i18n/format";
import { reportWeek, sendGovernorWeekly, weeklyReportFor } from "@/lib/outcomes/weekly";
import { setWeeklyRecipients } from "@/lib/outcomes/settings-mutations";
import { createNotificationWorker, JOBS, type JobName } from "@/lib/notifications/worker";
import { provinceScenario, type Scenario } from "../support/scenario";
import { createUnit, t } from "../support/fixtures";
import { recipients, startMailServer, type MailServer } from "../support/mail";

let server: MailServer;
let received: MailServer["received"];
let transport: MailServer["transport"];
const to = recipients;

// A Saturday: the report covers the week before (Saturday to Friday).
const SATURDAY = (() => {
  let d = todayInTehran();
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 6) d = addDays(d, -1);
  return d;
})();
const WEEK = reportWeek(SATURDAY);
const MIDWEEK = new Date(`${addDays(WEEK.from, 2)}T07:00:00Z`);
const RECIPIENTS = ["ostandar@gov.test", "moaven@gov.test"];
let s: Scenario;

beforeAll(async () => {
  server = await startMailServer();
  ({ received, transport } = server);

  s = await provinceScenario({
    agencies: 1,
    session: { status: "HELD", startsAt: MIDWEEK },
    unit: "کارخانه کاشی",
  });
  const admin = await s.person(["ADMIN"]);
  expect(await setWeeklyRecipients(admin, { emails: RECIPIENTS.join("\n"), version: "0" }, t)).toMatchObject({
    ok: true,
  });
  const unitId = s.unitId ?? "";
  const meetingId = s.sessionId ?? "";
  // The week: a resolution issued, a bank's rescheduling of 25 billion rials, the unit back in
  // production after its resolution, one agency head absent, one overdue resolution.
  const r = await s.resolution(s.banks[0] ?? "", { createdAt: MIDWEEK, deadline: addDays(SATURDAY, 30) });
  await s.resolution(s.agencies[0] ?? "", { createdAt: MIDWEEK, deadline: addDays(WEEK.from, 3) });
  await db.progressReport.create({
    data: {
      resolutionId: r.id,
      note: "امهال شد",
      fromStatus: "ISSUED",
      toStatus: "IN_PROGRESS",
      moneyMovement: "RESCHEDULED",
      amountRials: 25_000_000_000n,
      moneyOn: new Date(`${addDays(WEEK.from, 3)}T00:00:00Z`),
    },
  });
  await db.productionUnit.update({ where: { id: unitId }, data: { status: "ACTIVE", employees: 30 } });
  await db.unitStatusChange.create({
    data: {
      unitId,
      fromStatus: "IDLE",
      toStatus: "ACTIVE",
      changedOn: new Date(`${addDays(WEEK.from, 4)}T00:00:00Z`),
      cause: "BANK_REPORT",
    },
  });
  await db.attendance.create({ data: { meetingId, agencyId: s.agencies[0] ?? "", mode: "ABSENT" } });
  // A unit elsewhere in the province that returned without a resolution: not counted.
  const other = await createUnit(s.provinceId, { countyId: s.countyId, name: "واحد دیگر", status: "ACTIVE" });
  await db.unitStatusChange.create({
    data: {
      unitId: other.id,
      fromStatus: "IDLE",
      toStatus: "ACTIVE",
      changedOn: new Date(`${addDays(WEEK.from, 4)}T00:00:00Z`),
    },
  });
});
afterAll(() => server.close());

describe("the governor's weekly report", () => {
  it("is scheduled on Saturday 08:00 Tehran time", () => {
    expect(JOBS["governor-weekly" as JobName].cron).toBe("0 8 * * 6");
  });

  it("sends exactly one per recipient per week, with two workers at once and a later run", async () => {
    // Two workers fire the same schedule at the same moment, then a retry an hour later.
    const runs = await Promise.all([
      sendGovernorWeekly({ today: SATURDAY, transport, provinceId: s.provinceId }),
      sendGovernorWeekly({ today: SATURDAY, transport, provinceId: s.provinceId }),
    ]);
    await sendGovernorWeekly({ today: SATURDAY, transport, provinceId: s.provinceId });
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 2]);
    const mine = received.filter((m) => to(m).some((a) => RECIPIENTS.includes(a)));
    expect(mine.map((m) => to(m)[0]).sort()).toEqual([...RECIPIENTS].sort());
    const rows = await db.emailMessage.findMany({
      where: { eventKey: { startsWith: `governorWeekly:${s.provinceId}:` } },
    });
    expect(rows).toHaveLength(2);
    expect(
      rows.every((r) => r.status === "SENT" && r.eventKey === `governorWeekly:${s.provinceId}:${WEEK.from}`),
    ).toBe(true);
    // The next week is a new report.
    await sendGovernorWeekly({ today: addDays(SATURDAY, 7), transport, provinceId: s.provinceId });
    expect(received.filter((m) => to(m).includes(RECIPIENTS[0] ?? "")).length).toBe(2);
  });

  it("reads well in Persian and shows the week's figures, equal to the database", async () => {
    const mail = received.find(
      (m) => to(m).includes(RECIPIENTS[0] ?? "") && m.subject?.includes("گزارش هفتگی"),
    );
    const html = String(mail?.html ?? "");
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('lang="fa"');
    // Money the bank moved this week, straight from the rows.
    const [moved] = await db.$queryRaw<{ n: bigint }[]>`
      select sum(p."amountRials") as n from "ProgressReport" p join "Resolution" r on r.id = p."resolutionId"
      where r."provinceId" = ${s.provinceId} and p."moneyOn" between ${WEEK.from}::date and ${WEEK.to}::date`;
    expect(BigInt(moved?.n ?? 0)).toBe(25_000_000_000n);
    expect(html).toContain(formatRials(25_000_000_000n, "fa"));
    // One unit back (the other returned without a resolution), with Persian digits.
    const report = await weeklyReportFor(s.secretariat, { week: WEEK.from }, SATURDAY);
    expect(report?.returned.map((u) => u.name)).toEqual(["کارخانه کاشی"]);
    expect(report).toMatchObject({ sessions: 1, issued: 2 });
    expect(report?.absent).toHaveLength(1);
    expect(report?.overdue).toHaveLength(1);
    expect(html).toContain("کارخانه کاشی");
    expect(html).not.toContain("واحد دیگر");
    expect(html).toContain(t("meetings.attendance.ABSENT"));
    expect(html).not.toMatch(/>\s*[0-9]+\s*</); // figures in Persian digits
    expect(html).toContain(`>${formatNumber(1, "fa")}<`);
    expect(String(mail?.text ?? "")).toContain(t("outcomes.weekly.title"));
  });

  it("the pg-boss worker carries the schedule", async () => {
    const noop = () => Promise.resolve();
    const boss = await createNotificationWorker({
      handlers: Object.fromEntries(Object.keys(JOBS).map((k) => [k, noop])) as Record<JobName, typeof noop>,
    });
    try {
      const schedule = (await boss.getSchedules()).find((x) => x.name === "governor-weekly");
      expect([schedule?.cron, schedule?.timezone]).toEqual(["0 8 * * 6", "Asia/Tehran"]);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});
