// Issue #37 §5: approved minutes prove themselves. Approval seals them with a verification code
// and the SHA-256 of their frozen content; /verify resolves the code, shows the text as approved
// and the amendments since, dated; a changed frozen copy reads "altered". Minutes approved
// before codes existed are sealed on first print.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { approveMinutes } from "@/lib/meetings/sessions";
import { verifyPaper } from "@/lib/letters/queries";
import { minutesHash, minutesVerification, verifiedMinutesAmendments } from "@/lib/meetings/minutes-proof";
import { recordAudit } from "@/lib/audit/record";
import { t } from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";

let s: Scenario;
let provinceId: string;
let agencyId: string;
let chair: Scenario["chair"];

async function approvedSession(text: string) {
  const meeting = await s.session({ status: "HELD" });
  const r = await s.resolution(agencyId, {
    sessionId: meeting.id,
    text,
    deadline: "2030-03-01",
    onAgenda: true,
  });
  expect((await approveMinutes(chair, { meetingId: meeting.id }, t)).ok).toBe(true);
  return { meeting, resolution: r };
}

beforeAll(async () => {
  s = await provinceScenario({ banks: 0, session: false, county: ["کرمان"], unit: "فولاد کرمان" });
  ({ provinceId, chair } = s);
  agencyId = (await s.agency("شرکت توزیع برق")).id;
});

describe("approved minutes' verification", () => {
  it("is sealed at approval; the code resolves to the text as approved, amendments listed by date", async () => {
    const { meeting, resolution } = await approvedSession("انشعاب برق ۲ مگاواتی ظرف یک ماه واگذار شود.");
    const sealed = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(sealed.minutesVerifyCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(sealed.minutesHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await minutesVerification(meeting.id)).toEqual({ code: sealed.minutesVerifyCode });

    // An amendment after approval (the secretariat moves the deadline), as the audit trail records it.
    await db.resolution.update({ where: { id: resolution.id }, data: { deadline: new Date("2030-06-01") } });
    await recordAudit(db, {
      actorId: chair.id,
      provinceId,
      action: "extension.approve",
      entityType: "Resolution",
      entityId: resolution.id,
      before: { deadline: "2030-03-01T00:00:00.000Z" },
      after: { deadline: "2030-06-01T00:00:00.000Z" },
    });

    const shown = await verifyPaper(sealed.minutesVerifyCode?.toLowerCase() ?? "");
    expect(shown).toMatchObject({ kind: "minutes", intact: true, contentHash: sealed.minutesHash });
    expect(shown?.body).toContain("انشعاب برق ۲ مگاواتی ظرف یک ماه واگذار شود.");
    expect(shown?.body).toContain("شرکت توزیع برق");
    if (shown?.kind !== "minutes") throw new Error("not minutes");
    const amendments = await verifiedMinutesAmendments(shown, "fa", t);
    expect(amendments).toHaveLength(1);
    expect(amendments[0]?.lines.join(" ")).toContain("۱۴۰۹");
    // The amendment changed the resolution, not the approved paper: still intact.
    expect((await verifyPaper(sealed.minutesVerifyCode ?? ""))?.intact).toBe(true);

    // Someone edits the frozen copy in the database: the page says the paper is altered.
    const copy = JSON.stringify(sealed.approvedResolutions).replace("۲ مگاواتی", "۵ مگاواتی");
    await db.meeting.update({ where: { id: meeting.id }, data: { approvedResolutions: JSON.parse(copy) } });
    expect((await verifyPaper(sealed.minutesVerifyCode ?? ""))?.intact).toBe(false);
  });

  it("seals minutes approved before codes existed on first print, once", async () => {
    const { meeting } = await approvedSession("پروانه بهره‌برداری تمدید شود.");
    await db.meeting.update({
      where: { id: meeting.id },
      data: { minutesVerifyCode: null, minutesHash: null },
    });
    expect(await verifyPaper("ZZZZZZZZZZ")).toBeNull();
    const [a, b] = await Promise.all([minutesVerification(meeting.id), minutesVerification(meeting.id)]);
    expect(a?.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(b).toEqual(a);
    const row = await db.meeting.findUniqueOrThrow({
      where: { id: meeting.id },
      include: { body: true, province: true },
    });
    expect(row.minutesHash).toBe(minutesHash(row, row.province.nameFa));
    expect(await verifyPaper(a?.code ?? "")).toMatchObject({ kind: "minutes", intact: true });
  });

  it("gives no code to minutes not approved", async () => {
    const meeting = await s.session({ status: "HELD" });
    expect(await minutesVerification(meeting.id)).toBeNull();
  });
});
