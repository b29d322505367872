import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { meetingResolutionsFileName, meetingResolutionsXlsx } from "@/lib/meetings/export";
import {
  addToAgenda,
  moveAgendaItem,
  removeAgendaItem,
  setOutcome,
  setPresenter,
} from "@/lib/meetings/agenda";
import {
  approveMinutes,
  createMeeting,
  markMeetingHeld,
  nextFreeCommitteeSunday,
  planNextCommitteeMeeting,
} from "@/lib/meetings/sessions";
import { saveAttendance } from "@/lib/meetings/attendance";
import { deleteResolution, saveResolution } from "@/lib/meetings/resolutions";
import { verifyResolution } from "@/lib/resolutions/mutations";
import { getChairBrief, getMeeting, listEligibleObstacles, listMeetings } from "@/lib/meetings/queries";
import {
  createActor,
  createAgency,
  createObstacle,
  createProvince,
  createUnit,
  t,
} from "../support/fixtures";
import { provinceScenario } from "../support/scenario";

const FORBIDDEN = "شما اجازه دسترسی به این بخش را ندارید.";
let provinceId: string;
let countyId: string;
let categoryId: string;
let members: string[];
let secretariat: Awaited<ReturnType<typeof createActor>>;
let chair: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  // Sessions are what this file makes: the cast comes without one.
  const cast = await provinceScenario({
    banks: 0,
    agencies: 3,
    category: "TEST_MEETINGS",
    bodies: ["COMMITTEE", "WORKING_GROUP"],
    session: false,
  });
  ({ provinceId, countyId, categoryId, secretariat, chair } = cast);
  members = cast.agencies;
});

async function unitWithObstacles(
  name: string,
  count: number,
  status: "REGISTERED" | "REFERRED" = "REGISTERED",
) {
  const unit = await createUnit(provinceId, { countyId, name });
  const obstacleIds = [];
  for (let i = 0; i < count; i++)
    obstacleIds.push(
      (
        await createObstacle(unit, {
          categoryId,
          description: `${name} مانع ${i + 1}`,
          amountRials: 1_000_000_000n,
          status,
        })
      ).id,
    );
  return { unit, obstacleIds };
}

async function session(bodyKind: "COMMITTEE" | "WORKING_GROUP", date: string, time = "09:00") {
  const result = await createMeeting(secretariat, { bodyKind, date, time, place: "سالن" }, t, "fa");
  if (!result.ok || !result.id) throw new Error(`meeting not created: ${result.message}`);
  return db.meeting.findUniqueOrThrow({ where: { id: result.id } });
}

const statuses = async (ids: string[]) =>
  (await db.obstacle.findMany({ where: { id: { in: ids } }, orderBy: { description: "asc" } })).map(
    (o) => o.status,
  );

describe("numbering sessions within the Jalali year", () => {
  it("numbers each body's sessions 1, 2, … and starts again on 1 Farvardin, whatever digits were typed", async () => {
    const a = await session("WORKING_GROUP", "۱۴۰۹/۱۲/۲۸");
    const b = await session("WORKING_GROUP", "1409/12/29");
    const c = await session("WORKING_GROUP", "1410/01/01");
    const committee = await session("COMMITTEE", "1409/12/29");
    expect([a, b, c, committee].map((m) => [m.jalaliYear, m.number])).toEqual([
      [1409, 1],
      [1409, 2],
      [1410, 1],
      [1409, 1],
    ]);
    // 1409/12/29 is 2031-03-20; Tehran is UTC+03:30, so 09:00 there is 05:30 UTC.
    expect(b.startsAt.toISOString()).toBe("2031-03-20T05:30:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Meeting", entityId: a.id } });
    expect(audit).toMatchObject({ action: "meeting.create", actorId: secretariat.id });
  });

  it("answers a malformed date or time on its field and creates nothing", async () => {
    const before = await db.meeting.count({ where: { provinceId } });
    const result = await createMeeting(
      secretariat,
      { bodyKind: "COMMITTEE", date: "1404/12/31", time: "25:00" },
      t,
      "fa",
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      date: [t("meetings.invalidDate")],
      time: ["ساعت را به‌صورت ۰۸:۳۰ وارد کنید."],
    });
    expect(await db.meeting.count({ where: { provinceId } })).toBe(before);
  });

  it("gives concurrent sessions distinct numbers", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        createMeeting(secretariat, { bodyKind: "WORKING_GROUP", date: "1411/05/05", time: "09:00" }, t, "fa"),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = (await db.meeting.findMany({ where: { provinceId, jalaliYear: 1411 } }))
      .map((m) => m.number)
      .sort();
    expect(numbers).toEqual([1, 2, 3]);
  });

  it("plans the committee's next weekly session on the next free Sunday at 08:30 Tehran", async () => {
    // 2031-06-04 is a Wednesday: the next Sunday is 2031-06-08; once taken, the one after.
    expect(await nextFreeCommitteeSunday(provinceId, "2031-06-04")).toBe("2031-06-08");
    const first = await planNextCommitteeMeeting(secretariat, t, "fa", "2031-06-04");
    const second = await planNextCommitteeMeeting(secretariat, t, "fa", "2031-06-04");
    expect(first.ok && second.ok).toBe(true);
    const planned = await db.meeting.findMany({
      where: { id: { in: [first.id ?? "", second.id ?? ""] } },
      orderBy: { startsAt: "asc" },
      include: { body: true },
    });
    expect(planned.map((m) => [m.startsAt.toISOString(), m.body.kind, m.status])).toEqual([
      ["2031-06-08T05:00:00.000Z", "COMMITTEE", "PLANNED"],
      ["2031-06-15T05:00:00.000Z", "COMMITTEE", "PLANNED"],
    ]);
    // A Sunday the province declared a holiday is passed over for the next one.
    await db.holidayOverride.create({
      data: {
        provinceId,
        date: new Date("2031-06-22T00:00:00Z"),
        kind: "ADD",
        name: "تعطیل استانی",
        createdById: secretariat.id,
      },
    });
    expect(await nextFreeCommitteeSunday(provinceId, "2031-06-04")).toBe("2031-06-29");
  });

  it("lists sessions with filters by body, status and year", async () => {
    const { meetings, years } = await listMeetings(secretariat, { body: "WORKING_GROUP", year: 1409 });
    expect(meetings.map((m) => m.number)).toEqual([2, 1]);
    expect(years).toEqual(expect.arrayContaining([1409, 1410, 1411]));
    expect((await listMeetings(secretariat, { status: "HELD", year: 1409 })).meetings).toHaveLength(0);
  });
});

describe("the committee → working group path of an obstacle", () => {
  it("takes only registered obstacles into the committee and moves them along with each outcome", async () => {
    const committee = await session("COMMITTEE", "1412/02/02");
    const alpha = await unitWithObstacles("الف آزمون کمیته", 2);
    const beta = await unitWithObstacles("ب آزمون کمیته", 1);
    const gamma = await unitWithObstacles("ج آزمون کمیته", 1);
    const alreadyReferred = await unitWithObstacles("د آزمون کمیته", 1, "REFERRED");

    const eligible = await listEligibleObstacles(secretariat, "COMMITTEE", { query: "آزمون کمیته" });
    expect(eligible.map((u) => u.name)).toEqual(["الف آزمون کمیته", "ب آزمون کمیته", "ج آزمون کمیته"]);

    // A referred obstacle is the working group's, not the committee's.
    const refused = await addToAgenda(
      secretariat,
      { meetingId: committee.id, obstacleIds: [...alpha.obstacleIds, ...alreadyReferred.obstacleIds] },
      t,
    );
    expect(refused).toMatchObject({
      ok: false,
      message: "برخی از موانع انتخاب‌شده دیگر قابل افزودن به این جلسه نیستند.",
    });
    expect(await statuses(alpha.obstacleIds)).toEqual(["REGISTERED", "REGISTERED"]);

    expect(
      await addToAgenda(
        secretariat,
        {
          meetingId: committee.id,
          obstacleIds: [...alpha.obstacleIds, ...beta.obstacleIds, ...gamma.obstacleIds],
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    expect(await statuses([...alpha.obstacleIds, ...beta.obstacleIds])).toEqual([
      "IN_COMMITTEE",
      "IN_COMMITTEE",
      "IN_COMMITTEE",
    ]);
    // Once on an agenda, they no longer appear as eligible anywhere.
    expect(await listEligibleObstacles(secretariat, "COMMITTEE", { query: "آزمون کمیته" })).toEqual([]);

    const detail = await getMeeting(secretariat, committee.id);
    const items = detail?.agendaItems ?? [];
    expect(items.map((i) => [i.unit.name, i.obstacles.length, i.position])).toEqual([
      ["الف آزمون کمیته", 2, 1],
      ["ب آزمون کمیته", 1, 2],
      ["ج آزمون کمیته", 1, 3],
    ]);
    const [alphaItem, betaItem, gammaItem] = items.map((i) => i.id);
    if (!alphaItem || !betaItem || !gammaItem) throw new Error("agenda incomplete");

    expect(await setOutcome(secretariat, { itemId: alphaItem, outcome: "REFERRED" }, t)).toMatchObject({
      ok: true,
    });
    expect(await setOutcome(secretariat, { itemId: betaItem, outcome: "SETTLED" }, t)).toMatchObject({
      ok: true,
    });
    expect(await setOutcome(secretariat, { itemId: gammaItem, outcome: "MORE_DOCUMENTS" }, t)).toMatchObject({
      ok: true,
    });
    expect(await statuses(alpha.obstacleIds)).toEqual(["REFERRED", "REFERRED"]);
    expect(await statuses(beta.obstacleIds)).toEqual(["RESOLVED"]);
    expect(await statuses(gamma.obstacleIds)).toEqual(["REGISTERED"]);
    // "Decided" is the working group's word, not the committee's.
    expect(await setOutcome(secretariat, { itemId: alphaItem, outcome: "DECIDED" }, t)).toMatchObject({
      ok: false,
      message: "این نتیجه برای این مرجع مجاز نیست.",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: alphaItem, action: "agenda.outcome" },
    });
    expect(audit.after).toMatchObject({
      outcome: "REFERRED",
      obstacles: [{ to: "REFERRED" }, { to: "REFERRED" }],
    });

    // The working group sees the referred unit (and only it, of these) and decides it.
    const wg = await session("WORKING_GROUP", "1412/02/10");
    const referred = await listEligibleObstacles(secretariat, "WORKING_GROUP", { query: "آزمون کمیته" });
    expect(referred.map((u) => [u.name, u.obstacles.length])).toEqual([
      ["الف آزمون کمیته", 2],
      ["د آزمون کمیته", 1],
    ]);
    expect(
      await addToAgenda(secretariat, { meetingId: wg.id, obstacleIds: gamma.obstacleIds }, t),
    ).toMatchObject({ ok: false });
    expect(
      await addToAgenda(secretariat, { meetingId: wg.id, obstacleIds: alpha.obstacleIds }, t),
    ).toMatchObject({ ok: true });
    expect(await statuses(alpha.obstacleIds)).toEqual(["REFERRED", "REFERRED"]);
    const wgItem = (await db.agendaItem.findFirstOrThrow({ where: { meetingId: wg.id } })).id;
    expect(await setOutcome(secretariat, { itemId: wgItem, outcome: "SETTLED" }, t)).toMatchObject({
      ok: false,
    });
    expect(await setOutcome(secretariat, { itemId: wgItem, outcome: "DECIDED" }, t)).toMatchObject({
      ok: true,
    });
    expect(await statuses(alpha.obstacleIds)).toEqual(["DECIDED", "DECIDED"]);
    // A late change of the committee's outcome does not drag a decided case back.
    await setOutcome(secretariat, { itemId: alphaItem, outcome: "MORE_DOCUMENTS" }, t);
    expect(await statuses(alpha.obstacleIds)).toEqual(["DECIDED", "DECIDED"]);
  });

  it("never lets a late change of the committee's outcome undo a case resolved through follow-up", async () => {
    const committee = await session("COMMITTEE", "1412/02/16");
    const followed = await unitWithObstacles("پیگیری آزمون کمیته", 1);
    const settled = await unitWithObstacles("حل در کمیته آزمون", 1);
    await addToAgenda(
      secretariat,
      { meetingId: committee.id, obstacleIds: [...followed.obstacleIds, ...settled.obstacleIds] },
      t,
    );
    const itemOf = async (unitId: string) =>
      (await db.agendaItem.findFirstOrThrow({ where: { meetingId: committee.id, unitId } })).id;
    const followedItem = await itemOf(followed.unit.id);
    const settledItem = await itemOf(settled.unit.id);
    expect(await setOutcome(secretariat, { itemId: followedItem, outcome: "REFERRED" }, t)).toMatchObject({
      ok: true,
    });
    expect(await setOutcome(secretariat, { itemId: settledItem, outcome: "SETTLED" }, t)).toMatchObject({
      ok: true,
    });

    // The working group decides; its resolution is reported done and verified, which resolves the obstacle.
    const wg = await session("WORKING_GROUP", "1412/02/24");
    await addToAgenda(secretariat, { meetingId: wg.id, obstacleIds: followed.obstacleIds }, t);
    const wgItem = (await db.agendaItem.findFirstOrThrow({ where: { meetingId: wg.id } })).id;
    expect(await setOutcome(secretariat, { itemId: wgItem, outcome: "DECIDED" }, t)).toMatchObject({
      ok: true,
    });
    const resolution = await saveResolution(
      secretariat,
      { itemId: wgItem, text: "بانک امهال کند.", responsibleAgencyId: members[0], deadline: "1412/04/01" },
      t,
    );
    const version = (
      await db.resolution.update({ where: { id: resolution.id }, data: { status: "DONE_REPORTED" } })
    ).version;
    expect(
      await verifyResolution(secretariat, { id: resolution.id, version, decision: "VERIFY" }, t),
    ).toMatchObject({ ok: true });
    expect(await statuses([...followed.obstacleIds, ...settled.obstacleIds])).toEqual([
      "RESOLVED",
      "RESOLVED",
    ]);

    // Changing or clearing the committee's outcome, or taking the unit off its agenda, leaves it resolved…
    expect(
      await setOutcome(secretariat, { itemId: followedItem, outcome: "MORE_DOCUMENTS" }, t),
    ).toMatchObject({ ok: true });
    expect(await setOutcome(secretariat, { itemId: followedItem, outcome: "" }, t)).toMatchObject({
      ok: true,
    });
    expect(await removeAgendaItem(secretariat, { itemId: followedItem }, t)).toMatchObject({ ok: true });
    expect(await statuses(followed.obstacleIds)).toEqual(["RESOLVED"]);
    // …while a case the committee settled itself still follows the committee's corrected outcome.
    expect(
      await setOutcome(secretariat, { itemId: settledItem, outcome: "MORE_DOCUMENTS" }, t),
    ).toMatchObject({ ok: true });
    expect(await statuses(settled.obstacleIds)).toEqual(["REGISTERED"]);
  });

  it("offers no obstacle of an archived unit and reads % and _ in the search literally", async () => {
    const committee = await session("COMMITTEE", "1412/02/23");
    const live = await unitWithObstacles("کارخانه ۵۰_۵۰ آرشیو آزمون", 1);
    const lookalike = await unitWithObstacles("کارخانه ۵۰۰۵۰ آرشیو آزمون", 1);
    const archived = await unitWithObstacles("کارخانه بایگانی آرشیو آزمون", 1);
    await db.productionUnit.update({ where: { id: archived.unit.id }, data: { archivedAt: new Date() } });
    const names = async (query: string) =>
      (await listEligibleObstacles(secretariat, "COMMITTEE", { query })).map((u) => u.name);
    expect(await names("آرشیو آزمون")).toEqual([live.unit.name, lookalike.unit.name]);
    // "_" would match any one character and "%" anything, were they not escaped.
    expect(await names("۵۰_۵۰")).toEqual([live.unit.name]);
    expect(await names("کارخانه % آرشیو")).toEqual([]);
    expect(
      await addToAgenda(secretariat, { meetingId: committee.id, obstacleIds: archived.obstacleIds }, t),
    ).toMatchObject({ ok: false, message: "برخی از موانع انتخاب‌شده دیگر قابل افزودن به این جلسه نیستند." });
    expect(await statuses(archived.obstacleIds)).toEqual(["REGISTERED"]);
    expect(await db.agendaItem.count({ where: { meetingId: committee.id } })).toBe(0);
  });

  it("orders units, sets the presenter and removes a unit, returning its obstacles", async () => {
    const committee = await session("COMMITTEE", "1412/03/03");
    const units = [
      await unitWithObstacles("ترتیب ۱", 1),
      await unitWithObstacles("ترتیب ۲", 1),
      await unitWithObstacles("ترتیب ۳", 1),
    ];
    await addToAgenda(
      secretariat,
      { meetingId: committee.id, obstacleIds: units.flatMap((u) => u.obstacleIds) },
      t,
    );
    const order = async () =>
      (await getMeeting(secretariat, committee.id))?.agendaItems.map((i) => i.unit.name);
    const third = await db.agendaItem.findFirstOrThrow({
      where: { meetingId: committee.id, unitId: units[2]?.unit.id },
    });
    expect(await moveAgendaItem(secretariat, { itemId: third.id, direction: "up" }, t)).toMatchObject({
      ok: true,
    });
    expect(await order()).toEqual(["ترتیب ۱", "ترتیب ۳", "ترتیب ۲"]);
    await moveAgendaItem(secretariat, { itemId: third.id, direction: "up" }, t);
    await moveAgendaItem(secretariat, { itemId: third.id, direction: "up" }, t);
    expect(await order()).toEqual(["ترتیب ۳", "ترتیب ۱", "ترتیب ۲"]);
    expect(
      await setPresenter(secretariat, { itemId: third.id, presenter: "مدیرعامل واحد" }, t),
    ).toMatchObject({ ok: true });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: third.id } })).presenter).toBe(
      "مدیرعامل واحد",
    );
    expect(await removeAgendaItem(secretariat, { itemId: third.id }, t)).toMatchObject({ ok: true });
    expect(await order()).toEqual(["ترتیب ۱", "ترتیب ۲"]);
    expect(await statuses(units[2]?.obstacleIds ?? [])).toEqual(["REGISTERED"]);
  });
});

describe("resolutions, attendance and the locked minutes", () => {
  it("records resolutions in order, attendance per member agency, and locks everything once the chair approves", async () => {
    const wg = await session("WORKING_GROUP", "1412/04/04");
    const unit = await unitWithObstacles("قفل آزمون", 2, "REFERRED");
    await addToAgenda(secretariat, { meetingId: wg.id, obstacleIds: unit.obstacleIds }, t);
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: wg.id } });
    const [responsible = "", supporting = "", third = ""] = members;

    const bad = await saveResolution(
      secretariat,
      { itemId: item.id, text: "", responsibleAgencyId: "", deadline: "1412/13/01" },
      t,
    );
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["deadline", "responsibleAgencyId", "text"]);
    const early = await saveResolution(
      secretariat,
      { itemId: item.id, text: "متن", responsibleAgencyId: responsible, deadline: "1412/04/01" },
      t,
    );
    expect(early.fieldErrors?.deadline).toEqual(["مهلت نباید پیش از تاریخ جلسه باشد."]);

    const first = await saveResolution(
      secretariat,
      {
        itemId: item.id,
        text: "بانک امهال کند.",
        responsibleAgencyId: responsible,
        supportingAgencyIds: [supporting, responsible],
        deadline: "۱۴۱۲/۰۵/۰۳",
      },
      t,
    );
    const second = await saveResolution(
      secretariat,
      { itemId: item.id, text: "گاز انشعاب دهد.", responsibleAgencyId: supporting, deadline: "1412/06/03" },
      t,
    );
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    const saved = await db.resolution.findUniqueOrThrow({
      where: { id: first.id },
      include: { supportingAgencies: true, obstacles: true },
    });
    expect(saved.deadline.toISOString().slice(0, 10)).toBe("2033-07-24");
    // The responsible agency is not also its own supporter; the unit's obstacles are linked.
    expect(saved.supportingAgencies.map((s) => s.agencyId)).toEqual([supporting]);
    expect(saved.obstacles).toHaveLength(2);
    expect(
      await saveResolution(
        secretariat,
        {
          id: first.id,
          itemId: item.id,
          text: "بانک امهال ۲۴ ماهه کند.",
          responsibleAgencyId: responsible,
          deadline: "1412/05/03",
        },
        t,
      ),
    ).toMatchObject({ ok: true, sequence: 1 });
    expect((await db.resolution.findUniqueOrThrow({ where: { id: first.id } })).version).toBe(2);

    expect(
      await saveAttendance(
        secretariat,
        {
          meetingId: wg.id,
          entries: [
            { agencyId: responsible, mode: "HEAD" },
            { agencyId: supporting, mode: "REPRESENTATIVE", attendeeName: "نماینده" },
            { agencyId: third, mode: "ABSENT" },
          ],
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    const outsider = await createAgency(provinceId);
    expect(
      await saveAttendance(
        secretariat,
        { meetingId: wg.id, entries: [{ agencyId: outsider.id, mode: "HEAD" }] },
        t,
      ),
    ).toMatchObject({ ok: false, message: "دستگاه انتخاب‌شده عضو این مرجع یا مدعو این جلسه نیست." });

    // Approval needs a held session, and only the chair may give it.
    expect(await approveMinutes(chair, { meetingId: wg.id }, t)).toMatchObject({
      ok: false,
      message: "فقط صورتجلسه جلسه برگزارشده قابل تأیید است.",
    });
    // The session is dated years ahead: it is held "in 2040", after its date.
    expect(await markMeetingHeld(secretariat, { meetingId: wg.id }, t, "fa", "2040-01-01")).toMatchObject({
      ok: true,
    });
    expect(await approveMinutes(secretariat, { meetingId: wg.id }, t)).toEqual({
      ok: false,
      message: FORBIDDEN,
    });
    expect(await approveMinutes(chair, { meetingId: wg.id }, t)).toMatchObject({
      ok: true,
      message: "صورتجلسه تأیید شد.",
    });
    const approved = await db.meeting.findUniqueOrThrow({ where: { id: wg.id } });
    expect(approved).toMatchObject({ status: "MINUTES_APPROVED", minutesApprovedById: chair.id });

    // Locked: every write is refused unless it is an amendment with a reason.
    const lockedMessage = "صورتجلسه تأیید شده است؛ برای تغییر، دلیل اصلاحیه را بنویسید.";
    expect(
      await saveResolution(
        secretariat,
        { itemId: item.id, text: "مصوبه تازه", responsibleAgencyId: responsible, deadline: "1412/05/03" },
        t,
      ),
    ).toMatchObject({ ok: false, message: lockedMessage });
    expect(await deleteResolution(secretariat, { id: second.id }, t)).toMatchObject({
      ok: false,
      message: lockedMessage,
    });
    expect(await setOutcome(secretariat, { itemId: item.id, outcome: "DECIDED" }, t)).toMatchObject({
      ok: false,
      message: lockedMessage,
    });
    expect(
      await saveAttendance(
        secretariat,
        { meetingId: wg.id, entries: [{ agencyId: third, mode: "HEAD" }] },
        t,
      ),
    ).toMatchObject({ ok: false, message: lockedMessage });
    expect(
      await addToAgenda(
        secretariat,
        { meetingId: wg.id, obstacleIds: (await unitWithObstacles("دیرهنگام", 1, "REFERRED")).obstacleIds },
        t,
      ),
    ).toMatchObject({ ok: false, message: lockedMessage });
    expect(await moveAgendaItem(secretariat, { itemId: item.id, direction: "down" }, t)).toMatchObject({
      ok: false,
    });
    expect(await db.resolution.count({ where: { meetingId: wg.id } })).toBe(2);
    expect(
      (await db.attendance.findFirstOrThrow({ where: { meetingId: wg.id, agencyId: third } })).mode,
    ).toBe("ABSENT");

    // An amendment goes through and is audited with its reason.
    const amended = await saveAttendance(
      secretariat,
      {
        meetingId: wg.id,
        entries: [{ agencyId: third, mode: "HEAD" }],
        amendmentReason: "ورود با تأخیر ثبت نشده بود",
      },
      t,
    );
    expect(amended).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: wg.id, action: "attendance.save+amendment" },
    });
    expect(audit.after).toMatchObject({ amendmentReason: "ورود با تأخیر ثبت نشده بود" });
    expect(await approveMinutes(chair, { meetingId: wg.id }, t)).toMatchObject({
      ok: false,
      message: "این صورتجلسه قبلاً تأیید شده است.",
    });

    const minutes = await getMeeting(chair, wg.id);
    expect(minutes?.agendaItems[0]?.resolutions.map((r) => r.text)).toEqual([
      "بانک امهال ۲۴ ماهه کند.",
      "گاز انشعاب دهد.",
    ]);
    expect(minutes?.minutesApprovedBy?.name).toBe("کاربر آزمون");

    // The session's resolutions download as one right-to-left sheet under the session's title.
    if (!minutes) throw new Error("minutes not found");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await meetingResolutionsXlsx(minutes, "fa", t)).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.views[0]).toMatchObject({ rightToLeft: true, state: "frozen", ySplit: 2 });
    expect(sheet?.getRow(1).getCell(1).value).toMatch(/کارگروه/);
    expect(sheet?.getRow(2).getCell(3).value).toBe(t("meetings.xlsx.text"));
    expect([3, 4].map((n) => [sheet?.getRow(n).getCell(1).value, sheet?.getRow(n).getCell(3).value])).toEqual(
      [
        [1, "بانک امهال ۲۴ ماهه کند."],
        [2, "گاز انشعاب دهد."],
      ],
    );
    expect(meetingResolutionsFileName(minutes)).toMatch(/^resolutions-1412-\w+-working_group\.xlsx$/);
  });

  it("briefs the chair on each unit: open obstacles and earlier resolutions", async () => {
    const earlier = await session("WORKING_GROUP", "1413/01/20");
    const unit = await unitWithObstacles("خلاصه آزمون", 1, "REFERRED");
    await addToAgenda(secretariat, { meetingId: earlier.id, obstacleIds: unit.obstacleIds }, t);
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: earlier.id } });
    await saveResolution(
      secretariat,
      { itemId: item.id, text: "مصوبه پیشین", responsibleAgencyId: members[0] ?? "", deadline: "1413/02/20" },
      t,
    );
    await setOutcome(secretariat, { itemId: item.id, outcome: "DECIDED" }, t);
    const later = await session("WORKING_GROUP", "1413/03/20");
    const more = await createObstacle(unit.unit, {
      categoryId,
      description: "خلاصه آزمون مانع تازه",
      status: "REFERRED",
    });
    await addToAgenda(secretariat, { meetingId: later.id, obstacleIds: [more.id] }, t);
    const brief = await getChairBrief(chair, later.id);
    const page = brief?.agendaItems[0]?.unit;
    expect(page?.name).toBe("خلاصه آزمون");
    expect(page?.obstacles.map((o) => o.status).sort()).toEqual(["DECIDED", "REFERRED"]);
    expect(page?.resolutions.map((r) => r.text)).toEqual(["مصوبه پیشین"]);
  });
});

describe("who may write", () => {
  it("refuses every session write to the chair, agencies, members, admins and other provinces", async () => {
    const wg = await session("WORKING_GROUP", "1414/01/15");
    const unit = await unitWithObstacles("مجوز آزمون", 1, "REFERRED");
    await addToAgenda(secretariat, { meetingId: wg.id, obstacleIds: unit.obstacleIds }, t);
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: wg.id } });
    const elsewhere = await createProvince();
    const outsiders = [
      chair,
      await createActor(["AGENCY"], { provinceId, agencyId: members[0] ?? null }),
      await createActor(["MEMBER"], { provinceId }),
      await createActor(["ADMIN"], { provinceId }),
      await createActor(["SECRETARIAT"], { provinceId: elsewhere.id }),
      await createActor(["SECRETARIAT"], { provinceId: null }),
    ];
    for (const actor of outsiders) {
      const answers = await Promise.all([
        createMeeting(actor, { bodyKind: "COMMITTEE", date: "1414/01/20", time: "08:30" }, t, "fa"),
        planNextCommitteeMeeting(actor, t, "fa"),
        addToAgenda(actor, { meetingId: wg.id, obstacleIds: unit.obstacleIds }, t),
        setOutcome(actor, { itemId: item.id, outcome: "DECIDED" }, t),
        setPresenter(actor, { itemId: item.id, presenter: "x" }, t),
        moveAgendaItem(actor, { itemId: item.id, direction: "down" }, t),
        saveAttendance(
          actor,
          { meetingId: wg.id, entries: [{ agencyId: members[0] ?? "", mode: "HEAD" }] },
          t,
        ),
        saveResolution(
          actor,
          {
            itemId: item.id,
            text: "نباید ثبت شود",
            responsibleAgencyId: members[0] ?? "",
            deadline: "1414/02/15",
          },
          t,
        ),
        markMeetingHeld(actor, { meetingId: wg.id }, t),
      ]);
      for (const answer of answers) expect(answer.ok, JSON.stringify(actor.roles)).toBe(false);
    }
    expect(await db.resolution.count({ where: { meetingId: wg.id } })).toBe(0);
    expect(await db.attendance.count({ where: { meetingId: wg.id } })).toBe(0);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).outcome).toBeNull();
    expect((await db.meeting.findUniqueOrThrow({ where: { id: wg.id } })).status).toBe("PLANNED");
    // Another province's secretariat does not even see the session.
    const foreign = outsiders[4];
    if (foreign) expect(await getMeeting(foreign, wg.id)).toBeNull();
  });
});
