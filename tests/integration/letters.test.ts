// Issue #37, points 2 and 5: official letters numbered gap-free in the province's series, also
// when several people print at once; printing again gives the same letter; the public
// verification page shows what the paper must say and notices a changed record.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { issueLetters } from "@/lib/letters/issue";
import { canonicalLetter, sha256 } from "@/lib/letters/content";
import {
  getLetter,
  lettersOfMeeting,
  verifyAllowed,
  verifyPaper,
  VERIFY_PER_MINUTE,
} from "@/lib/letters/queries";
import { t } from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";

let s: Scenario;
let provinceId: string;
let secretariat: Scenario["secretariat"];

beforeAll(async () => {
  s = await provinceScenario({ banks: 0, session: false, county: ["رفسنجان"], unit: "پسته رفسنجان" });
  ({ provinceId, secretariat } = s);
});

describe("official letters", () => {
  it("one per agency for a session, addressed to the head by title, numbered in order", async () => {
    const meeting = await s.session({ status: "MINUTES_APPROVED" });
    const bank = await s.agency("الف بانک ملی", { head: { name: "علی رضایی", title: "مدیر شعب استان" } });
    const env = await s.agency("ب محیط زیست");
    const at = { sessionId: meeting.id };
    await s.resolution(bank.id, { ...at, text: "امهال اقساط", deadline: "2030-02-01" });
    await s.resolution(env.id, { ...at, text: "استعلام محیط زیست" });
    await s.resolution(bank.id, { ...at, text: "تمدید ضمانت‌نامه" });
    const answer = await issueLetters(secretariat, { meetingId: meeting.id }, t);
    expect(answer.ok).toBe(true);
    expect(answer.ids).toHaveLength(2);
    const letters = await lettersOfMeeting(secretariat, meeting.id);
    expect(letters.map((l) => l.agency.nameFa)).toEqual(["الف بانک ملی", "ب محیط زیست"]);
    expect(letters[1]!.number).toBe(letters[0]!.number + 1);
    const [first] = letters;
    expect(first?.recipient).toBe("جناب آقای/سرکار خانم علی رضایی\nمدیر شعب استان محترم الف بانک ملی");
    expect(first?.body).toContain("امهال اقساط");
    expect(first?.body).toContain("تمدید ضمانت‌نامه");
    expect(first?.body).not.toContain("استعلام محیط زیست");
    expect(first?.qrSvg).toContain("<svg");
    expect(first?.verifyUrl).toMatch(new RegExp(`/verify/${first?.verifyCode}$`));
    // Printing again: the same letters, numbers and text.
    const again = await issueLetters(secretariat, { meetingId: meeting.id }, t);
    expect(again.ids).toEqual(answer.ids);
    expect(await db.letter.count({ where: { meetingId: meeting.id } })).toBe(2);
  });

  it("are numbered without gaps or repeats when many are printed at once", async () => {
    const other = await provinceScenario({
      banks: 0,
      agencies: 1,
      chair: false,
      unit: "واحد آزمون",
      session: { status: "HELD" },
    });
    const [province, actor, agency] = [other.provinceId, other.secretariat, other.agencies[0] ?? ""];
    const resolutions = await Promise.all(
      Array.from({ length: 12 }, (_, i) => other.resolution(agency, { text: `مصوبه ${i}` })),
    );
    // Twelve single letters and the session's batch, each asked for twice, all at once.
    const answers = await Promise.all([
      ...resolutions.flatMap((r) => [
        issueLetters(actor, { resolutionId: r.id }, t),
        issueLetters(actor, { resolutionId: r.id }, t),
      ]),
      issueLetters(actor, { meetingId: other.sessionId ?? "" }, t),
      issueLetters(actor, { meetingId: other.sessionId ?? "" }, t),
    ]);
    expect(answers.filter((a) => !a.ok).map((a) => a.message)).toEqual([]);
    const numbers = (await db.letter.findMany({ where: { provinceId: province }, select: { number: true } }))
      .map((l) => l.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it("refuses a user who may not issue them, and an unknown target, writing nothing", async () => {
    const member = await s.person(["MEMBER"]);
    const before = await db.letter.count({ where: { provinceId } });
    expect((await issueLetters(member, { meetingId: "x" }, t)).message).toBe(t("errors.forbidden"));
    expect((await issueLetters(secretariat, { resolutionId: "nope" }, t)).message).toBe(
      t("errors.notFoundRecord"),
    );
    expect((await issueLetters(secretariat, {}, t)).ok).toBe(false);
    expect(await db.letter.count({ where: { provinceId } })).toBe(before);
  });
});

describe("the verification page", () => {
  it("shows what the paper must say with its fingerprint, and notices a changed record", async () => {
    const meeting = await s.session({ status: "MINUTES_APPROVED" });
    const agency = await s.agency("جهاد کشاورزی");
    const r = await s.resolution(agency.id, { sessionId: meeting.id, text: "تأمین آب کشاورزی" });
    const { ids } = await issueLetters(secretariat, { resolutionId: r.id }, t);
    const letter = await getLetter(secretariat, ids?.[0] ?? "");
    expect(letter).not.toBeNull();
    const shown = await verifyPaper(letter!.verifyCode.toLowerCase().replace(/(.{5})/, "$1-"));
    expect(shown).toMatchObject({
      kind: "letter",
      recipient: "ریاست محترم جهاد کشاورزی",
      intact: true,
      contentHash: sha256(canonicalLetter({ ...letter!, province: letter!.province })),
    });
    expect(shown?.body).toContain("تأمین آب کشاورزی");
    expect(shown?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // Someone changes the record after the paper went out: the page says so.
    await db.letter.update({ where: { id: letter!.id }, data: { body: letter!.body.replace("آب", "برق") } });
    expect((await verifyPaper(letter!.verifyCode))?.intact).toBe(false);
    expect(await verifyPaper("ZZZZZZZZZZ")).toBeNull();
    expect(await verifyPaper("<script>")).toBeNull();
  });

  it("is throttled per address", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < VERIFY_PER_MINUTE; i++) expect(await verifyAllowed(address)).toBe(true);
    expect(await verifyAllowed(address)).toBe(false);
    expect(await verifyAllowed("198.51.100.7")).toBe(true);
  });
});

describe("a notice proves itself too", () => {
  it("is frozen at issue with a code the verification page resolves", async () => {
    const { approveMinutes } = await import("@/lib/meetings/sessions");
    const agency = await s.agency("اداره کل منابع طبیعی");
    const meeting = await s.session({ status: "HELD" });
    await s.resolution(agency.id, {
      sessionId: meeting.id,
      text: "مجوز برداشت آب صادر شود.",
      deadline: "2030-03-01",
    });
    expect((await approveMinutes(s.chair, { meetingId: meeting.id }, t)).ok).toBe(true);
    const notice = await db.notice.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(notice.verifyCode).toMatch(/^[A-Z2-9]{10}$/);
    const shown = await verifyPaper(notice.verifyCode ?? "");
    expect(shown).toMatchObject({ kind: "notice", intact: true, recipient: "به: اداره کل منابع طبیعی" });
    expect(shown?.body).toContain("مجوز برداشت آب صادر شود.");
    // Amending the resolution later does not change what the sent notice said.
    await db.resolution.updateMany({ where: { meetingId: meeting.id }, data: { text: "متن اصلاح‌شده" } });
    expect((await verifyPaper(notice.verifyCode ?? ""))?.body).toContain("مجوز برداشت آب صادر شود.");
    // Changing the record itself is caught.
    await db.notice.update({ where: { id: notice.id }, data: { body: "متن دیگر" } });
    expect((await verifyPaper(notice.verifyCode ?? ""))?.intact).toBe(false);
  });
});
