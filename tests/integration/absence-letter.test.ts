import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueAbsenceLetter } from "@/lib/letters/absence";
import { issueLetters } from "@/lib/letters/issue";
import { getLetter, lettersOfMeeting, verifyPaper } from "@/lib/letters/queries";
import { headsMissing } from "@/lib/outcomes/attendance";
import { provinceScenario, type Scenario } from "../support/scenario";
import { createMeeting, t } from "../support/fixtures";

// The chair's letter to an agency head who missed 2 of the last 4 sessions (issue #36 §4,
// decision 242) is an official letter: numbered in the province's series after the letters
// already issued, frozen, verifiable; once per streak; the chair's only.

let s: Scenario;
let absentee: string;
let present: string;
let sessions: string[];

beforeAll(async () => {
  s = await provinceScenario({ agencies: 2, banks: 1, session: { status: "HELD" }, unit: "کارخانه آزمون" });
  [absentee, present] = [s.agencies[0] ?? "", s.agencies[1] ?? ""];
  await db.agency.update({
    where: { id: absentee },
    data: { headName: "رضا کریمی", headTitle: "مدیرکل" },
  });
  sessions = [];
  for (const [i, mode] of (["HEAD", "ABSENT", "REPRESENTATIVE", "ABSENT"] as const).entries()) {
    const m = await createMeeting(s.provinceId, {
      status: "HELD",
      startsAt: new Date(Date.UTC(2040, 0, 10 + i, 6)),
    });
    sessions.push(m.id);
    await db.attendance.create({ data: { meetingId: m.id, agencyId: absentee, mode } });
    await db.attendance.create({ data: { meetingId: m.id, agencyId: present, mode: "HEAD" } });
    for (const bank of s.banks)
      await db.attendance.create({ data: { meetingId: m.id, agencyId: bank, mode: "HEAD" } });
  }
});

describe("the chair's letter to an absent head", () => {
  it("is numbered in the province's series, frozen in Persian and verifiable; pressing again gives the same letter", async () => {
    expect((await headsMissing(s.chair)).map((a) => a.agencyId)).toEqual([absentee]);
    // A letter the secretariat issued before: the absence letter takes the next number.
    const earlier = await issueLetters(s.secretariat, { meetingId: s.sessionId }, t).catch(() => null);
    const before = await db.letter.aggregate({ where: { provinceId: s.provinceId }, _max: { number: true } });

    const issued = await issueAbsenceLetter(s.chair, { agencyId: absentee }, t);
    expect(issued).toMatchObject({ ok: true });
    const letter = await db.letter.findUniqueOrThrow({ where: { id: issued.ids?.[0] ?? "" } });
    expect(letter).toMatchObject({
      provinceId: s.provinceId,
      agencyId: absentee,
      number: (before._max.number ?? 0) + 1,
      resolutionId: null,
      meetingId: null,
      scopeKey: `absence:${absentee}:${sessions[3]}`,
      createdById: s.chair.id,
    });
    expect(issued.message).toContain(
      String(letter.number).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d),
    );
    expect(letter.recipient).toBe(
      "جناب آقای/سرکار خانم رضا کریمی\nمدیرکل محترم " + (await agencyName(absentee)),
    );
    expect(letter.subject).toBe(t("letters.subjectAbsence"));
    // The four sessions, newest first, each with how the agency was there; "3 of 4" missed.
    expect(letter.body).toContain("در ۳ جلسه از ۴ جلسه اخیر");
    const listed = letter.body.split("\n").filter((l) => /^[۱-۴]\. /.test(l));
    expect(listed).toHaveLength(4);
    expect(listed.map((l) => l.split(": ").at(-1))).toEqual([
      t("meetings.attendance.ABSENT"),
      t("meetings.attendance.REPRESENTATIVE"),
      t("meetings.attendance.ABSENT"),
      t("meetings.attendance.HEAD"),
    ]);
    expect(await db.auditEvent.count({ where: { entityId: letter.id, action: "letter.issue" } })).toBe(1);

    // The verification page finds it intact, with what the paper says.
    const verified = await verifyPaper(letter.verifyCode);
    expect(verified).toMatchObject({
      kind: "letter",
      intact: true,
      subject: letter.subject,
      body: letter.body,
    });
    // Readable like any letter; not part of any session's batch.
    expect(await getLetter(s.secretariat, letter.id)).not.toBeNull();
    if (earlier?.ok && s.sessionId)
      expect((await lettersOfMeeting(s.secretariat, s.sessionId)).map((l) => l.id)).not.toContain(letter.id);

    // Pressing again: the same letter, no new number.
    const again = await issueAbsenceLetter(s.chair, { agencyId: absentee }, t);
    expect(again.ids).toEqual([letter.id]);
    expect(await db.letter.count({ where: { provinceId: s.provinceId, agencyId: absentee } })).toBe(1);
  });

  it("a newer session missed is a new streak: a letter of its own", async () => {
    const m = await createMeeting(s.provinceId, {
      status: "HELD",
      startsAt: new Date(Date.UTC(2040, 0, 20, 6)),
    });
    await db.attendance.create({ data: { meetingId: m.id, agencyId: absentee, mode: "ABSENT" } });
    const issued = await issueAbsenceLetter(s.chair, { agencyId: absentee }, t);
    expect(issued.ok).toBe(true);
    const letter = await db.letter.findUniqueOrThrow({ where: { id: issued.ids?.[0] ?? "" } });
    expect(letter.scopeKey).toBe(`absence:${absentee}:${m.id}`);
    expect(await db.letter.count({ where: { provinceId: s.provinceId, agencyId: absentee } })).toBe(2);
  });

  it("refuses, writing nothing: a head who attended, an unknown agency, another role, malformed input", async () => {
    const count = () => db.letter.count({ where: { provinceId: s.provinceId } });
    const before = await count();
    expect(await issueAbsenceLetter(s.chair, { agencyId: present }, t)).toMatchObject({
      ok: false,
      message: t("outcomes.attendance.noLetter"),
    });
    expect(await issueAbsenceLetter(s.chair, { agencyId: "nope" }, t)).toMatchObject({ ok: false });
    expect(await issueAbsenceLetter(s.chair, {}, t)).toMatchObject({ ok: false });
    expect(await issueAbsenceLetter(s.chair, { agencyId: "x".repeat(1000) }, t)).toMatchObject({ ok: false });
    for (const actor of [s.secretariat, null])
      expect(await issueAbsenceLetter(actor, { agencyId: absentee }, t)).toMatchObject({ ok: false });
    // Another province's chair does not reach this agency.
    const elsewhere = await provinceScenario({ agencies: 0, banks: 0 });
    expect(await issueAbsenceLetter(elsewhere.chair, { agencyId: absentee }, t)).toMatchObject({ ok: false });
    expect(await count()).toBe(before);
  });
});

async function agencyName(id: string) {
  return (await db.agency.findUniqueOrThrow({ where: { id }, select: { nameFa: true } })).nameFa;
}
