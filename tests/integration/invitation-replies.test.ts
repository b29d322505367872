// Issue #37 §3: the session's invitation reaches members, invitees and the representative of
// each unit on the agenda (its applicant) — a real SMTP conversation and a real HTTP round trip
// to the in-process Kavenegar — with a calendar file that parses back as valid iCalendar and a
// reply link of its own. The reply (head / representative named / absent) is recorded from that
// link without signing in, fills the session's expected attendance, and a forged link,
// a party no longer invited or a session already held record nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { sendInvitations } from "@/lib/meetings/invitations";
import { answerInvitation, expectedAttendance, rsvpView } from "@/lib/meetings/rsvp";
import { sendQueuedMails } from "@/lib/notifications/deliver";
import { sendPendingSms } from "@/lib/sms/outbox";
import { createActor, createProvince, t } from "../support/fixtures";
import { startOutboxes, type Outboxes } from "../support/mail";
import { provinceScenario, type Scenario } from "../support/scenario";

const DAYTIME = new Date(`${addDays(todayInTehran(), 1)}T06:30:00Z`);
let out: Outboxes;
let s: Scenario;
let transport: Outboxes["mail"]["transport"];
let sms: Outboxes["sms"];
let provinceId: string;
let meetingId: string;
let secretariat: Scenario["secretariat"];
let memberId: string;
let unitId: string;
let applicantEmail: string;

const mailsTo = (address: string) => out.mail.to(address);
const textsTo = (mobile: string) => out.textsTo(mobile);
const replyToken = (text: string) => /\/rsvp\/([^\s]+)/.exec(text)?.[1] ?? "";
const replies = () => db.invitationReply.findMany({ where: { meetingId }, orderBy: { answeredAt: "asc" } });

/**
 * RFC 5545 read back: lines end in CRLF, folded lines unfold, the components open and close in
 * order, the calendar and the event have their required properties. Lines are folded at 75
 * octets of UTF-8, as the RFC says (lib/invitations/ics-fold.ts; `ics` 3.12 alone folds at 75
 * characters, ~150 octets of Persian), and no fold splits a character.
 */
function parseIcs(raw: string) {
  expect(raw).toMatch(/\r\n$/);
  const physical = raw.split("\r\n").slice(0, -1);
  for (const line of physical) expect([...line].length).toBeLessThanOrEqual(75);
  for (const line of physical) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  expect(physical.some((line) => /[\u0600-\u06ff]/.test(line) && line.startsWith(" "))).toBe(true);
  const lines = raw
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const stack: string[] = [];
  const props = new Map<string, string>();
  for (const line of lines) {
    const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name = "", , value = ""] = m ?? [];
    if (name === "BEGIN") stack.push(value);
    else if (name === "END") expect(stack.pop()).toBe(value);
    else if (stack.at(-1) === "VEVENT")
      props.set(name, value.replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1"));
    else if (stack.at(-1) === "VCALENDAR") props.set(`CAL:${name}`, value);
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  for (const required of ["UID", "DTSTAMP", "DTSTART"]) expect(props.get(required), required).toBeTruthy();
  expect(props.get("CAL:VERSION")).toBe("2.0");
  expect(props.get("CAL:PRODID")).toBeTruthy();
  return props;
}

beforeAll(async () => {
  out = await startOutboxes();
  ({ transport } = out.mail);
  sms = out.sms;
  s = await provinceScenario({
    banks: 0,
    chair: false,
    county: ["اردکان"],
    unit: "کاشی اردکان",
    session: { startsAt: new Date("2032-02-10T06:00:00Z") },
  });
  ({ provinceId, secretariat } = s);
  unitId = s.unitId ?? "";
  meetingId = s.sessionId ?? "";
  // A member agency with no user: its head's e-mail and mobile on the record.
  memberId = (
    await s.agency("اداره کل تعاون، کار و رفاه اجتماعی", {
      head: { name: "علی کریمی", title: "مدیرکل", email: "head.kar@agency.ir", mobile: "09131234501" },
      memberOf: ["WORKING_GROUP"],
    })
  ).id;
  await db.meeting.update({ where: { id: meetingId }, data: { place: "سالن شهید رجایی" } });
  await db.agendaItem.create({ data: { meetingId, unitId } });
  // The unit's applicant, whose accepted request brought it on the agenda; SMS opted in.
  const applicant = await db.user.create({
    data: {
      email: `applicant-${Date.now()}@unit.ir`,
      name: "زهرا موسوی",
      passwordHash: "x",
      roles: ["APPLICANT"],
      provinceId,
      mobile: "09131234502",
      mobileVerifiedAt: new Date(),
      smsOptIn: true,
    },
  });
  applicantEmail = applicant.email;
  await db.unitRequest.create({
    data: {
      provinceId,
      applicantId: applicant.id,
      status: "ACCEPTED",
      unitNationalId: "10100000000",
      unitId,
    },
  });
});
afterAll(() => out.close());

describe("session invitations with replies", () => {
  let headToken = "";
  let unitToken = "";

  it("reach the member's head and the unit's representative, with a valid .ics and a reply link each", async () => {
    const answer = await sendInvitations(secretariat, { meetingId }, t, { transport, sms });
    expect(answer.ok).toBe(true);
    // One agency (the member) and one unit (its applicant), not "2 agencies".
    expect(answer.message).toBe("دعوت‌نامه برای ۱ دستگاه و ۱ واحد فرستاده شد (۲ ایمیل، ۲ پیامک).");
    await sendQueuedMails(transport, { provinceId });
    await sendPendingSms({ provider: sms, now: DAYTIME, provinceId });

    const head = mailsTo("head.kar@agency.ir");
    expect(head).toHaveLength(1);
    const unitMail = mailsTo(applicantEmail);
    expect(unitMail).toHaveLength(1);
    for (const mail of [head[0], unitMail[0]]) {
      expect(mail?.text).toContain("سالن شهید رجایی");
      expect(mail?.text).toContain("کاشی اردکان");
      const ics = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
      const event = parseIcs(ics?.content.toString("utf8") ?? "");
      expect(event.get("DTSTART")).toBe("20320210T060000Z");
      expect(event.get("LOCATION")).toBe("سالن شهید رجایی");
      expect(event.get("UID")).toBe(`meeting-${meetingId}@tashil`);
      expect(event.get("DESCRIPTION")).toContain("کاشی اردکان");
      expect(event.get("DESCRIPTION")).toContain("/rsvp/");
    }
    expect(unitMail[0]?.text).toContain("نماینده واحد «کاشی اردکان»");
    headToken = replyToken(head[0]?.text ?? "");
    unitToken = replyToken(unitMail[0]?.text ?? "");
    expect(headToken).not.toBe("");
    expect(unitToken).not.toBe("");
    expect(headToken).not.toBe(unitToken);
    // The SMS carry the same links.
    expect(textsTo("09131234501")).toHaveLength(1);
    expect(textsTo("09131234501")[0]?.message).toContain(`/rsvp/${headToken}`);
    expect(textsTo("09131234502")[0]?.message).toContain(`/rsvp/${unitToken}`);
  });

  it("records the answer from the link without signing in, and fills the expected attendance", async () => {
    expect((await rsvpView(headToken))?.name.nameFa).toBe("اداره کل تعاون، کار و رفاه اجتماعی");
    const noName = await answerInvitation({ token: headToken, mode: "REPRESENTATIVE", attendeeName: " " }, t);
    expect(noName.ok).toBe(false);
    expect(noName.fieldErrors?.attendeeName).toEqual([t("rsvp.nameRequired")]);
    expect(await replies()).toHaveLength(0);

    const sent = await answerInvitation(
      { token: headToken, mode: "REPRESENTATIVE", attendeeName: "مهندس نادری، معاون" },
      t,
    );
    expect(sent).toMatchObject({ ok: true, message: t("rsvp.saved") });
    expect(await answerInvitation({ token: unitToken, mode: "ABSENT" }, t)).toMatchObject({ ok: true });
    // Changed later: still one answer per party, the latest.
    expect(await answerInvitation({ token: headToken, mode: "HEAD", attendeeName: "x" }, t)).toMatchObject({
      ok: true,
    });
    const rows = await replies();
    expect(rows.map((r) => [r.agencyId, r.unitId, r.mode, r.attendeeName])).toEqual(
      expect.arrayContaining([
        [memberId, null, "HEAD", null],
        [null, unitId, "ABSENT", null],
      ]),
    );
    expect(rows).toHaveLength(2);
    const expected = await expectedAttendance(secretariat, meetingId);
    expect(expected.map((r) => [r.agency?.nameFa ?? r.unit?.name, r.mode])).toEqual(
      expect.arrayContaining([
        ["اداره کل تعاون، کار و رفاه اجتماعی", "HEAD"],
        ["کاشی اردکان", "ABSENT"],
      ]),
    );
    expect(await db.auditEvent.count({ where: { entityId: meetingId, action: "meeting.rsvp" } })).toBe(3);
    // Another province's secretariat sees none of it.
    const foreign = await createActor(["SECRETARIAT"], { provinceId: (await createProvince()).id });
    expect(await expectedAttendance(foreign, meetingId)).toEqual([]);
  });

  it("refuses a forged or foreign link, a party no longer invited, and a session already held", async () => {
    const before = await db.invitationReply.count({ where: { meetingId } });
    const forged = headToken.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await answerInvitation({ token: forged, mode: "ABSENT" }, t)).toMatchObject({
      ok: false,
      message: t("rsvp.badLink"),
    });
    expect(await rsvpView(forged)).toBeNull();
    // A real agency of the province, never invited: its id in a hand-made token is unsigned.
    const other = await s.agency("دستگاه دعوت‌نشده");
    const handMade = headToken.replace(memberId, other.id);
    expect((await answerInvitation({ token: handMade, mode: "HEAD" }, t)).ok).toBe(false);
    // Taken off the body: the signed link no longer answers.
    await db.bodyMember.deleteMany({ where: { agencyId: memberId } });
    expect(await answerInvitation({ token: headToken, mode: "ABSENT" }, t)).toMatchObject({
      ok: false,
      message: t("rsvp.badLink"),
    });
    await db.meeting.update({ where: { id: meetingId }, data: { status: "HELD" } });
    expect(await answerInvitation({ token: unitToken, mode: "HEAD" }, t)).toMatchObject({
      ok: false,
      message: t("rsvp.closed"),
    });
    expect(await db.invitationReply.count({ where: { meetingId } })).toBe(before);
    expect((await replies()).find((r) => r.unitId === unitId)?.mode).toBe("ABSENT");
  });
});
