// Issue #35: the daily overdue escalation and deadline reminder are one digest per recipient,
// not one message per case. A real SMTP conversation with an in-process server, real
// PostgreSQL, 8,000 overdue resolutions in one province.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, calendarDate, todayInTehran } from "@/lib/i18n/format";
import { escalateOverdue, sendDeadlineReminders } from "@/lib/notifications/events";
import { sendNotificationDigests, sendNotificationMails } from "@/lib/notifications/inbox";
import { listMyNotifications, listOutbox } from "@/lib/notifications/queries";
import { setDigestHour } from "@/lib/settings/mutations";
import { createObstacle, t } from "../support/fixtures";
import { startMailServer, type MailServer } from "../support/mail";
import { provinceScenario, type Scenario } from "../support/scenario";

let mail: MailServer;
let received: MailServer["received"];
let transport: MailServer["transport"];
const mailsTo = (email: string) => mail.to(email);

const TODAY = todayInTehran();
type TestActor = Scenario["secretariat"];

beforeAll(async () => {
  mail = await startMailServer();
  ({ received, transport } = mail);
});
afterAll(() => mail.close());

/** A province with three agencies: one with users and a head's e-mail, one with only the e-mail, one with only a user. */
async function province(code: string) {
  const sc = await provinceScenario({
    banks: 0,
    chair: false,
    county: ["کرمان"],
    unit: `کارخانه ${code}`,
    session: false,
  });
  const bank = await sc.agency(`بانک ${code}`, {
    nameEn: `Bank ${code}`,
    head: { email: `head-${code}@bank.test` },
  });
  const env = await sc.agency(`محیط زیست ${code}`, {
    nameEn: `Environment ${code}`,
    head: { email: `head-${code}@env.test` },
  });
  const park = await sc.agency(`شهرک‌های صنعتی ${code}`, { nameEn: `Industrial parks ${code}` });
  const people = {
    secretariat: sc.secretariat,
    secretariatEn: await sc.person(["SECRETARIAT"]),
    bank1: await sc.person(["AGENCY"], { agencyId: bank.id }),
    bank2: await sc.person(["AGENCY"], { agencyId: bank.id }),
    park: await sc.person(["AGENCY"], { agencyId: park.id }),
  };
  await db.user.update({ where: { id: people.secretariatEn.id }, data: { locale: "en" } });
  const unit = { id: sc.unitId ?? "", provinceId: sc.provinceId };
  // One after another: the body builder upserts.
  const meetings: { id: string }[] = [];
  for (let i = 0; i < 8; i++) meetings.push(await sc.session({ status: "MINUTES_APPROVED" }));
  /** `count` open resolutions with the deadlines given by `deadlineOf(i)`, in one statement. */
  const resolutions = async (
    count: number,
    agencyId: string,
    deadlineOf: (i: number) => string,
    text = "اقدام کند.",
  ) =>
    db.resolution.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        provinceId: sc.provinceId,
        meetingId: meetings[i % meetings.length]?.id ?? "",
        unitId: unit.id,
        responsibleAgencyId: agencyId,
        text,
        deadline: calendarDate(deadlineOf(i)),
        status: i % 2 ? ("IN_PROGRESS" as const) : ("ISSUED" as const),
        createdAt: new Date("2024-01-01"),
      })),
    });
  return {
    id: sc.provinceId,
    nameFa: sc.province.nameFa,
    person: sc.person,
    bank,
    env,
    park,
    people,
    unit,
    meetings,
    resolutions,
  };
}

const ofKind = (userId: string, kind: string) => db.notification.findMany({ where: { userId, kind } });
const latinDigitsOutsideLinks = (text: string) =>
  text
    .split("\n")
    .filter((line) => !/https?:\/\//.test(line))
    .join("\n")
    .match(/[0-9]/g) ?? [];

describe("the overdue escalation, at 8,000 overdue resolutions in one province", () => {
  let s: Awaited<ReturnType<typeof province>>;
  const everyone = () => Object.values(s.people) as TestActor[];
  const heads = () => [`head-a@bank.test`, `head-a@env.test`];

  beforeAll(async () => {
    s = await province("a");
    // 12 fell overdue today (deadline yesterday), the rest long ago: 5,000 at the bank,
    // 2,000 at the environment office (no users), 988 at the parks (no head's e-mail).
    await s.resolutions(12, s.bank.id, () => addDays(TODAY, -1), "تازه معوق");
    await s.resolutions(4_988, s.bank.id, (i) => addDays(TODAY, -2 - (i % 400)));
    await s.resolutions(2_000, s.env.id, (i) => addDays(TODAY, -2 - (i % 300)));
    await s.resolutions(1_000, s.park.id, (i) => addDays(TODAY, -2 - (i % 200)));
    // The most money at stake: one environment case carries a 90-billion-rial obstacle.
    const big = await db.resolution.findFirstOrThrow({
      where: { responsibleAgencyId: s.env.id },
      orderBy: { id: "asc" },
    });
    const obstacle = await createObstacle(s.unit, { amountRials: 90_000_000_000n });
    await db.resolutionObstacle.create({ data: { resolutionId: big.id, obstacleId: obstacle.id } });
    expect(await db.resolution.count({ where: { provinceId: s.id } })).toBe(8_000);
  });

  it("sends exactly one digest e-mail and writes one in-app notification per recipient", async () => {
    await escalateOverdue({ today: TODAY, transport, provinceId: s.id });

    // E-mail: the two secretariat users and the two agency heads with an address; one each.
    for (const email of [s.people.secretariat.email, s.people.secretariatEn.email, ...heads()])
      expect(mailsTo(email), email).toHaveLength(1);
    // The agencies' users read theirs in the app (their head has the e-mail), as before.
    for (const u of [s.people.bank1, s.people.bank2, s.people.park]) expect(mailsTo(u.email)).toHaveLength(0);
    const rows = await db.emailMessage.findMany({ where: { provinceId: s.id } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);

    // In the app: one digest for each secretariat and agency user; no per-case row at all.
    for (const u of everyone())
      expect(await ofKind(u.id, "resolution.overdueDigest"), u.email).toHaveLength(1);
    expect(await db.notification.count({ where: { provinceId: s.id } })).toBe(5);

    // What the secretariat reads, in Persian: the counts, the first-digest summary, the most
    // urgent by days late and by amount, the link to the filtered list; Persian digits.
    const [fa] = mailsTo(s.people.secretariat.email);
    expect(fa?.subject).toMatch(new RegExp(`^مصوبات معوق ${s.nameFa}: ۸٬۰۰۰ مورد — `));
    expect(fa?.text).toContain("۸٬۰۰۰ مصوبه در مجموع معوق است؛ ۱۲ مصوبه از امروز");
    expect(fa?.text).toContain("این نخستین خلاصه است: ۷٬۹۸۸ مصوبه پیش از آن معوق شده بودند");
    expect(fa?.text).toContain("بیشترین تأخیر:\n۱. کارخانه a — بانک a — ۴۰۱ روز تأخیر");
    expect(fa?.text).toContain("بیشترین مبلغ:\n۱. کارخانه a — محیط زیست a — ۹۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال");
    expect(fa?.text).toContain("… و ۷٬۹۹۰ مصوبه دیگر");
    expect(fa?.text).toContain("/resolutions?overdue=1");
    expect(latinDigitsOutsideLinks(fa?.text ?? "")).toEqual([]);
    expect(fa?.html).toContain('<html lang="fa" dir="rtl">');
    expect((fa?.text ?? "").split("\n").length).toBeLessThan(40);
    // ...and in English for the user who chose it.
    const [en] = mailsTo(s.people.secretariatEn.email);
    expect(en?.subject).toMatch(/^Overdue resolutions, Test province .*: 8,000 — /);
    expect(en?.text).toContain("8,000 resolutions are overdue in all; 12 fell overdue today");
    expect(en?.html).toContain('<html lang="en" dir="ltr">');

    // An agency's head reads only that agency's cases.
    const [envHead] = mailsTo("head-a@env.test");
    expect(envHead?.text).toContain("۲٬۰۰۰ مصوبه در مجموع معوق است؛ ۰ مصوبه از امروز");
    expect(envHead?.text).toContain(`/resolutions?overdue=1&agencyId=${s.env.id}`);
    expect(envHead?.text).not.toContain("بانک a");
    const [park] = await ofKind(s.people.park.id, "resolution.overdueDigest");
    expect(park?.subject).toContain("۱٬۰۰۰ مصوبه در مجموع معوق است");
    expect(park?.link).toBe(`/resolutions?overdue=1&agencyId=${s.park.id}`);

    // The administrator's outbox (no SMTP) would hold these few rows, not thousands.
    const admin = await s.person(["ADMIN"]);
    expect((await listOutbox(admin)).total).toBe(0);
  });

  it("sends nothing new on a second run the same day, even when the day's mark is lost", async () => {
    const before = received.length;
    const notifications = await db.notification.count({ where: { provinceId: s.id } });
    await escalateOverdue({ today: TODAY, transport, provinceId: s.id });
    // The per-day keys alone (unique per user and per address) also hold.
    await db.digestRun.deleteMany({ where: { provinceId: s.id, day: calendarDate(TODAY) } });
    await escalateOverdue({ today: TODAY, transport, provinceId: s.id });
    expect(received.length).toBe(before);
    expect(await db.notification.count({ where: { provinceId: s.id } })).toBe(notifications);
    // Neither do the notification mails or the daily digest send them again.
    await sendNotificationMails({ transport, provinceId: s.id });
    await sendNotificationDigests({ transport, provinceId: s.id });
    expect(received.length).toBe(before);
  });

  it("the next day counts only what fell overdue since, not old cases imported meanwhile, and the in-app list collapses the repeat", async () => {
    const tomorrow = addDays(TODAY, 1);
    await s.resolutions(3, s.bank.id, () => TODAY); // due today: overdue tomorrow
    await s.resolutions(500, s.bank.id, () => "2021-03-01"); // an import of old cases
    const before = mailsTo(s.people.secretariat.email).length;
    await escalateOverdue({ today: tomorrow, transport, provinceId: s.id });
    const mails = mailsTo(s.people.secretariat.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.text).toContain("۳ مصوبه از امروز معوق شد؛ ۸٬۵۰۳ مصوبه در مجموع معوق است");

    const inbox = await listMyNotifications(s.people.secretariat);
    const digests = inbox.items.filter((n) => n.kind === "resolution.overdueDigest");
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toContain("۳ مصوبه از امروز معوق شد");
    expect(digests[0]?.earlier).toBe(1);
    expect(inbox.unread).toBe(1);
    expect(await ofKind(s.people.secretariat.id, "resolution.overdueDigest")).toHaveLength(2);
  });
});

describe("two workers at once", () => {
  it("still send one digest per recipient", async () => {
    const s = await province("b");
    await s.resolutions(300, s.bank.id, (i) => addDays(TODAY, -1 - (i % 30)));
    await s.resolutions(40, s.bank.id, (i) => addDays(TODAY, i % 3));
    const runs = await Promise.all([
      escalateOverdue({ today: TODAY, transport, provinceId: s.id }),
      escalateOverdue({ today: TODAY, transport, provinceId: s.id }),
      sendDeadlineReminders({ today: TODAY, transport, provinceId: s.id }),
      sendDeadlineReminders({ today: TODAY, transport, provinceId: s.id }),
    ]);
    // The reminder goes to the bank's two users and, since issue #37, to its head as well.
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 0, 3, 3]);
    for (const email of [s.people.secretariat.email, s.people.secretariatEn.email])
      expect(mailsTo(email), email).toHaveLength(1);
    // The head: one escalation and one reminder, each once.
    expect(mailsTo("head-b@bank.test")).toHaveLength(2);
    // The bank's users: their reminder digest by e-mail; both digests in the app.
    for (const u of [s.people.bank1, s.people.bank2]) {
      expect(mailsTo(u.email).map((m) => m.subject)).toEqual([
        expect.stringMatching(/^یادآوری مهلت مصوبات: ۴۰ مورد تا ۳ روز دیگر/),
      ]);
      expect(await ofKind(u.id, "resolution.overdueDigest")).toHaveLength(1);
      expect(await ofKind(u.id, "resolution.deadlineSoonDigest")).toHaveLength(1);
    }
    expect(mailsTo("head-b@env.test")).toHaveLength(0); // nothing of the environment office is due
  });
});

describe("the province's hour", () => {
  it("holds the digests until the hour the province chose, then sends them once", async () => {
    const s = await province("c");
    await s.resolutions(5, s.park.id, () => addDays(TODAY, -3));
    const admin = await s.person(["ADMIN"]);
    expect((await setDigestHour(admin, { hour: "۱۰", version: "0" }, t)).ok).toBe(true);
    expect((await setDigestHour(admin, { hour: "24", version: "1" }, t)).fieldErrors?.hour).toEqual([
      t("settings.v.digestHour"),
    ]);
    // 09:00 and 10:30 in Tehran (UTC+03:30) on the same day.
    const at = (utc: string) => new Date(`${TODAY}T${utc}Z`);
    await escalateOverdue({ today: TODAY, now: at("05:30:00"), transport, provinceId: s.id });
    expect(await ofKind(s.people.park.id, "resolution.overdueDigest")).toHaveLength(0);
    await escalateOverdue({ today: TODAY, now: at("07:00:00"), transport, provinceId: s.id });
    await escalateOverdue({ today: TODAY, now: at("08:00:00"), transport, provinceId: s.id });
    expect(await ofKind(s.people.park.id, "resolution.overdueDigest")).toHaveLength(1);
    expect(mailsTo(s.people.secretariat.email)).toHaveLength(1);
  });
});
