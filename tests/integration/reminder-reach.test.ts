// Issue #30, points 5 and 6: «یادآوری همین حالا» tells the truth about whom it reached (most
// agencies have no users in the app), and whoever reported a resolution done hears the
// secretariat's verdict. Real PostgreSQL, a real SMTP conversation with an in-process server.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { remindAgency, remindResolution } from "@/lib/resolutions/chase";
import { reportProgress, verifyResolution } from "@/lib/resolutions/mutations";
import { t } from "../support/fixtures";
import { recipients, startMailServer, type MailServer } from "../support/mail";
import { provinceScenario, type Scenario } from "../support/scenario";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-reach-"));
const TODAY = todayInTehran();
const pdf = () =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "letter.pdf", { type: "application/pdf" });

let mail: MailServer;
let received: MailServer["received"];
let transport: MailServer["transport"];
const to = recipients;

let s: Scenario;
let secretariat: Scenario["secretariat"];

beforeAll(async () => {
  mail = await startMailServer();
  ({ received, transport } = mail);
  s = await provinceScenario({
    banks: 0,
    chair: false,
    county: ["زرند"],
    unit: "ذغال‌سنگ زرند",
    session: { status: "HELD" },
  });
  secretariat = s.secretariat;
});
afterAll(() => mail.close());

const resolution = (agencyId: string, text = "دستگاه نسبت به صدور مجوز اقدام کند.") =>
  s.resolution(agencyId, { deadline: addDays(TODAY, 20), text });

describe("remind now (#30.5)", () => {
  it("says so when the agency has no users and no head's e-mail, and writes nothing", async () => {
    const agency = await s.agency("منابع طبیعی بی‌کاربر");
    // An inactive user reaches nobody either.
    await s.person(["AGENCY"], { agencyId: agency.id, active: false });
    const r = await resolution(agency.id);
    const before = received.length;
    const answer = await remindResolution(secretariat, { id: r.id }, t, TODAY, transport);
    expect(answer).toMatchObject({ ok: false, message: t("resolutions.remind.unreachable") });
    expect(answer.message).toContain("چاپ");
    const whole = await remindAgency(secretariat, { agencyId: agency.id }, t, TODAY, transport);
    expect(whole).toMatchObject({ ok: false, message: t("resolutions.remind.unreachable") });
    // Nothing marked, told, queued or audited: tomorrow's reminder is not used up by a no-op.
    expect((await db.resolution.findUniqueOrThrow({ where: { id: r.id } })).lastRemindedOn).toBeNull();
    expect(await db.notification.count({ where: { eventKey: { contains: r.id } } })).toBe(0);
    expect(await db.emailMessage.count({ where: { eventKey: { contains: r.id } } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { entityId: { in: [r.id, agency.id] }, action: { contains: "remind" } },
      }),
    ).toBe(0);
    expect(received.length).toBe(before);
  });

  it("sends it to the agency head's e-mail when the agency has no users, and says where it went", async () => {
    const agency = await s.agency("صنعت معدن بی‌کاربر", { head: { email: "Head@Mines.test" } });
    const [r1, r2] = [await resolution(agency.id, "مجوز بهره‌برداری صادر شود."), await resolution(agency.id)];
    const answer = await remindResolution(secretariat, { id: r1.id }, t, TODAY, transport);
    expect(answer).toEqual({
      ok: true,
      message: t("resolutions.remind.sentToHead", { email: "head@mines.test" }),
    });
    // The rest of the agency's open cases in one message; then nothing is left for today.
    const whole = await remindAgency(secretariat, { agencyId: agency.id }, t, TODAY, transport);
    expect(whole.ok).toBe(true);
    expect(whole.message).toBe(t("resolutions.remind.sentToHead", { email: "head@mines.test" }));
    expect((await remindResolution(secretariat, { id: r2.id }, t, TODAY, transport)).message).toBe(
      t("resolutions.remind.alreadyToday"),
    );
    const mails = received.filter((m) => to(m).includes("head@mines.test"));
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toContain("یادآوری دبیرخانه: ذغال‌سنگ زرند");
    expect(mails.some((m) => m.text?.includes("مجوز بهره‌برداری صادر شود."))).toBe(true);
    expect(mails.some((m) => m.text?.includes(`/agencies/${agency.id}`))).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: r1.id, action: "resolution.remind" },
    });
    expect(audit.after).toMatchObject({ headEmail: "head@mines.test" });
  });

  it("still tells the agency's users in the app when it has some", async () => {
    const agency = await s.agency("بانک با کاربر");
    const user = await s.person(["AGENCY"], { agencyId: agency.id });
    const r = await resolution(agency.id);
    expect(await remindResolution(secretariat, { id: r.id }, t, TODAY, transport)).toEqual({
      ok: true,
      message: t("resolutions.remind.sent"),
    });
    expect((await db.notification.findMany({ where: { userId: user.id } })).map((n) => n.kind)).toEqual([
      "resolution.remind",
    ]);
  });
});

describe("the verdict on a done report (#30.6)", () => {
  it("tells the reporter (and the agency's users) when the secretariat verifies or sends it back", async () => {
    const agency = await s.agency("محیط زیست آزمون");
    const reporter = await s.person(["AGENCY"], { agencyId: agency.id });
    const colleague = await s.person(["AGENCY"], { agencyId: agency.id });
    const r = await resolution(agency.id, "استعلام زیست‌محیطی پاسخ داده شود.");
    const v = () => db.resolution.findUniqueOrThrow({ where: { id: r.id } }).then((x) => x.version);
    const report = async () =>
      expect(
        (
          await reportProgress(
            reporter,
            { id: r.id, version: await v(), note: "پاسخ استعلام ارسال شد.", toStatus: "DONE_REPORTED" },
            [pdf()],
            t,
          )
        ).ok,
      ).toBe(true);
    const told = async (userId: string) =>
      (await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((n) => [
        n.kind,
        n.subject,
      ]);

    await report();
    const back = await verifyResolution(
      secretariat,
      { id: r.id, version: await v(), decision: "REOPEN", note: "نامه پاسخ پیوست نشده است." },
      t,
    );
    expect(back.ok).toBe(true);
    await report();
    expect(
      (await verifyResolution(secretariat, { id: r.id, version: await v(), decision: "VERIFY" }, t)).ok,
    ).toBe(true);

    const expected = [
      ["resolution.reopened", "مصوبه بازگشایی شد: ذغال‌سنگ زرند"],
      ["resolution.verified", "انجام مصوبه تأیید شد: ذغال‌سنگ زرند"],
    ];
    expect(await told(reporter.id)).toEqual(expected);
    expect(await told(colleague.id)).toEqual(expected);
    const verified = await db.notification.findFirstOrThrow({
      where: { userId: reporter.id, kind: "resolution.verified" },
    });
    expect(verified.link).toBe(`/resolutions/${r.id}`);
    expect(verified.body).toContain("استعلام زیست‌محیطی پاسخ داده شود.");
    // The secretariat is told of the two done reports, not of its own verdicts.
    expect((await told(secretariat.id)).map(([kind]) => kind)).toEqual([
      "resolution.doneReported",
      "resolution.doneReported",
    ]);
  });

  it("tells a reporter who has since left the agency's users but is still active", async () => {
    const agency = await s.agency("جهاد کشاورزی آزمون");
    const reporter = await s.person(["AGENCY"], { agencyId: agency.id });
    const r = await resolution(agency.id);
    const v = () => db.resolution.findUniqueOrThrow({ where: { id: r.id } }).then((x) => x.version);
    expect(
      (
        await reportProgress(
          reporter,
          { id: r.id, version: await v(), note: "اقدام انجام شد.", toStatus: "DONE_REPORTED" },
          [pdf()],
          t,
        )
      ).ok,
    ).toBe(true);
    // The reporter moved to the secretariat before the verdict: the agency has no users now.
    await db.user.update({ where: { id: reporter.id }, data: { roles: ["SECRETARIAT"], agencyId: null } });
    expect(
      (await verifyResolution(secretariat, { id: r.id, version: await v(), decision: "VERIFY" }, t)).ok,
    ).toBe(true);
    expect(
      (await db.notification.findMany({ where: { userId: reporter.id, kind: "resolution.verified" } }))
        .length,
    ).toBe(1);
  });
});
