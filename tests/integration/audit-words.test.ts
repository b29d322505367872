// Issue #30: the audit trail and every «سابقه تغییرات» showed raw JSON, record ids and
// untranslated keys (`attendance.save {"mode":"HEAD","agencyId":"cmxcq…"}`). Each event now
// reads in words, in the reader's language, naming records; the raw diff is for administrators.
import { beforeAll, describe, expect, it } from "vitest";
import { recordHistory } from "@/lib/audit/queries";
import { describeAuditEvents } from "@/lib/audit/words";
import { db } from "@/lib/db";
import { saveAttendance } from "@/lib/meetings/attendance";
import { updateUnit } from "@/lib/units/mutations";
import { createActor, t, tEn } from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";

describe("the audit trail in words", () => {
  let cast: Scenario;
  beforeAll(async () => {
    cast = await provinceScenario({ banks: ["بانک واژه‌ها"], unit: "کارخانه ارقام" });
  });

  it("writes an attendance record as who came and how, never as ids and codes", async () => {
    const meetingId = cast.sessionId ?? "";
    const [bank = ""] = cast.banks;
    expect(
      (
        await saveAttendance(
          cast.secretariat,
          { meetingId, entries: [{ agencyId: bank, mode: "HEAD", attendeeName: "" }] },
          t,
        )
      ).ok,
    ).toBe(true);
    const history = await recordHistory(cast.secretariat, {
      provinceId: cast.provinceId,
      entities: [{ type: "Meeting", ids: [meetingId] }],
    });
    const [event] = await describeAuditEvents(cast.secretariat, history ?? [], "fa", t);
    expect(event).toMatchObject({
      action: "حضور و غیاب ثبت شد",
      record: { type: "جلسه", href: `/meetings/${meetingId}` },
      changes: [{ label: "بانک واژه‌ها", before: "—", after: "حضور شخص مدیر" }],
      raw: null,
    });
    expect(event?.record.name).toMatch(/^جلسه .* کارگروه/);
    // No id, code or JSON anywhere in what is shown.
    const shown = [
      event?.actor,
      event?.action,
      event?.record.type,
      event?.record.name,
      ...(event?.changes ?? []).flatMap((c) => [c.label, c.before, c.after]),
    ].join(" ");
    for (const leak of [meetingId, bank, "HEAD", "attendance.save", "{", "agencyId"])
      expect(shown).not.toContain(leak);

    const [english] = await describeAuditEvents(cast.secretariat, history ?? [], "en", tEn);
    expect(english).toMatchObject({ action: "Attendance recorded", changes: [{ after: "Head in person" }] });

    // The administrator has the stored change one click away.
    const admin = await createActor(["ADMIN"], { provinceId: cast.provinceId });
    const [forAdmin] = await describeAuditEvents(admin, history ?? [], "fa", t);
    expect(forAdmin?.raw).toMatchObject({
      action: "attendance.save",
      after: [{ agencyId: bank, mode: "HEAD" }],
    });
  });

  it("keeps a phone and a national id digit strings, stored and in the history: no grouping, no lost zero (#30.11)", async () => {
    const unitId = cast.unitId ?? "";
    const { version } = await db.productionUnit.findUniqueOrThrow({ where: { id: unitId } });
    // Typed in Persian digits, as a Persian keyboard gives them.
    const nationalId = `0${String(Date.now()).slice(-10)}`;
    const fa = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
    const saved = await updateUnit(
      cast.secretariat,
      {
        id: unitId,
        version: String(version),
        name: "کارخانه ارقام",
        sector: "INDUSTRIAL",
        countyId: cast.countyId,
        phone: fa("03431234567"),
        nationalId: fa(nationalId),
      },
      t,
    );
    expect(saved.ok).toBe(true);
    // Stored as strings of Latin digits, the zeros in front kept.
    expect(
      await db.productionUnit.findUniqueOrThrow({
        where: { id: unitId },
        select: { phone: true, nationalId: true },
      }),
    ).toEqual({ phone: "03431234567", nationalId });

    const history = await recordHistory(cast.secretariat, {
      provinceId: cast.provinceId,
      entities: [{ type: "ProductionUnit", ids: [unitId] }],
    });
    const [event] = await describeAuditEvents(cast.secretariat, history ?? [], "fa", t);
    const after = Object.fromEntries((event?.changes ?? []).map((c) => [c.label, c.after]));
    // Digit for digit in Persian digits; it read «۳٬۴۳۱٬۲۳۴٬۵۶۷», and the national id, taken
    // for a link to a record (…Id), read «(حذف‌شده)».
    expect(after).toMatchObject({ تلفن: "۰۳۴۳۱۲۳۴۵۶۷", "شناسه ملی": fa(nationalId) });
    const [english] = await describeAuditEvents(cast.secretariat, history ?? [], "en", tEn);
    expect(Object.fromEntries((english?.changes ?? []).map((c) => [c.label, c.after]))).toMatchObject({
      Phone: "03431234567",
      "National id": nationalId,
    });
  });
});
