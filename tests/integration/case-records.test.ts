// Issue #12 "Case records people can trust": each resolution on its own obstacles, session
// numbers by date, names stored normalised and found however the word breaks were typed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addToAgenda, setOutcome } from "@/lib/meetings/agenda";
import { createMeeting, rescheduleMeeting } from "@/lib/meetings/sessions";
import { saveResolution } from "@/lib/meetings/resolutions";
import { getMeeting } from "@/lib/meetings/queries";
import { verifyResolution } from "@/lib/resolutions/mutations";
import { createAgency as createAgencyRecord, updateAgency } from "@/lib/agencies/mutations";
import { createUnit } from "@/lib/units/mutations";
import { createObstacle } from "@/lib/obstacles/mutations";
import { listUnits } from "@/lib/units/queries";
import { searchRegistry } from "@/lib/search/queries";
import { listAgencies } from "@/lib/agencies/queries";
import { updateBody } from "@/lib/bodies/mutations";
import { markMeetingHeld } from "@/lib/meetings/sessions";
import { saveAttendance, saveInvitees } from "@/lib/meetings/attendance";
import { agencyScorecard } from "@/lib/dashboard/queries";
import { unitFiltersSchema } from "@/lib/units/schema";
import {
  createActor,
  createAgency,
  createObstacle as obstacleRow,
  createUnit as unitRow,
  t,
} from "../support/fixtures";
import { provinceScenario } from "../support/scenario";

let provinceId: string;
let countyId: string;
let categoryId: string;
let bank: string;
let environment: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
let chair: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  const cast = await provinceScenario({
    banks: 0,
    agencies: ["بانک ملی", "محیط زیست"],
    county: ["کرمان", "Kerman"],
    category: "TEST_CASE_RECORDS",
    bodies: ["COMMITTEE", "WORKING_GROUP"],
    session: false,
  });
  ({ provinceId, countyId, categoryId, secretariat, chair } = cast);
  [bank = "", environment = ""] = cast.agencies;
});

async function session(bodyKind: "COMMITTEE" | "WORKING_GROUP", date: string, time = "09:00") {
  const result = await createMeeting(secretariat, { bodyKind, date, time, place: "سالن" }, t, "fa");
  if (!result.ok || !result.id) throw new Error(`meeting not created: ${result.message}`);
  return result.id;
}

const numbers = async (ids: string[]) =>
  Promise.all(ids.map(async (id) => (await db.meeting.findUniqueOrThrow({ where: { id } })).number));

describe("a resolution answers the obstacles chosen for it", () => {
  it("resolves the obstacle whose own resolution is verified and leaves the other decided", async () => {
    const unit = await unitRow(provinceId, { countyId, name: "کاشی دو مانع" });
    const [loan, permit] = await Promise.all(
      ["امهال وام", "مجوز محیط زیست"].map((description) =>
        obstacleRow(unit, { categoryId, description, status: "REFERRED" }),
      ),
    );
    if (!loan || !permit) throw new Error("obstacles not created");
    const wg = await session("WORKING_GROUP", "1413/02/10");
    expect((await addToAgenda(secretariat, { meetingId: wg, obstacleIds: [loan.id, permit.id] }, t)).ok).toBe(
      true,
    );
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: wg } });
    expect((await setOutcome(secretariat, { itemId: item.id, outcome: "DECIDED" }, t)).ok).toBe(true);

    // At least one obstacle, and only obstacles of this agenda item.
    const none = await saveResolution(
      secretariat,
      {
        itemId: item.id,
        text: "بانک امهال کند.",
        responsibleAgencyId: bank,
        deadline: "1413/03/10",
        obstacleIds: [],
      },
      t,
    );
    expect(none.fieldErrors?.obstacleIds).toEqual(["دست‌کم یک مانع را برای این مصوبه انتخاب کنید."]);
    const foreign = await obstacleRow(unit, { categoryId, description: "مانع دیگر" });
    const stray = await saveResolution(
      secretariat,
      {
        itemId: item.id,
        text: "بانک امهال کند.",
        responsibleAgencyId: bank,
        deadline: "1413/03/10",
        obstacleIds: [foreign.id],
      },
      t,
    );
    expect(stray.fieldErrors?.obstacleIds).toEqual(["مانع انتخاب‌شده در دستور این واحد نیست."]);

    const loanResolution = await saveResolution(
      secretariat,
      {
        itemId: item.id,
        text: "بانک امهال کند.",
        responsibleAgencyId: bank,
        deadline: "1413/03/10",
        obstacleIds: [loan.id],
      },
      t,
    );
    const permitResolution = await saveResolution(
      secretariat,
      {
        itemId: item.id,
        text: "محیط زیست مجوز دهد.",
        responsibleAgencyId: environment,
        deadline: "1413/04/10",
        obstacleIds: [permit.id],
      },
      t,
    );
    expect([loanResolution.ok, permitResolution.ok]).toEqual([true, true]);
    const links = await db.resolutionObstacle.findMany({
      where: { resolutionId: { in: [loanResolution.id ?? "", permitResolution.id ?? ""] } },
    });
    expect(links.map((l) => [l.resolutionId, l.obstacleId]).sort()).toEqual(
      [
        [loanResolution.id, loan.id],
        [permitResolution.id, permit.id],
      ].sort(),
    );

    // The bank reports done; the secretariat verifies: the loan obstacle alone is resolved.
    const done = await db.resolution.update({
      where: { id: loanResolution.id },
      data: { status: "DONE_REPORTED", version: { increment: 1 } },
    });
    expect(
      (await verifyResolution(secretariat, { id: done.id, version: done.version, decision: "VERIFY" }, t)).ok,
    ).toBe(true);
    const status = async (id: string) => (await db.obstacle.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(loan.id)).toBe("RESOLVED");
    expect(await status(permit.id)).toBe("DECIDED");

    // The session page knows which resolution answers which obstacle.
    const meeting = await getMeeting(secretariat, wg);
    const saved = meeting?.agendaItems[0]?.resolutions.map((r) => r.obstacles.map((o) => o.obstacleId));
    expect(saved).toEqual([[loan.id], [permit.id]]);
  });

  it("links every obstacle of the item when the form names none, as before", async () => {
    const unit = await unitRow(provinceId, {
      countyId,
      name: "واحد پیش‌فرض",
      sector: "MINING",
      status: "ACTIVE",
    });
    const ids = [];
    for (const description of ["الف", "ب"])
      ids.push((await obstacleRow(unit, { categoryId, description, status: "REFERRED" })).id);
    const wg = await session("WORKING_GROUP", "1413/02/24");
    await addToAgenda(secretariat, { meetingId: wg, obstacleIds: ids }, t);
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: wg } });
    const saved = await saveResolution(
      secretariat,
      { itemId: item.id, text: "هر دو حل شود.", responsibleAgencyId: bank, deadline: "1413/03/24" },
      t,
    );
    expect(await db.resolutionObstacle.count({ where: { resolutionId: saved.id } })).toBe(2);
  });
});

const versionOf = async (meetingId: string) =>
  (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;

describe("session numbers follow the date within the Jalali year", () => {
  it("numbers a session entered late by its date and renumbers planned sessions after a re-date", async () => {
    const body = await db.body.findFirstOrThrow({ where: { provinceId, kind: "COMMITTEE" } });
    const first = await session("COMMITTEE", "1414/02/06");
    const third = await session("COMMITTEE", "1414/02/20");
    // Entered last, dated between: it takes 2 and the later planned session becomes 3.
    const second = await session("COMMITTEE", "1414/02/13");
    expect(await numbers([first, second, third])).toEqual([1, 2, 3]);

    // Approved minutes fix a number: the first session keeps 1 whatever happens later.
    await db.meeting.update({ where: { id: first }, data: { status: "MINUTES_APPROVED" } });
    // Re-dating the last planned session before the second swaps their numbers.
    expect(
      await rescheduleMeeting(
        secretariat,
        { meetingId: third, version: await versionOf(third), date: "۱۴۱۴/۰۲/۱۰", time: "08:30" },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect(await numbers([first, third, second])).toEqual([1, 2, 3]);
    const moved = await db.meeting.findUniqueOrThrow({ where: { id: third } });
    expect(moved.startsAt.toISOString()).toBe("2035-04-30T05:00:00.000Z");

    // Into the next Jalali year: numbered there; a held or approved session cannot be moved.
    expect(
      (
        await rescheduleMeeting(
          secretariat,
          { meetingId: second, version: await versionOf(second), date: "1415/01/20", time: "08:30" },
          t,
        )
      ).ok,
    ).toBe(true);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      jalaliYear: 1415,
      number: 1,
    });
    expect(
      await rescheduleMeeting(
        secretariat,
        { meetingId: first, version: await versionOf(first), date: "1414/02/07", time: "08:30" },
        t,
      ),
    ).toMatchObject({
      ok: false,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: third, action: "meeting.reschedule" },
    });
    expect(audit.after).toMatchObject({ number: 2, renumbered: [{ id: second, from: 2, to: 3 }] });
    expect(body.id).toBeTruthy();
  });

  it("refuses the move to someone who may not write sessions", async () => {
    const planned = await session("WORKING_GROUP", "1414/05/05");
    expect(
      await rescheduleMeeting(
        chair,
        { meetingId: planned, version: await versionOf(planned), date: "1414/05/06", time: "09:00" },
        t,
      ),
    ).toMatchObject({ ok: false, message: "شما اجازه دسترسی به این بخش را ندارید." });
  });
});

describe("names are stored normalised and found however word breaks were typed", () => {
  it("stores Persian ی/ک, trimmed, with Latin digits in national ids and phones", async () => {
    // National ids are unique across the database, which test runs share.
    const nationalIdLatin = String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999));
    const nationalIdFa = nationalIdLatin.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
    const agency = await createAgencyRecord(
      secretariat,
      {
        kind: "COMPANY",
        nameFa: "  شركت   فرآورده‌هاي نفتي ",
        nameEn: " Oil Products ",
        phone: "۰۳۴-۳۲۲۲۱۱۱۱",
        headName: " علي  كريمي ",
      },
      t,
    );
    expect(agency.ok).toBe(true);
    expect(await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({
      nameFa: "شرکت فرآورده‌های نفتی",
      nameEn: "Oil Products",
      phone: "034-32221111",
      headName: "علی کریمی",
      nameNormalized: "شرکتفرآوردههاینفتی",
    });
    // The same name typed with a space instead of the ZWNJ is the same agency.
    const twin = await createAgencyRecord(
      secretariat,
      { kind: "COMPANY", nameFa: "شرکت فرآورده های نفتی", nameEn: "Twin" },
      t,
    );
    expect(twin.ok).toBe(false);
    expect(
      (
        await updateAgency(
          secretariat,
          {
            id: agency.id ?? "",
            version: 1,
            kind: "COMPANY",
            nameFa: "شركت فرآورده‌هاي نفتي",
            nameEn: "Oil",
          },
          t,
        )
      ).ok,
    ).toBe(true);

    const unit = await createUnit(
      secretariat,
      {
        name: " كارخانه  آرد ياسين ",
        nationalId: nationalIdFa,
        sector: "INDUSTRIAL",
        status: "ACTIVE",
        countyId,
        phone: "٠٣٤ ٣٢٢٢",
        managerName: "رضا كاظمي",
      },
      t,
    );
    expect(unit.ok).toBe(true);
    expect(await db.productionUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({
      name: "کارخانه آرد یاسین",
      nationalId: nationalIdLatin,
      phone: "034 3222",
      managerName: "رضا کاظمی",
    });
    const obstacle = await createObstacle(
      secretariat,
      { unitId: unit.id ?? "", categoryId, description: "  تامين سرمايه در گردش بانك  " },
      [],
      t,
    );
    expect(obstacle.ok).toBe(true);
    expect((await db.obstacle.findFirstOrThrow({ where: { unitId: unit.id } })).description).toBe(
      "تامین سرمایه در گردش بانک",
    );
  });

  it("finds a name typed with a space, a ZWNJ or nothing between its parts", async () => {
    await createAgencyRecord(
      secretariat,
      { kind: "COMPANY", nameFa: "شرکت شهرک‌های صنعتی", nameEn: "Industrial parks" },
      t,
    );
    await createUnit(
      secretariat,
      { name: "فرآورده‌های لبنی کرمان", sector: "AGRICULTURAL", status: "ACTIVE", countyId },
      t,
    );
    for (const typed of ["فرآورده های", "فرآورده‌های", "فرآوردههای", "فرآورده هاي"]) {
      const found = await listUnits(secretariat, unitFiltersSchema.parse({ q: typed }));
      expect(
        found.units.map((u) => u.name),
        typed,
      ).toContain("فرآورده‌های لبنی کرمان");
      const everywhere = await searchRegistry(secretariat, typed);
      expect(
        everywhere?.units.map((u) => u.name),
        typed,
      ).toContain("فرآورده‌های لبنی کرمان");
    }
    for (const typed of ["شهرک های", "شهركهاي", "شهرک‌های صنعتی"]) {
      const found = await listAgencies(secretariat, { q: typed });
      expect(
        found.agencies.map((a) => a.nameFa),
        typed,
      ).toContain("شرکت شهرک‌های صنعتی");
    }
  });
});

describe("bodies, members and invitees", () => {
  it("lists members and invitees for attendance and counts only sessions an agency was expected at", async () => {
    const admin = await createActor(["ADMIN"], { provinceId });
    const melli = (await createAgency(provinceId, "بانک ملت آزمون")).id;
    const water = (await createAgency(provinceId, "آب منطقه‌ای آزمون")).id;
    const wgBody = await db.body.findFirstOrThrow({ where: { provinceId, kind: "WORKING_GROUP" } });
    // Only the secretariat or the administrator edits a body; names are stored tidied.
    expect(
      await updateBody(
        chair,
        { bodyId: wgBody.id, version: wgBody.version, nameFa: "کارگروه", nameEn: "WG", memberIds: [bank] },
        t,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await updateBody(
        admin,
        {
          bodyId: wgBody.id,
          version: wgBody.version,
          nameFa: " كارگروه تسهيل ",
          nameEn: "Working group",
          chairName: "معاون اقتصادی",
          memberIds: [bank, water],
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect(await db.body.findUniqueOrThrow({ where: { id: wgBody.id } })).toMatchObject({
      nameFa: "کارگروه تسهیل",
      chairName: "معاون اقتصادی",
    });

    const wg = await session("WORKING_GROUP", "1413/08/10");
    // Not a member and not invited: its attendance is refused.
    expect(
      (await saveAttendance(secretariat, { meetingId: wg, entries: [{ agencyId: melli, mode: "HEAD" }] }, t))
        .ok,
    ).toBe(false);
    expect((await saveInvitees(secretariat, { meetingId: wg, agencyIds: [melli, bank] }, t)).ok).toBe(true);
    // A member is not also an invitee.
    expect((await db.meetingInvitee.findMany({ where: { meetingId: wg } })).map((i) => i.agencyId)).toEqual([
      melli,
    ]);
    expect(
      await saveAttendance(
        secretariat,
        {
          meetingId: wg,
          entries: [
            { agencyId: bank, mode: "HEAD" },
            { agencyId: melli, mode: "REPRESENTATIVE", attendeeName: "نماینده" },
          ],
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    const meeting = await getMeeting(secretariat, wg);
    expect(meeting?.body.members.map((m) => m.agency.id).sort()).toEqual([bank, water].sort());
    expect(meeting?.invitees.map((i) => i.agency.id)).toEqual([melli]);

    // Dated years ahead: recorded as held "in 2040", after its date.
    expect((await markMeetingHeld(secretariat, { meetingId: wg }, t, "fa", "2040-01-01")).ok).toBe(true);
    const filters = { from: "2034-10-01", to: "2034-11-30" };
    const row = async (agencyId: string) =>
      (await agencyScorecard(secretariat, filters)).find((r) => r.agencyId === agencyId);
    // The invited bank was expected once and came by representative; the member water company
    // was expected but nothing was recorded; environment left the body and was expected nowhere.
    expect(await row(melli)).toMatchObject({ sessionsExpected: 1, attendedRepresentative: 1, absent: 0 });
    expect(await row(bank)).toMatchObject({ sessionsExpected: 1, attendedHead: 1 });
    expect(await row(water)).toMatchObject({ sessionsExpected: 1, attendedHead: 0, absent: 0 });
    expect(await row(environment)).toBeUndefined();

    // Uninviting drops the invitee's attendance too: it was not expected after all.
    expect((await saveInvitees(secretariat, { meetingId: wg, agencyIds: [] }, t)).ok).toBe(true);
    expect(await db.attendance.count({ where: { meetingId: wg, agencyId: melli } })).toBe(0);
    expect(await row(melli)).toBeUndefined();
  });
});
