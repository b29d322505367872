// Issue #37, point 2: agencies without accounts. The head's contacts on the agency's record
// (e-mail and mobile) receive notices, reminders and escalations — all of it when the agency has
// no user, a copy when it has — by e-mail (a real SMTP conversation) and SMS (a real HTTP round
// trip to an in-process Kavenegar), once per event and number, also with two workers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { createAgency as createAgencyMutation, updateAgency } from "@/lib/agencies/mutations";
import { approveMinutes } from "@/lib/meetings/sessions";
import { escalateOverdue, sendDeadlineReminders } from "@/lib/notifications/events";
import { sendQueuedMails } from "@/lib/notifications/deliver";
import { remindResolution } from "@/lib/resolutions/chase";
import { sendPendingSms } from "@/lib/sms/outbox";
import { t } from "../support/fixtures";
import { startOutboxes, type Outboxes } from "../support/mail";
import { provinceScenario, type Scenario } from "../support/scenario";

const TODAY = todayInTehran();
// Tomorrow 10:00 Tehran: inside sending hours and after every row was queued, whenever the test runs.
const DAYTIME = new Date(`${addDays(TODAY, 1)}T06:30:00Z`);
let out: Outboxes;
let s: Scenario;
let transport: Outboxes["mail"]["transport"];
let sms: Outboxes["sms"];

const mailsTo = (address: string) => out.mail.to(address);
const textsTo = (mobile: string) => out.textsTo(mobile);

beforeAll(async () => {
  out = await startOutboxes();
  ({ transport } = out.mail);
  sms = out.sms;
  s = await provinceScenario({ banks: 0, session: false, county: ["سیرجان"], unit: "فولاد سیرجان" });
});
afterAll(() => out.close());

const agencyWithHead = (name: string, head: { email?: string; mobile?: string }) =>
  s.agency(name, { head: { name: "مریم احمدی", title: "مدیرکل", ...head } });

/** A held session of the working group with a resolution per deadline on `agencyId`. */
async function heldWith(agencyId: string, ...resolutions: { deadline: string; text?: string }[]) {
  const meeting = await s.session({ status: "HELD" });
  const made = [];
  for (const r of resolutions) made.push(await s.resolution(agencyId, { sessionId: meeting.id, ...r }));
  return { meeting, resolutions: made };
}

/** Runs the two outbox jobs as the worker would, for this file's province only. */
async function runOutboxes() {
  await sendQueuedMails(transport, { provinceId: s.provinceId });
  await sendPendingSms({ provider: sms, now: DAYTIME, provinceId: s.provinceId });
}

describe("the head's contacts on the agency's record", () => {
  it("are kept as typed in any digits, and a wrong mobile is refused with a message", async () => {
    const base = { kind: "GOVERNMENT", nameFa: "اداره کل راه و شهرسازی", nameEn: "Roads", email: "" };
    const bad = await createAgencyMutation(s.secretariat, { ...base, headMobile: "۰۳۴۳۲۲۲۱۱۱۱" }, t);
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.headMobile).toEqual([t("validation.mobile")]);
    const made = await createAgencyMutation(
      s.secretariat,
      { ...base, headTitle: "مدیرکل", headMobile: "+98 ۹۱۲ ۳۴۵ ۶۷۸۹" },
      t,
    );
    expect(made.ok).toBe(true);
    const saved = await db.agency.findUniqueOrThrow({ where: { id: made.id ?? "" } });
    expect(saved).toMatchObject({ headTitle: "مدیرکل", headMobile: "09123456789" });
    const edited = await updateAgency(
      s.secretariat,
      { ...base, id: saved.id, version: String(saved.version), active: "on", headMobile: "" },
      t,
    );
    expect(edited.ok).toBe(true);
    expect((await db.agency.findUniqueOrThrow({ where: { id: saved.id } })).headMobile).toBeNull();
  });
});

describe("a notice to an agency without users", () => {
  it("reaches its head by e-mail (with the notice's text) and by SMS, once", async () => {
    const agency = await agencyWithHead("منابع طبیعی بی‌کاربر", {
      email: "Head.Natural@Agency.ir",
      mobile: "09171112233",
    });
    const { meeting } = await heldWith(agency.id, {
      text: "استعلام منابع طبیعی ظرف دو هفته پاسخ داده شود.",
      deadline: addDays(TODAY, 14),
    });
    expect((await approveMinutes(s.chair, { meetingId: meeting.id }, t)).ok).toBe(true);
    const notice = await db.notice.findFirstOrThrow({ where: { meetingId: meeting.id } });
    // Queued in the approval's transaction: nothing has gone yet.
    expect(await db.emailMessage.count({ where: { eventKey: `notice:${notice.id}` } })).toBe(1);
    expect(await db.smsMessage.count({ where: { eventKey: `notice:${notice.id}` } })).toBe(1);

    // Two workers run both jobs side by side, then again (a retry): one of each reaches the head.
    await Promise.all([runOutboxes(), runOutboxes()]);
    await runOutboxes();
    const mails = mailsTo("head.natural@agency.ir");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("استعلام منابع طبیعی ظرف دو هفته پاسخ داده شود.");
    expect(mails[0]?.subject).toContain("ابلاغ شماره");
    const texts = textsTo("09171112233");
    expect(texts).toHaveLength(1);
    expect(texts[0]?.message).toContain("ابلاغ شماره");
    expect(texts[0]?.message).toContain("منابع طبیعی بی‌کاربر");
    expect(
      await db.smsMessage.findFirstOrThrow({ where: { eventKey: `notice:${notice.id}` } }),
    ).toMatchObject({ status: "SENT", provider: "kavenegar", costUnits: expect.any(Number) });
  });

  it("also reaches users who chose SMS, and the head gets a copy when the agency has users", async () => {
    const agency = await agencyWithHead("بانک کشاورزی", { mobile: "09171112244" });
    const user = await s.person(["AGENCY"], { agencyId: agency.id });
    await db.user.update({
      where: { id: user.id },
      data: { mobile: "09181112255", mobileVerifiedAt: new Date(), smsOptIn: true },
    });
    // A colleague who gave a number but never proved it gets nothing.
    const unverified = await s.person(["AGENCY"], { agencyId: agency.id });
    await db.user.update({ where: { id: unverified.id }, data: { mobile: "09181112266", smsOptIn: true } });
    const { meeting } = await heldWith(agency.id, { deadline: addDays(TODAY, 30) });
    expect((await approveMinutes(s.chair, { meetingId: meeting.id }, t)).ok).toBe(true);
    await runOutboxes();
    const notice = await db.notice.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(textsTo("09171112244")).toHaveLength(1);
    expect(textsTo("09181112255")).toHaveLength(1);
    expect(textsTo("09181112255")[0]?.message).toContain(`/notices/${notice.id}`);
    expect(textsTo("09181112266")).toHaveLength(0);
    // The users are told in the app as before.
    expect(await db.notification.count({ where: { eventKey: `notice:${notice.id}` } })).toBe(2);
  });
});

describe("reminders and escalations reach the head", () => {
  it("remind now: by SMS when the head has only a mobile, and says so", async () => {
    const agency = await agencyWithHead("جهاد کشاورزی", { mobile: "09171113344" });
    const [r] = (await heldWith(agency.id, { deadline: addDays(TODAY, 5) })).resolutions;
    const answer = await remindResolution(s.secretariat, { id: r?.id ?? "" }, t, TODAY, transport, sms);
    expect(answer.ok).toBe(true);
    expect(answer.message).toBe(
      t("resolutions.remind.sentToHeadContacts", {
        contacts: t("resolutions.remind.viaSms", { mobile: "0917***3344" }),
      }),
    );
    // Sent at once unless it is night in Tehran (then it waits in the outbox until 07:00).
    const row = await db.smsMessage.findFirstOrThrow({
      where: { eventKey: `resolution.remind:${r?.id}:${TODAY}` },
    });
    expect(["SENT", "PENDING"]).toContain(row.status);
    expect(row.body).toContain("فولاد سیرجان");
  });

  it("the daily digests: one SMS per head per day, also with two workers", async () => {
    const agency = await agencyWithHead("اداره کل محیط زیست", {
      email: "head.env@agency.ir",
      mobile: "09171114455",
    });
    await heldWith(agency.id, { deadline: addDays(TODAY, -3) }, { deadline: addDays(TODAY, 1) });
    const provinceId = s.provinceId;
    await Promise.all([
      escalateOverdue({ today: TODAY, transport, provinceId }),
      escalateOverdue({ today: TODAY, transport, provinceId }),
    ]);
    await Promise.all([
      sendDeadlineReminders({ today: TODAY, transport, provinceId }),
      sendDeadlineReminders({ today: TODAY, transport, provinceId }),
    ]);
    await Promise.all([runOutboxes(), runOutboxes()]);
    const overdue = await db.smsMessage.findMany({
      where: { toMobile: "09171114455", eventKey: { startsWith: `resolution.overdueDigest:${agency.id}:` } },
    });
    const soon = await db.smsMessage.findMany({
      where: {
        toMobile: "09171114455",
        eventKey: { startsWith: `resolution.deadlineSoonDigest:${agency.id}:` },
      },
    });
    expect(overdue).toHaveLength(1);
    expect(soon).toHaveLength(1);
    expect(overdue[0]?.body).toContain("معوق");
    expect(textsTo("09171114455")).toHaveLength(2);
    // The head's e-mail: the escalation as before, and now the reminder too.
    const subjects = mailsTo("head.env@agency.ir").map((m) => m.subject ?? "");
    expect(subjects).toHaveLength(2);
  });
});

describe("session invitations", () => {
  it("reach members and invitees by e-mail with a valid calendar file, and heads by SMS, once", async () => {
    const { sendInvitations } = await import("@/lib/meetings/invitations");
    const member = await s.agency("سازمان صمت", {
      head: { name: "مریم احمدی", title: "مدیرکل", email: "head.smt@agency.ir", mobile: "09171115566" },
      memberOf: ["WORKING_GROUP"],
    });
    const memberUser = await s.person(["AGENCY"], { agencyId: member.id });
    const invitee = await s.agency("شرکت شهرک‌های صنعتی");
    const meeting = await s.session({ startsAt: new Date("2031-05-31T05:30:00Z") });
    await db.meeting.update({ where: { id: meeting.id }, data: { place: "سالن جلسات استانداری" } });
    await db.meetingInvitee.create({ data: { meetingId: meeting.id, agencyId: invitee.id } });
    await db.agendaItem.create({ data: { meetingId: meeting.id, unitId: s.unitId ?? "" } });

    const answer = await sendInvitations(s.secretariat, { meetingId: meeting.id }, t, { transport, sms });
    expect(answer.ok).toBe(true);
    // Again: nothing more (one invitation per session time and address).
    await sendInvitations(s.secretariat, { meetingId: meeting.id }, t, { transport, sms });
    await runOutboxes();
    const toHead = mailsTo("head.smt@agency.ir");
    const toUser = mailsTo(memberUser.email);
    expect(toHead).toHaveLength(1);
    expect(toUser).toHaveLength(1);
    expect(toHead[0]?.text).toContain("فولاد سیرجان");
    expect(toHead[0]?.text).toContain("سالن جلسات استانداری");
    // The calendar file, parsed back: one event at the session's time and place.
    const ics = toHead[0]?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    const calendar = ics?.content.toString("utf8") ?? "";
    const lines = calendar.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
    const prop = (name: string) =>
      lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, "");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(prop("METHOD")).toBe("REQUEST");
    expect(prop("DTSTART")).toBe("20310531T053000Z");
    expect(prop("UID")).toBe(`meeting-${meeting.id}@tashil`);
    expect(prop("LOCATION")).toBe("سالن جلسات استانداری");
    expect(prop("SUMMARY")).toContain("کارگروه");
    expect(textsTo("09171115566")).toHaveLength(1);
    expect(textsTo("09171115566")[0]?.message).toContain("سالن جلسات استانداری");
    // The invited agency has nobody on record: it is left out, not failed.
    expect(
      await db.emailMessage.count({
        where: { eventKey: { startsWith: `meeting.invitation:${meeting.id}` } },
      }),
    ).toBe(2);
  });

  it("are refused for a session already held", async () => {
    const { sendInvitations } = await import("@/lib/meetings/invitations");
    const meeting = await s.session({ status: "HELD" });
    expect(
      (await sendInvitations(s.secretariat, { meetingId: meeting.id }, t, { transport, sms })).message,
    ).toBe(t("invitations.notPlanned"));
  });
});
