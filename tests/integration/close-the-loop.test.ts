// Issue #16: overdue cases back on the agenda, formal notices with receipt, and everyone told
// what they must act on — each notification to the right people exactly once, over a real
// SMTP conversation with an in-process server.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  addDays,
  calendarDate,
  formatDate,
  formatNumber,
  jalaliParts,
  todayInTehran,
} from "@/lib/i18n/format";
import { approveMinutes, markMeetingHeld } from "@/lib/meetings/sessions";
import {
  addFollowUps,
  decideFollowUp,
  listFollowUpCandidates,
  listFollowUpItems,
} from "@/lib/meetings/follow-up";
import { FOLLOW_UP_SHOWN, followUpPanel } from "@/lib/meetings/follow-up-views";
import { acknowledgeNotice } from "@/lib/notices/mutations";
import { setNoticeAckDays } from "@/lib/settings/mutations";
import {
  getNotice,
  lateIfIssuedBy,
  listAgencyNotices,
  listNotices,
  listUnacknowledgedNotices,
  workingDaysBetween,
} from "@/lib/notices/queries";
import { sendNotificationDigests, sendNotificationMails } from "@/lib/notifications/inbox";
import { remindAgency, remindResolution } from "@/lib/resolutions/chase";
import { decideExtension, reportProgress, verifyResolution } from "@/lib/resolutions/mutations";
import { decideReturn, returnResolution } from "@/lib/resolutions/returns";
import { t } from "../support/fixtures";
import { recipients, startMailServer, type MailServer } from "../support/mail";
import { provinceScenario, type Scenario } from "../support/scenario";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-loop-"));
const TODAY = todayInTehran();
const pdf = () =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "letter.pdf", { type: "application/pdf" });

type TestActor = Scenario["secretariat"];

/** A province with a bank (two users) and an environment office (one), a unit, and its people. */
async function setting() {
  const tag = crypto.randomUUID().slice(0, 8);
  const s = await provinceScenario({ banks: 0, session: false, county: ["کرمان"], unit: `کارخانه ${tag}` });
  const bank = await s.agency(`بانک آزمون ${tag}`);
  const env = await s.agency(`محیط زیست آزمون ${tag}`);
  const actors = {
    bank1: await s.person(["AGENCY"], { agencyId: bank.id }),
    bank2: await s.person(["AGENCY"], { agencyId: bank.id }),
    env: await s.person(["AGENCY"], { agencyId: env.id }),
    secretariat: s.secretariat,
    chair: s.chair,
    member: await s.person(["MEMBER"]),
  };
  const meeting = async (status: "PLANNED" | "HELD" = "HELD", startsAt = new Date()) =>
    s.session({ status, startsAt, jalaliYear: jalaliParts(startsAt).year });
  const resolution = async (meetingId: string, agencyId: string, deadline: string, text = "اقدام کند.") =>
    s.resolution(agencyId, { sessionId: meetingId, deadline, text });
  return { provinceId: s.provinceId, bank, env, actors, meeting, resolution, person: s.person };
}

// ─── SMTP ───────────────────────────────────────────────────────────────────
let mail: MailServer;
let received: MailServer["received"];
let transport: MailServer["transport"];
const to = recipients;

beforeAll(async () => {
  mail = await startMailServer();
  ({ received, transport } = mail);
});
afterAll(() => mail.close());

describe("notices (ابلاغ)", () => {
  it("numbers each agency's notice in the province's series for the Jalali year, without gaps or repeats under concurrent approvals", async () => {
    const s = await setting();
    // Made one after another (the body builder upserts); approved all at once below.
    const held = [await s.meeting(), await s.meeting(), await s.meeting(), await s.meeting()];
    for (const m of held) {
      await s.resolution(m.id, s.bank.id, addDays(TODAY, 30), "بانک امهال کند.");
      await s.resolution(m.id, s.bank.id, addDays(TODAY, 45), "بانک ضمانت‌نامه صادر کند.");
      await s.resolution(m.id, s.env.id, addDays(TODAY, 20), "محیط زیست مجوز دهد.");
    }
    const answers = await Promise.all(
      held.map((m) => approveMinutes(s.actors.chair, { meetingId: m.id }, t)),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const notices = await db.notice.findMany({
      where: { provinceId: s.provinceId },
      select: {
        number: true,
        jalaliYear: true,
        agencyId: true,
        meetingId: true,
        _count: { select: { items: true } },
      },
      orderBy: { number: "asc" },
    });
    // One per agency per session, 1..8 in the year of issue.
    expect(notices.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(notices.map((n) => n.jalaliYear))).toEqual(new Set([jalaliParts(new Date()).year]));
    for (const m of held) {
      const own = notices.filter((n) => n.meetingId === m.id);
      expect(own.map((n) => [n.agencyId, n._count.items]).sort()).toEqual(
        [
          [s.bank.id, 2],
          [s.env.id, 1],
        ].sort(),
      );
    }
    // Another province's series starts at 1 of its own.
    const other = await setting();
    const m = await other.meeting();
    await other.resolution(m.id, other.bank.id, addDays(TODAY, 10));
    await approveMinutes(other.actors.chair, { meetingId: m.id }, t);
    expect((await db.notice.findFirstOrThrow({ where: { provinceId: other.provinceId } })).number).toBe(1);
  });

  it("a notice dated in a new Jalali year starts that year's series again", async () => {
    const s = await setting();
    const m = await s.meeting();
    await s.resolution(m.id, s.bank.id, addDays(TODAY, 30));
    // A notice from last year in the same series.
    const year = jalaliParts(new Date()).year;
    await db.notice.create({
      data: {
        provinceId: s.provinceId,
        agencyId: s.env.id,
        jalaliYear: year - 1,
        number: 57,
        issuedAt: new Date("2025-03-01"),
      },
    });
    await approveMinutes(s.actors.chair, { meetingId: m.id }, t);
    const fresh = await db.notice.findFirstOrThrow({ where: { provinceId: s.provinceId, meetingId: m.id } });
    expect([fresh.jalaliYear, fresh.number]).toEqual([year, 1]);
  });

  it("is acknowledged once, by a user of the agency it is addressed to; the dashboard lists those left unacknowledged", async () => {
    const s = await setting();
    const m = await s.meeting();
    const r = await s.resolution(m.id, s.bank.id, addDays(TODAY, 30), "بانک امهال کند.");
    await approveMinutes(s.actors.chair, { meetingId: m.id }, t);
    const [notice] = await listAgencyNotices(s.actors.bank1);
    expect(notice?.acknowledgedAt).toBeNull();
    const letter = await getNotice(s.actors.bank1, notice?.id ?? "");
    expect(letter?.items.map((i) => [i.resolution.id, i.deadline.toISOString().slice(0, 10)])).toEqual([
      [r.id, addDays(TODAY, 30)],
    ]);

    // Not another agency's user, not the secretariat.
    for (const who of [s.actors.env, s.actors.secretariat])
      expect((await acknowledgeNotice(who, { id: notice?.id }, t)).message).toBe(t("errors.forbidden"));
    // Issued a week ago: late after 3 working days (the default).
    await db.notice.update({
      where: { id: notice?.id },
      data: { issuedAt: new Date(Date.now() - 7 * 86_400_000) },
    });
    const late = await listUnacknowledgedNotices(s.actors.secretariat);
    expect(late.days).toBe(3);
    expect(late.items.map((n) => n.id)).toEqual([notice?.id]);
    expect(late.items[0]?.workingDays).toBeGreaterThanOrEqual(5);
    // The dashboard shows the first of them with their total; the index's "late" filter, behind
    // its "all" link, lists the same notices.
    expect(late.total).toBe(1);
    const index = await listNotices(s.actors.secretariat, { receipt: "late", page: 1 });
    expect([index.total, index.items.map((n) => n.id)]).toEqual([1, [notice?.id]]);
    // The administrator gives agencies longer: a week-old notice is no longer late.
    const admin = await s.person(["ADMIN"]);
    expect(await setNoticeAckDays(admin, { days: "20", version: "0" }, t)).toMatchObject({ ok: true });
    expect(await listUnacknowledgedNotices(s.actors.secretariat)).toMatchObject({
      days: 20,
      items: [],
      total: 0,
    });
    expect((await listNotices(s.actors.secretariat, { receipt: "late", page: 1 })).total).toBe(0);
    // A stale form is a conflict; the secretariat may not change it.
    expect((await setNoticeAckDays(admin, { days: "2", version: "0" }, t)).message).toBe(
      t("errors.conflict"),
    );
    expect((await setNoticeAckDays(s.actors.secretariat, { days: "3", version: "1" }, t)).ok).toBe(false);
    expect(await setNoticeAckDays(admin, { days: "3", version: "1" }, t)).toMatchObject({ ok: true });

    expect(await acknowledgeNotice(s.actors.bank1, { id: notice?.id }, t)).toMatchObject({ ok: true });
    expect(await acknowledgeNotice(s.actors.bank2, { id: notice?.id }, t)).toMatchObject({
      ok: false,
      message: t("notices.alreadyAcknowledged"),
    });
    const after = await db.notice.findUniqueOrThrow({ where: { id: notice?.id } });
    expect(after.acknowledgedById).toBe(s.actors.bank1.id);
    expect(after.acknowledgedAt).not.toBeNull();
    expect((await listUnacknowledgedNotices(s.actors.secretariat)).items).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityId: notice?.id, action: "notice.acknowledge" } })).toBe(
      1,
    );
  });

  it("counts working days without Fridays", () => {
    // 2026-11-27 is a Friday.
    expect(workingDaysBetween("2026-11-26", "2026-11-28")).toBe(1);
    expect(lateIfIssuedBy("2026-11-28", 1)).toBe("2026-11-26");
    expect(lateIfIssuedBy("2026-12-01", 3)).toBe("2026-11-28");
  });
});

describe("everyone told what to act on, exactly once", () => {
  it("tells the chair, the agency and the secretariat each their part; e-mail at once or in a daily digest", async () => {
    const s = await setting();
    const a = s.actors;
    // bank2 prefers one e-mail a day.
    await db.user.update({ where: { id: a.bank2.id }, data: { mailFrequency: "DAILY" } });
    const m = await s.meeting("PLANNED");
    const r = await s.resolution(m.id, s.bank.id, addDays(TODAY, 30), "بانک امهال کند.");

    // Typing a resolution tells nobody: the notice does, once the minutes are approved.
    expect(await db.notification.count({ where: { provinceId: s.provinceId } })).toBe(0);
    expect((await markMeetingHeld(a.secretariat, { meetingId: m.id }, t)).ok).toBe(true);
    expect((await approveMinutes(a.chair, { meetingId: m.id }, t)).ok).toBe(true);
    // A second approval is refused and tells nobody twice.
    expect((await approveMinutes(a.chair, { meetingId: m.id }, t)).ok).toBe(false);

    const v = () => db.resolution.findUniqueOrThrow({ where: { id: r.id } }).then((x) => x.version);
    expect(
      (
        await reportProgress(
          a.bank1,
          { id: r.id, version: await v(), note: "اقساط امهال شد.", toStatus: "DONE_REPORTED" },
          [pdf()],
          t,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await verifyResolution(
          a.secretariat,
          { id: r.id, version: await v(), decision: "REOPEN", note: "نامه بانک پیوست نیست." },
          t,
        )
      ).ok,
    ).toBe(true);
    const ext = await db.extensionRequest.create({
      data: {
        resolutionId: r.id,
        requestedById: a.bank1.id,
        previousDeadline: r.deadline,
        requestedDeadline: calendarDate(addDays(TODAY, 60)),
        reason: "نیاز به مصوبه هیئت مدیره",
      },
    });
    expect(
      (
        await decideExtension(
          a.secretariat,
          { id: r.id, version: await v(), extensionId: ext.id, decision: "APPROVE" },
          t,
        )
      ).ok,
    ).toBe(true);
    expect((await remindResolution(a.secretariat, { id: r.id }, t)).ok).toBe(true);
    // At most once a day per resolution, by hand or through the whole agency.
    expect((await remindResolution(a.secretariat, { id: r.id }, t)).message).toBe(
      t("resolutions.remind.alreadyToday"),
    );
    expect((await remindAgency(a.secretariat, { agencyId: s.bank.id }, t)).message).toBe(
      t("resolutions.remind.nothingToday"),
    );
    // Only the secretariat reminds.
    expect((await remindResolution(a.chair, { id: r.id }, t)).message).toBe(t("errors.forbidden"));

    const kinds = async (u: TestActor) =>
      (await db.notification.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" } })).map(
        (n) => n.kind,
      );
    expect(await kinds(a.chair)).toEqual(["minutes.ready"]);
    expect(await kinds(a.secretariat)).toEqual(["resolution.doneReported"]);
    const agencyKinds = [
      "notice.issued",
      "resolution.reopened",
      "resolution.extensionApproved",
      "resolution.remind",
    ];
    expect(await kinds(a.bank1)).toEqual(agencyKinds);
    expect(await kinds(a.bank2)).toEqual(agencyKinds);
    expect(await kinds(a.env)).toEqual([]);
    expect(await kinds(a.member)).toEqual([]);

    // E-mail: twice the job, once the mail.
    await sendNotificationMails({ transport, provinceId: s.provinceId });
    await sendNotificationMails({ transport, provinceId: s.provinceId });
    await sendNotificationDigests({ transport, provinceId: s.provinceId });
    await sendNotificationDigests({ transport, provinceId: s.provinceId });
    const mailsTo = (u: TestActor) => received.filter((mail) => to(mail).includes(u.email));
    expect(mailsTo(a.chair).map((x) => x.subject)).toEqual([
      expect.stringMatching(/^صورتجلسه آماده تأیید: جلسه/),
    ]);
    expect(mailsTo(a.secretariat).map((x) => x.subject)).toEqual([
      expect.stringMatching(/^اعلام انجام مصوبه: کارخانه/),
    ]);
    expect(mailsTo(a.bank1)).toHaveLength(4);
    const year = formatNumber(jalaliParts(new Date()).year, "fa").replace("٬", "");
    // Delivery order is not the order of events: find the notice's e-mail by its subject.
    const noticeMail = mailsTo(a.bank1).find((mail) => mail.subject?.startsWith("ابلاغ شماره"));
    expect(noticeMail?.subject).toMatch(new RegExp(`^ابلاغ شماره ۱/${year}: جلسه`));
    expect(noticeMail?.text).toContain("/notices/");
    // The digest user: one e-mail listing all four.
    expect(mailsTo(a.bank2)).toHaveLength(1);
    expect(mailsTo(a.bank2)[0]?.subject).toMatch(/^خلاصه اعلان‌های شما: ۴ مورد/);
    expect(mailsTo(a.bank2)[0]?.text).toContain("تمدید مهلت پذیرفته شد");
    expect(mailsTo(a.env)).toEqual([]);
  });
});

describe("follow-up of earlier resolutions in a session", () => {
  it("a session page lists the most overdue first, reads past those already on a session, and any candidate can still be added", async () => {
    const s = await setting();
    const earlier = await s.meeting("HELD", new Date("2025-05-31T05:30:00Z"));
    const late = [];
    for (const days of [50, 40, 30, 20, 10])
      late.push(await s.resolution(earlier.id, s.bank.id, addDays(TODAY, -days), `${days} روز دیر`));
    const other = await s.meeting("PLANNED", new Date(Date.now() + 2 * 86_400_000));
    const next = await s.meeting("PLANNED", new Date(Date.now() + 3 * 86_400_000));
    // The most overdue waits on another planned session.
    expect(
      await addFollowUps(s.actors.secretariat, { meetingId: other.id, resolutionIds: [late[0]!.id] }, t),
    ).toMatchObject({ ok: true });

    const texts = async (limit: number) =>
      (await listFollowUpCandidates(s.actors.secretariat, next.id, { limit }))
        .flatMap((g) => g.items)
        .map((c) => c.text);
    expect(await texts(2)).toEqual(["40 روز دیر", "30 روز دیر"]);
    expect(await texts(10)).toEqual(["40 روز دیر", "30 روز دیر", "20 روز دیر", "10 روز دیر"]);
    // Beyond what the page lists, and offered all the same.
    expect(
      await addFollowUps(s.actors.secretariat, { meetingId: next.id, resolutionIds: [late[4]!.id] }, t),
    ).toMatchObject({ ok: true });
    expect(await texts(10)).toEqual(["40 روز دیر", "30 روز دیر", "20 روز دیر"]);
  });

  it("lists overdue, refused and reopened cases for a planned session, adds some, records a decision in the resolution's history and notices it", async () => {
    const s = await setting();
    const earlier = await s.meeting("HELD", new Date("2025-05-31T05:30:00Z"));
    const overdue = await s.resolution(earlier.id, s.bank.id, addDays(TODAY, -12), "معوق");
    const refused = await s.resolution(earlier.id, s.env.id, addDays(TODAY, 10), "تمدید رد شده");
    await db.extensionRequest.create({
      data: {
        resolutionId: refused.id,
        previousDeadline: refused.deadline,
        requestedDeadline: calendarDate(addDays(TODAY, 40)),
        reason: "دلیل",
        status: "REJECTED",
        decidedAt: new Date(),
      },
    });
    const reopened = await s.resolution(earlier.id, s.bank.id, addDays(TODAY, 5), "بازگشایی");
    await db.resolution.update({ where: { id: reopened.id }, data: { status: "IN_PROGRESS" } });
    await db.progressReport.create({
      data: {
        resolutionId: reopened.id,
        note: "مدرک ناقص",
        fromStatus: "DONE_REPORTED",
        toStatus: "IN_PROGRESS",
      },
    });
    const onTime = await s.resolution(earlier.id, s.bank.id, addDays(TODAY, 5), "به‌موقع");
    const done = await s.resolution(earlier.id, s.bank.id, addDays(TODAY, -3), "انجام‌شده");
    await db.resolution.update({ where: { id: done.id }, data: { status: "VERIFIED" } });

    const next = await s.meeting("PLANNED", new Date(Date.now() + 3 * 86_400_000));
    const groups = await listFollowUpCandidates(s.actors.secretariat, next.id);
    const listed = groups.flatMap((g) => g.items);
    expect(listed.map((c) => [c.text, c.reasons, c.daysLate]).sort()).toEqual(
      [
        ["معوق", ["OVERDUE"], 12],
        ["تمدید رد شده", ["EXTENSION_REFUSED"], 0],
        ["بازگشایی", ["REOPENED"], 0],
      ].sort(),
    );
    expect(listed.some((c) => c.resolutionId === onTime.id || c.resolutionId === done.id)).toBe(false);

    // Only the secretariat adds, only what the list offers, some in one step.
    expect(
      (await addFollowUps(s.actors.chair, { meetingId: next.id, resolutionIds: [overdue.id] }, t)).ok,
    ).toBe(false);
    expect(
      await addFollowUps(
        s.actors.secretariat,
        { meetingId: next.id, resolutionIds: [overdue.id, refused.id, onTime.id] },
        t,
      ),
    ).toMatchObject({ ok: true });
    const items = await listFollowUpItems(s.actors.secretariat, next.id);
    expect(items.map((i) => [i.resolution.id, i.daysLate]).sort()).toEqual(
      [
        [overdue.id, 12],
        [refused.id, 0],
      ].sort(),
    );
    // Listed no more for this session.
    expect(
      (await listFollowUpCandidates(s.actors.secretariat, next.id))
        .flatMap((g) => g.items)
        .map((c) => c.resolutionId),
    ).toEqual([reopened.id]);

    const item = items.find((i) => i.resolution.id === overdue.id);
    const newDeadline = jalaliParts(addDays(TODAY, 20));
    const jalali = `${newDeadline.year}/${newDeadline.month}/${newDeadline.day}`;
    expect(
      await decideFollowUp(
        s.actors.secretariat,
        { itemId: item?.id, version: item?.version, decision: "NEW_DEADLINE", newDeadline: jalali },
        t,
      ),
    ).toMatchObject({ ok: true });
    // Once.
    expect(
      (
        await decideFollowUp(
          s.actors.secretariat,
          { itemId: item?.id, version: item?.version, decision: "NOTE", note: "دوباره" },
          t,
        )
      ).ok,
    ).toBe(false);
    const refusedItem = items.find((i) => i.resolution.id === refused.id);
    expect(
      await decideFollowUp(
        s.actors.secretariat,
        {
          itemId: refusedItem?.id,
          version: refusedItem?.version,
          decision: "REASSIGN",
          newAgencyId: s.bank.id,
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect((await db.resolution.findUniqueOrThrow({ where: { id: overdue.id } })).deadline).toEqual(
      calendarDate(addDays(TODAY, 20)),
    );
    expect((await db.resolution.findUniqueOrThrow({ where: { id: refused.id } })).responsibleAgencyId).toBe(
      s.bank.id,
    );
    const history = await db.auditEvent.findMany({
      where: { entityType: "Resolution", entityId: overdue.id, action: "resolution.followUpDecision" },
    });
    expect(history).toHaveLength(1);
    expect(history[0]?.after).toMatchObject({ meetingId: next.id, decision: "NEW_DEADLINE" });

    // Held and approved: the bank's notice carries both follow-ups.
    // Three days on, the session has met (it cannot be recorded as held before its date).
    await markMeetingHeld(s.actors.secretariat, { meetingId: next.id }, t, "fa", addDays(TODAY, 3));
    expect((await approveMinutes(s.actors.chair, { meetingId: next.id }, t)).ok).toBe(true);
    const notice = await db.notice.findFirstOrThrow({
      where: { meetingId: next.id, agencyId: s.bank.id },
      select: { items: { select: { resolutionId: true, followUp: true } } },
    });
    expect(notice.items.map((i) => [i.resolutionId, i.followUp]).sort()).toEqual(
      [
        [overdue.id, true],
        [refused.id, true],
      ].sort(),
    );
    // The environment agency, relieved of the refused one, is told with the approval.
    expect(
      await db.notification.findMany({ where: { userId: s.actors.env.id }, select: { kind: true } }),
    ).toEqual([{ kind: "resolution.reassigned" }]);
    // Decided in a session: the reopened case stays listed, the decided ones only while overdue.
    const later = await s.meeting("PLANNED", new Date(Date.now() + 10 * 86_400_000));
    expect(
      (await listFollowUpCandidates(s.actors.secretariat, later.id))
        .flatMap((g) => g.items)
        .map((c) => c.resolutionId),
    ).toEqual([reopened.id]);
  });
});

describe("a session page in a province with many overdue cases", () => {
  it("lists the 40 most overdue for follow-up, says so and where the rest are", async () => {
    const s = await setting();
    const earlier = await s.meeting("HELD", new Date(Date.now() - 90 * 86_400_000));
    for (let i = 1; i <= 45; i++) await s.resolution(earlier.id, s.bank.id, addDays(TODAY, -i), `معوق ${i}`);
    const next = await s.meeting("PLANNED", new Date(Date.now() + 3 * 86_400_000));
    const panel = await followUpPanel(s.actors.secretariat, next, "fa", t);
    const listed = panel.candidates.flatMap((g) => g.items);
    expect(listed).toHaveLength(FOLLOW_UP_SHOWN);
    // Most overdue first: 45 days late down to 6.
    expect(listed[0]?.text).toBe("معوق 45");
    expect(listed.at(-1)?.text).toBe("معوق 6");
    expect(panel.moreCandidates).toBe(formatNumber(FOLLOW_UP_SHOWN, "fa"));

    const few = await setting();
    const before = await few.meeting("HELD", new Date(Date.now() - 90 * 86_400_000));
    await few.resolution(before.id, few.bank.id, addDays(TODAY, -2), "معوق");
    const plan = await few.meeting("PLANNED", new Date(Date.now() + 3 * 86_400_000));
    const all = await followUpPanel(few.actors.secretariat, plan, "fa", t);
    expect(all.candidates.flatMap((g) => g.items)).toHaveLength(1);
    expect(all.moreCandidates).toBeNull();
  });
});

describe("returning a resolution that is not the agency's remit", () => {
  it("reassigns it with a notice to the new agency and a deadline of its own, or refuses the return", async () => {
    const s = await setting();
    const m = await s.meeting("HELD");
    const r = await s.resolution(m.id, s.env.id, addDays(TODAY, 10), "امهال اقساط");
    await approveMinutes(s.actors.chair, { meetingId: m.id }, t);
    const v = () => db.resolution.findUniqueOrThrow({ where: { id: r.id } }).then((x) => x.version);

    // Only the responsible agency returns, and says why.
    expect(
      (
        await returnResolution(
          s.actors.bank1,
          { id: r.id, version: await v(), reason: "وظیفه ما نیست، بانکی است." },
          t,
        )
      ).message,
    ).toBe(t("errors.forbidden"));
    expect(
      (await returnResolution(s.actors.env, { id: r.id, version: await v(), reason: "کوتاه" }, t)).ok,
    ).toBe(false);
    expect(
      (
        await returnResolution(
          s.actors.env,
          { id: r.id, version: await v(), reason: "امهال اقساط کار بانک است، نه محیط زیست." },
          t,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await returnResolution(
          s.actors.env,
          { id: r.id, version: await v(), reason: "دوباره بازمی‌گردانیم." },
          t,
        )
      ).message,
    ).toBe(t("resolutions.returns.pendingExists"));
    const pending = await db.resolutionReturn.findFirstOrThrow({ where: { resolutionId: r.id } });
    // The dispute lasted four days.
    await db.resolutionReturn.update({
      where: { id: pending.id },
      data: { createdAt: new Date(Date.now() - 4 * 86_400_000) },
    });
    expect(
      await db.notification.count({
        where: { userId: s.actors.secretariat.id, kind: "resolution.returned" },
      }),
    ).toBe(1);

    expect(
      (
        await decideReturn(
          s.actors.env,
          {
            id: r.id,
            version: await v(),
            returnId: pending.id,
            decision: "REASSIGN",
            toAgencyId: s.bank.id,
            newDeadline: formatDate(addDays(TODAY, 30), "fa", { style: "short" }),
          },
          t,
        )
      ).message,
    ).toBe(t("errors.forbidden"));
    // A reassignment names the new agency's deadline: without one (or with a past one) it is
    // refused and nothing moves; the old deadline would hand the bank a case already late.
    const reassign = { id: r.id, returnId: pending.id, decision: "REASSIGN", toAgencyId: s.bank.id };
    const refused = await decideReturn(s.actors.secretariat, { ...reassign, version: await v() }, t);
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { newDeadline: [t("resolutions.returns.deadlineRequired")] },
    });
    const yesterday = formatDate(addDays(TODAY, -1), "fa", { style: "short" });
    expect(
      await decideReturn(
        s.actors.secretariat,
        { ...reassign, version: await v(), newDeadline: yesterday },
        t,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { newDeadline: [t("resolutions.returns.deadlineFuture")] } });
    expect((await db.resolution.findUniqueOrThrow({ where: { id: r.id } })).responsibleAgencyId).toBe(
      s.env.id,
    );
    const newDeadline = formatDate(addDays(TODAY, 45), "fa", { style: "short" });
    expect(
      await decideReturn(s.actors.secretariat, { ...reassign, version: await v(), newDeadline }, t),
    ).toMatchObject({ ok: true });
    const after = await db.resolution.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.responsibleAgencyId).toBe(s.bank.id);
    expect(after.deadline).toEqual(calendarDate(addDays(TODAY, 45)));
    expect((await db.resolutionReturn.findUniqueOrThrow({ where: { id: pending.id } })).disputeDays).toBe(4);
    const notice = await db.notice.findFirstOrThrow({
      where: { agencyId: s.bank.id, kind: "REASSIGNMENT" },
      select: { number: true, items: { select: { resolutionId: true } } },
    });
    // The session's notice to the environment agency was 1; the reassignment is the next number.
    expect(notice.number).toBe(2);
    expect(notice.items).toEqual([{ resolutionId: r.id }]);
    expect(
      await db.notification.findMany({
        where: { userId: s.actors.env.id },
        select: { kind: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([{ kind: "notice.issued" }, { kind: "resolution.reassigned" }]);
    expect(await db.notification.count({ where: { userId: s.actors.bank1.id, kind: "notice.issued" } })).toBe(
      1,
    );

    // The bank returns it too; the secretariat refuses with a reason, the bank keeps it.
    await returnResolution(
      s.actors.bank1,
      { id: r.id, version: await v(), reason: "این مصوبه را نمی‌پذیریم." },
      t,
    );
    const second = await db.resolutionReturn.findFirstOrThrow({
      where: { resolutionId: r.id, status: "PENDING" },
    });
    expect(
      (
        await decideReturn(
          s.actors.secretariat,
          { id: r.id, version: await v(), returnId: second.id, decision: "REJECT" },
          t,
        )
      ).ok,
    ).toBe(false);
    expect(
      await decideReturn(
        s.actors.secretariat,
        {
          id: r.id,
          version: await v(),
          returnId: second.id,
          decision: "REJECT",
          note: "امهال در حیطه بانک است.",
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect((await db.resolution.findUniqueOrThrow({ where: { id: r.id } })).responsibleAgencyId).toBe(
      s.bank.id,
    );
    expect(
      await db.notification.count({
        where: { userId: s.actors.bank1.id, kind: "resolution.returnRejected" },
      }),
    ).toBe(1);
  });
});
