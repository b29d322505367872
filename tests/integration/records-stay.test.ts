// Issue #30 "records that stay as approved": approved minutes print what was approved with later
// changes as dated amendments; a session is not held before its date and numbers follow dates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, calendarDate, formatDate, jalaliParts, todayInTehran } from "@/lib/i18n/format";
import { approveMinutes, createMeeting, markMeetingHeld, rescheduleMeeting } from "@/lib/meetings/sessions";
import { getMeeting } from "@/lib/meetings/queries";
import { approvedResolutionsOf, listMinutesAmendments, minutesResolutions } from "@/lib/meetings/minutes";
import { decideReturn, returnResolution } from "@/lib/resolutions/returns";
import { createObstacle, t, tEn } from "../support/fixtures";
import { provinceScenario, type Scenario } from "../support/scenario";

const TODAY = todayInTehran();
const jalali = (iso: string) => formatDate(iso, "fa", { style: "short" });

describe("approved minutes stay as approved", () => {
  let cast: Scenario;
  beforeAll(async () => {
    const yesterday = new Date(Date.now() - 86_400_000);
    cast = await provinceScenario({
      banks: ["بانک اول آزمون", "بانک دوم آزمون"],
      unit: "کارخانه صورتجلسه",
      session: { startsAt: yesterday, jalaliYear: jalaliParts(todayInTehran(yesterday)).year },
    });
  });

  it("prints the approved agency and deadline after a return and reassignment, with the change as a dated amendment", async () => {
    const { provinceId, banks, secretariat, chair } = cast;
    const [first = "", second = ""] = banks;
    const meetingId = cast.sessionId ?? "";
    const unitId = cast.unitId ?? "";
    const obstacle = await createObstacle({ id: unitId, provinceId }, { categoryId: cast.categoryId });
    const item = await db.agendaItem.create({
      data: { meetingId, unitId, obstacles: { create: [{ obstacleId: obstacle.id }] } },
    });
    const approvedDeadline = addDays(TODAY, 20);
    const r = await db.resolution.create({
      data: {
        provinceId,
        meetingId,
        unitId,
        agendaItemId: item.id,
        text: "بانک نسبت به امهال اقساط اقدام کند.",
        responsibleAgencyId: first,
        deadline: calendarDate(approvedDeadline),
        obstacles: { create: [{ obstacleId: obstacle.id }] },
      },
    });
    expect((await markMeetingHeld(secretariat, { meetingId }, t)).ok).toBe(true);
    expect((await approveMinutes(chair, { meetingId }, t)).ok).toBe(true);

    // The first bank returns it; the secretariat reassigns it to the second with a new deadline.
    const banker = await cast.person(["AGENCY"], { agencyId: first });
    const version = async () => (await db.resolution.findUniqueOrThrow({ where: { id: r.id } })).version;
    expect(
      (
        await returnResolution(
          banker,
          { id: r.id, version: await version(), reason: "این کار در حیطه بانک دیگری است." },
          t,
        )
      ).ok,
    ).toBe(true);
    const pending = await db.resolutionReturn.findFirstOrThrow({ where: { resolutionId: r.id } });
    const newDeadline = addDays(TODAY, 40);
    expect(
      await decideReturn(
        secretariat,
        {
          id: r.id,
          version: await version(),
          returnId: pending.id,
          decision: "REASSIGN",
          toAgencyId: second,
          newDeadline: jalali(newDeadline),
        },
        t,
      ),
    ).toMatchObject({ ok: true });
    const live = await db.resolution.findUniqueOrThrow({ where: { id: r.id } });
    expect(live.responsibleAgencyId).toBe(second);
    expect(live.deadline).toEqual(calendarDate(newDeadline));

    // The stored copy, read back from the database, is what the chair approved.
    const stored = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(approvedResolutionsOf(stored.approvedResolutions)).toEqual([
      expect.objectContaining({
        id: r.id,
        number: 1,
        responsibleAgency: expect.objectContaining({ id: first, nameFa: "بانک اول آزمون" }),
        deadline: approvedDeadline,
      }),
    ]);

    // The printed minutes show the first bank; the amendment below names both, dated today.
    const meeting = await getMeeting(secretariat, meetingId);
    if (!meeting) throw new Error("meeting not found");
    const printed = minutesResolutions(meeting).get(item.id) ?? [];
    expect(printed.map((p) => [p.responsibleAgency.id, p.deadline])).toEqual([[first, approvedDeadline]]);
    const amendments = await listMinutesAmendments(meeting, "fa", t);
    expect(amendments).toHaveLength(1);
    expect(amendments[0]?.date).toBe(formatDate(TODAY, "fa"));
    expect(amendments[0]?.lines).toEqual([
      "مصوبه ۱: دستگاه مسئول از «بانک اول آزمون» به «بانک دوم آزمون» تغییر کرد.",
      `مصوبه ۱: مهلت از ${jalali(approvedDeadline)} به ${jalali(newDeadline)} تغییر کرد.`,
    ]);
    const inEnglish = await listMinutesAmendments(meeting, "en", tEn);
    expect(inEnglish[0]?.lines[1]).toBe(
      `Resolution 1: the deadline moved from ${formatDate(approvedDeadline, "en", { style: "short" })} to ${formatDate(newDeadline, "en", { style: "short" })}.`,
    );
  });
});

describe("sessions are held on or after their date, numbered in date order", () => {
  let cast: Scenario;
  const session = async (date: string) =>
    createMeeting(
      cast.secretariat,
      { bodyKind: "WORKING_GROUP", date, time: "09:00", place: "سالن" },
      t,
      "fa",
    );

  beforeAll(async () => {
    cast = await provinceScenario({ session: false });
  });

  it("refuses to record a session held before its date, with the date in the message", async () => {
    const tomorrow = addDays(TODAY, 1);
    const created = await session(jalali(tomorrow));
    expect(created.ok).toBe(true);
    const meetingId = created.id ?? "";
    const refused = await markMeetingHeld(cast.secretariat, { meetingId }, t);
    expect(refused).toEqual({
      ok: false,
      message: t("meetings.heldBeforeDate", { date: formatDate(tomorrow, "fa") }),
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("PLANNED");
    expect(await db.auditEvent.count({ where: { entityId: meetingId, action: "meeting.held" } })).toBe(0);
    // On the day itself it may be.
    expect((await markMeetingHeld(cast.secretariat, { meetingId }, t, "fa", tomorrow)).ok).toBe(true);
  });

  it("refuses a session dated before one whose minutes are approved, so numbers never run out of date order", async () => {
    const approved = await session("1421/03/10");
    expect(approved.ok).toBe(true);
    await db.meeting.update({ where: { id: approved.id ?? "" }, data: { status: "MINUTES_APPROVED" } });
    const count = () => db.meeting.count({ where: { provinceId: cast.provinceId, jalaliYear: 1421 } });
    const before = await count();

    const early = await session("1421/03/01");
    expect(early.ok).toBe(false);
    expect(early.message).toContain(formatDate("2042-05-31", "fa"));
    expect(early.fieldErrors?.date).toHaveLength(1);
    expect(await count()).toBe(before);

    const later = await session("1421/04/01");
    expect(later.ok).toBe(true);
    const numbers = await db.meeting.findMany({
      where: { provinceId: cast.provinceId, jalaliYear: 1421 },
      orderBy: { startsAt: "asc" },
      select: { number: true },
    });
    expect(numbers.map((m) => m.number)).toEqual([1, 2]);

    // Nor can a planned one be moved before it.
    const moved = await db.meeting.findUniqueOrThrow({ where: { id: later.id ?? "" } });
    expect(
      await rescheduleMeeting(
        cast.secretariat,
        { meetingId: moved.id, version: moved.version, date: "1421/02/20", time: "09:00" },
        t,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { date: [expect.any(String)] } });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: moved.id } })).startsAt).toEqual(
      moved.startsAt,
    );
  });
});
