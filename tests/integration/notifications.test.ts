import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { escalateOverdue, sendDeadlineReminders, sendWeeklyDigest } from "@/lib/notifications/events";
import { sendNotificationMails } from "@/lib/notifications/inbox";
import { approveMinutes } from "@/lib/meetings/sessions";
import { remindResolution } from "@/lib/resolutions/chase";
import { transportFromEnv, type MailTransport } from "@/lib/notifications/mailer";
import { listMyMessages, listOutbox } from "@/lib/notifications/queries";
import { startNotificationWorker } from "@/lib/notifications/worker";
import { t } from "../support/fixtures";
import { recipients, startMailServer, type MailServer } from "../support/mail";
import { provinceScenario, type Scenario } from "../support/scenario";

// A real SMTP conversation with an in-process server: what arrives is what a mailbox gets.
let server: MailServer;
let received: MailServer["received"];
let port: number;

const TODAY = todayInTehran();
let s: Scenario;
let provinceId: string;
let agencyId: string;
let meetingId: string;
const users = {} as Record<"agency1" | "agency2" | "secretariat" | "chair", Scenario["secretariat"]>;

const to = recipients;
const mine = () =>
  received.filter((m) =>
    to(m).some((a) => [...Object.values(users).map((u) => u.email), "head@bank.test"].includes(a)),
  );

const resolution = (deadline: string, text = "بانک عامل نسبت به امهال اقساط تسهیلات واحد اقدام کند.") =>
  s.resolution(agencyId, { deadline, text });

beforeAll(async () => {
  server = await startMailServer();
  ({ received, port } = server);

  s = await provinceScenario({
    banks: 0,
    county: ["رفسنجان"],
    unit: "صنایع پسته رفسنجان",
    session: { jalaliYear: 1404, number: 4, startsAt: new Date(), status: "HELD" },
  });
  ({ provinceId } = s);
  meetingId = s.sessionId ?? "";
  agencyId = (await s.agency("بانک ملی ایران آزمون", { head: { email: "head@bank.test" } })).id;
  users.agency1 = await s.person(["AGENCY"], { agencyId });
  users.agency2 = await s.person(["AGENCY"], { agencyId });
  users.secretariat = s.secretariat;
  users.chair = s.chair;
  // An inactive agency user gets nothing.
  await s.person(["AGENCY"], { agencyId, active: false });
});

afterAll(() => server.close());

describe("e-mail over SMTP", () => {
  it("announces a new resolution to the responsible agency's active users with the notice, in Persian, once even when the job is retried", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_FROM = "Tashil <tashil@kerman.test>";
    const transport = transportFromEnv();
    delete process.env.SMTP_URL;
    expect(transport).not.toBeNull();
    const r = await resolution(addDays(TODAY, 30));

    // The first attempt fails half-way (the server drops the second message)...
    let calls = 0;
    const flaky: MailTransport = {
      sendMail: (async (mail: Parameters<MailTransport["sendMail"]>[0]) => {
        if (++calls === 2) throw new Error("421 service not available");
        return transport?.sendMail(mail);
      }) as MailTransport["sendMail"],
    };
    // Nothing goes out before the chair approves the minutes: the notice carries the news.
    await sendNotificationMails({ transport, provinceId });
    expect(mine()).toHaveLength(0);
    expect((await approveMinutes(users.chair, { meetingId }, t)).ok).toBe(true);
    const notice = await db.notice.findFirstOrThrow({ where: { meetingId }, include: { items: true } });
    expect(notice.items.map((i) => i.resolutionId)).toEqual([r.id]);
    await expect(sendNotificationMails({ transport: flaky, provinceId })).rejects.toThrow(/retry/);
    expect(mine()).toHaveLength(1);

    // ...pg-boss retries the job: only the missing message goes out. A third run sends nothing.
    await sendNotificationMails({ transport, provinceId });
    await sendNotificationMails({ transport, provinceId });
    const mails = mine();
    expect(mails.flatMap(to).sort()).toEqual([users.agency1.email, users.agency2.email].sort());
    const subject = `ابلاغ شماره ۱/${notice.jalaliYear.toLocaleString("fa-IR", { useGrouping: false })}: جلسه چهارم کارگروه تسهیل و رفع موانع تولید در سال ۱۴۰۴`;
    for (const mail of mails) {
      expect(mail.subject).toBe(subject);
      expect(mail.from?.text).toContain("tashil@kerman.test");
      expect(mail.text).toContain("با ۱ مصوبه");
      expect(mail.text).toContain(`/notices/${notice.id}`);
    }
    const rows = await db.emailMessage.findMany({
      where: { eventKey: { startsWith: "notification:" }, provinceId },
    });
    expect(rows.map((m) => m.status)).toEqual(["SENT", "SENT"]);
    expect(rows.map((m) => m.attempts).sort()).toEqual([1, 2]);
    // Each user sees what was sent to them, and only that.
    expect((await listMyMessages(users.agency1)).items.map((m) => m.subject)).toEqual([subject]);
    expect((await listMyMessages(users.secretariat)).items).toEqual([]);
  });

  it("reminds the agency before the deadline and escalates an overdue one to the head and the secretariat, in one digest each, once a day", async () => {
    const { transport } = server;
    const before = mine().length;
    const due = await resolution(addDays(TODAY, 3), "مصوبه با مهلت نزدیک");
    const late = await resolution(addDays(TODAY, -4), "مصوبه معوق آزمون");
    await db.resolution.updateMany({
      where: { id: { in: [due.id, late.id] } },
      data: { createdAt: new Date("2025-01-01") },
    });
    await sendDeadlineReminders({ transport, provinceId });
    await escalateOverdue({ transport, provinceId });
    await sendDeadlineReminders({ transport, provinceId });
    await escalateOverdue({ transport, provinceId });
    const mails = mine().slice(before);
    // Digests (issue #35): one per recipient and day, whatever the number of cases.
    const reminder = mails.filter((m) => m.subject?.startsWith("یادآوری مهلت مصوبات"));
    // The agency's users and, as a copy since issue #37, the head on the agency's record.
    expect(reminder.flatMap(to).sort()).toEqual(
      [users.agency1.email, users.agency2.email, "head@bank.test"].sort(),
    );
    expect(reminder[0]?.subject).toMatch(/^یادآوری مهلت مصوبات: ۱ مورد تا ۳ روز دیگر — /);
    expect(reminder[0]?.text).toContain("۱. صنایع پسته رفسنجان — مهلت");
    expect(reminder[0]?.text).toContain("(۳ روز مانده)");
    const overdue = mails.filter((m) => m.subject?.startsWith("مصوبات معوق"));
    expect(overdue.flatMap(to).sort()).toEqual(["head@bank.test", users.secretariat.email].sort());
    expect(overdue[0]?.text).toContain("۱. صنایع پسته رفسنجان — بانک ملی ایران آزمون — ۴ روز تأخیر");
    expect(mails).toHaveLength(5);

    // The same in each user's notifications, once a day: the agency's users are told of both
    // (they must act), the secretariat of the overdue one.
    const told = async (userId: string) =>
      (
        await db.notification.findMany({
          where: { userId, kind: { in: ["resolution.deadlineSoonDigest", "resolution.overdueDigest"] } },
          orderBy: { kind: "asc" },
        })
      ).map((n) => [n.kind, n.subject]);
    expect(await told(users.agency1.id)).toEqual([
      ["resolution.deadlineSoonDigest", "۱ مصوبه بانک ملی ایران آزمون تا ۳ روز دیگر سررسید می‌شود"],
      [
        "resolution.overdueDigest",
        "۱ مصوبه در مجموع معوق است؛ ۰ مصوبه از امروز. این نخستین خلاصه است: ۱ مصوبه پیش از آن معوق شده بودند و همه در همین یک پیام آمده‌اند",
      ],
    ]);
    expect((await told(users.secretariat.id)).map(([kind]) => kind)).toEqual(["resolution.overdueDigest"]);
    // Their e-mail has gone already: the notification mails send nothing more.
    await sendNotificationMails({ transport, provinceId });
    expect(mine().slice(before)).toHaveLength(5);
  });

  it("sends the weekly digest to the secretariat once a week", async () => {
    const { transport } = server;
    const before = mine().length;
    await sendWeeklyDigest({ transport, provinceId });
    await sendWeeklyDigest({ transport, provinceId });
    const digests = mine().slice(before);
    expect(digests.flatMap(to)).toEqual([users.secretariat.email]);
    expect(digests[0]?.subject).toMatch(/^گزارش هفتگی مصوبات کارگروه/);
    expect(digests[0]?.text).toContain("مصوبات معوق: ۱");
    expect(digests[0]?.text).toContain("- صنایع پسته رفسنجان — بانک ملی ایران آزمون — مهلت");
  });
});

describe("without SMTP", () => {
  it("keeps messages in the outbox, which the administrator reads and others cannot", async () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_HOST;
    const before = received.length;
    const r = await resolution(addDays(TODAY, 40), "مصوبه برای صندوق خروجی");
    expect((await remindResolution(users.secretariat, { id: r.id }, t)).ok).toBe(true);
    await sendNotificationMails({ provinceId });
    await sendNotificationMails({ provinceId });
    expect(received.length).toBe(before);
    const rows = await db.emailMessage.findMany({
      where: { provinceId, subject: { startsWith: "یادآوری دبیرخانه" } },
    });
    // The agency's users' notifications and, as a copy since issue #37, its head's e-mail.
    expect(rows.map((m) => m.status)).toEqual(["OUTBOX", "OUTBOX", "OUTBOX"]);
    const admin = await s.person(["ADMIN"]);
    expect(
      (await listOutbox(admin)).items.filter((m) => m.body.includes("مصوبه برای صندوق خروجی")),
    ).toHaveLength(3);
    const member = await s.person(["MEMBER"]);
    await expect(listOutbox(member)).rejects.toThrow(/forbidden/);
  });
});

describe("the scheduler", () => {
  it("starts pg-boss on the application's PostgreSQL with its schedules in Tehran time", async () => {
    const boss = await startNotificationWorker();
    try {
      const schedules = await boss.getSchedules();
      // The database is shared with other schedules (the export clean-up): look at the mail ones.
      const MAIL_JOBS = [
        "deadline-reminders",
        "notification-digest",
        "notification-mails",
        "overdue-escalations",
        "weekly-digest",
      ];
      expect(
        schedules
          .filter((s) => MAIL_JOBS.includes(s.name))
          .map((s) => [s.name, s.cron, s.timezone])
          .sort(),
      ).toEqual([
        ["deadline-reminders", "0 * * * *", "Asia/Tehran"],
        ["notification-digest", "0 7 * * *", "Asia/Tehran"],
        ["notification-mails", "* * * * *", "Asia/Tehran"],
        ["overdue-escalations", "30 * * * *", "Asia/Tehran"],
        ["weekly-digest", "0 9 * * 6", "Asia/Tehran"],
      ]);
      expect((await boss.getQueue("deadline-reminders"))?.retryLimit).toBe(5);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});
