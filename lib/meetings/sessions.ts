import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, provinceWhere, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { addDays, formatDate, jalaliParts, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { assertCurrentVersion, isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import type { BodyKind } from "@/lib/generated/prisma/enums";
import { meetingTitle } from "@/lib/meetings/title";
import { issueSessionNotices, withNoticeNumbering } from "@/lib/notices/issue";
import { notify, roleRecipients } from "@/lib/notifications/inbox";
import { holidaysBetween } from "@/lib/calendar/holidays";
import { holidaySet, isWorkingDay } from "@/lib/calendar/working-days";
import { lockMeetingForWrite } from "./guard";
import { snapshotResolutions } from "./minutes";
import { sealMinutes } from "./minutes-proof";
import { assertDateAfterApproved, renumberSessions } from "./numbering";
import { createMeetingSchema, meetingRefSchema, rescheduleMeetingSchema } from "./schema";

// Session lifecycle: create (numbered within the Jalali year), plan the committee's next
// Sunday, re-date, mark held, approve the minutes. The agenda lives in ./agenda.ts and
// attendance in ./attendance.ts; ./guard.ts locks a session for any of them.
// Domain mutations take the actor as an argument (tests and jobs use the same code); only
// ./actions.ts is reachable from the browser and it passes the signed-in user.

/** Tehran has had no daylight saving since 1401, so its wall clock is UTC+03:30 all year. */
export const tehranInstant = (isoDate: string, hhmm: string) => new Date(`${isoDate}T${hhmm}:00+03:30`);

/** The committee meets on Sunday mornings: the default day a new committee session is offered. */
export const COMMITTEE_WEEKDAY = 0;
export const COMMITTEE_TIME = "08:30";

type MeetingCreated = FormState & { id?: string; title?: string };

/** A number no session of the body's year holds, taken under the body's row lock. */
async function nextFreeNumber(tx: Tx, bodyId: string, jalaliYear: number): Promise<number> {
  await tx.$queryRaw`SELECT id FROM "Body" WHERE id = ${bodyId} FOR UPDATE`;
  const { _max } = await tx.meeting.aggregate({ where: { bodyId, jalaliYear }, _max: { number: true } });
  return (_max.number ?? 0) + 1;
}

/**
 * Creates a session numbered within its body's Jalali year in date order (./numbering.ts); the
 * planned sessions dated after it move up one. The body's row lock serialises two secretaries
 * saving at once; should a number still collide, the loser simply tries again.
 */
async function insertMeeting(
  actor: Actor,
  input: { bodyKind: BodyKind; date: string; time: string; place: string | null },
  t: Translate,
  locale: Locale,
  auditAction: string,
): Promise<{ id: string; title: string }> {
  const provinceId = writeProvince(actor, "meeting.write");
  const jalaliYear = jalaliParts(input.date).year;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const body = await tx.body.findUnique({
          where: { provinceId_kind: { provinceId, kind: input.bodyKind } },
          select: { id: true, kind: true },
        });
        if (!body) throw new UserFacingError(t("errors.notFoundRecord"));
        const startsAt = tehranInstant(input.date, input.time);
        await assertDateAfterApproved(tx, body.id, jalaliYear, startsAt, null, locale, t);
        // Entered last, numbered last for a moment; renumberSessions then puts it in date order.
        const created = await tx.meeting.create({
          data: {
            provinceId,
            bodyId: body.id,
            jalaliYear,
            number: await nextFreeNumber(tx, body.id, jalaliYear),
            startsAt,
            place: input.place,
          },
          select: { id: true },
        });
        const renumbered = await renumberSessions(tx, body.id, jalaliYear);
        const meeting = await tx.meeting.findUniqueOrThrow({
          where: { id: created.id },
          select: {
            id: true,
            jalaliYear: true,
            number: true,
            startsAt: true,
            place: true,
            status: true,
            bodyId: true,
          },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: auditAction,
          entityType: "Meeting",
          entityId: meeting.id,
          after: { ...meeting, renumbered: renumbered.filter((r) => r.id !== meeting.id) },
        });
        return {
          id: meeting.id,
          title: meetingTitle({ number: meeting.number, jalaliYear, body: { kind: body.kind } }, locale, t),
        };
      });
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 3) continue;
      if (isUniqueViolation(err)) throw new UserFacingError(t("meetings.numberTaken"));
      throw err;
    }
  }
}

export async function createMeeting(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale,
): Promise<MeetingCreated> {
  return mutation(t, async () => {
    const parsed = createMeetingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "meeting.write");
    const created = await insertMeeting(actor, parsed.data, t, locale, "meeting.create");
    return { ok: true, message: t("meetings.created", { title: created.title }), id: created.id };
  });
}

/** The first Sunday after today on which the committee has no session yet. */
export async function nextFreeCommitteeSunday(provinceId: string, today = todayInTehran()): Promise<string> {
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay();
  let sunday = addDays(today, (7 - dow + COMMITTEE_WEEKDAY) % 7 || 7);
  const taken = await db.meeting.findMany({
    where: { provinceId, body: { kind: "COMMITTEE" }, startsAt: { gte: tehranInstant(sunday, "00:00") } },
    select: { startsAt: true },
  });
  const takenDays = new Set(taken.map((m) => todayInTehran(m.startsAt)));
  // A Sunday that is an official holiday (or one the province added) is no committee day;
  // half a year ahead is far more than holidays and taken Sundays can fill.
  const daysOff = holidaySet(await holidaysBetween(provinceId, sunday, addDays(sunday, 183), "fa"));
  while (takenDays.has(sunday) || !isWorkingDay(sunday, daysOff)) sunday = addDays(sunday, 7);
  return sunday;
}

/** One click: the committee's next weekly session on the next free working Sunday at 08:30. */
export async function planNextCommitteeMeeting(
  actor: Actor | null,
  t: Translate,
  locale: Locale,
  today = todayInTehran(),
): Promise<MeetingCreated> {
  return mutation(t, async () => {
    authorize(actor, "meeting.write");
    const provinceId = writeProvince(actor, "meeting.write");
    const sunday = await nextFreeCommitteeSunday(provinceId, today);
    const previous = await db.meeting.findFirst({
      where: { provinceId, body: { kind: "COMMITTEE" }, place: { not: null } },
      orderBy: { startsAt: "desc" },
      select: { place: true },
    });
    const created = await insertMeeting(
      actor,
      { bodyKind: "COMMITTEE", date: sunday, time: COMMITTEE_TIME, place: previous?.place ?? null },
      t,
      locale,
      "meeting.planNextCommittee",
    );
    return {
      ok: true,
      message: t("meetings.plannedNextCommittee", { date: formatDate(sunday, locale) }),
      id: created.id,
      title: created.title,
    };
  });
}

/**
 * Moves a planned session to another date, time or place. Its number and those of the other
 * planned sessions of its body follow the new date (./numbering.ts); a session moved into
 * another Jalali year leaves a renumbered old year behind. Held sessions keep their date: it is
 * what happened.
 */
export async function rescheduleMeeting(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale = "fa",
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = rescheduleMeetingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const input = parsed.data;
    await db.$transaction(async (tx) => {
      const { meeting } = await lockMeetingForWrite(tx, actor, input.meetingId, "meeting.write", null, t);
      if (meeting.status !== "PLANNED") throw new UserFacingError(t("meetings.rescheduleOnlyPlanned"));
      const before = await tx.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { jalaliYear: true, number: true, startsAt: true, place: true },
      });
      const jalaliYear = jalaliParts(input.date).year;
      const yearChanged = jalaliYear !== before.jalaliYear;
      await assertDateAfterApproved(
        tx,
        meeting.bodyId,
        jalaliYear,
        tehranInstant(input.date, input.time),
        meeting.id,
        locale,
        t,
      );
      // Two secretaries moving the same session: the second, drawn before the first saved,
      // is refused rather than silently putting the session back where it was.
      assertCurrentVersion(
        await tx.meeting.updateMany({
          where: { id: meeting.id, version: input.version },
          data: {
            startsAt: tehranInstant(input.date, input.time),
            place: input.place,
            version: { increment: 1 },
            ...(yearChanged
              ? { jalaliYear, number: await nextFreeNumber(tx, meeting.bodyId, jalaliYear) }
              : {}),
          },
        }),
        t,
      );
      const renumbered = [
        ...(yearChanged ? await renumberSessions(tx, meeting.bodyId, before.jalaliYear) : []),
        ...(await renumberSessions(tx, meeting.bodyId, jalaliYear)),
      ];
      const after = await tx.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { jalaliYear: true, number: true, startsAt: true, place: true },
      });
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "meeting.reschedule",
        entityType: "Meeting",
        entityId: meeting.id,
        before,
        after: { ...after, renumbered: renumbered.filter((r) => r.id !== meeting.id) },
      });
    });
    return { ok: true, message: t("meetings.rescheduled") };
  });
}

/**
 * Records a planned session as held, on or after its date: held sessions are numbered for good
 * once their minutes are approved, so one "held" ahead of its date would fix a number out of
 * date order (issue #30; docs/decisions/031).
 */
export async function markMeetingHeld(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale = "fa",
  today = todayInTehran(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = meetingRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const { meeting } = await lockMeetingForWrite(
        tx,
        actor,
        parsed.data.meetingId,
        "meeting.write",
        null,
        t,
      );
      if (meeting.status !== "PLANNED") throw new UserFacingError(t("meetings.notPlanned"));
      const sessionDay = todayInTehran(meeting.startsAt);
      if (sessionDay > today)
        throw new UserFacingError(t("meetings.heldBeforeDate", { date: formatDate(sessionDay, locale) }));
      const held = await tx.meeting.update({
        where: { id: meeting.id },
        data: { status: "HELD" },
        select: { number: true, jalaliYear: true, body: { select: { kind: true } } },
      });
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "meeting.held",
        entityType: "Meeting",
        entityId: meeting.id,
        before: { status: meeting.status },
        after: { status: "HELD" },
      });
      // The minutes of a held session wait for the chair: tell them (once per session).
      await notify(tx, {
        kind: "minutes.ready",
        eventKey: `minutes.ready:${meeting.id}`,
        provinceId: meeting.provinceId,
        link: `/meetings/${meeting.id}/minutes`,
        recipients: await roleRecipients(tx, meeting.provinceId, "CHAIR"),
        params: (locale, tr) => ({ meeting: meetingTitle(held, locale, tr) }),
      });
    });
    return { ok: true, message: t("meetings.markedHeld") };
  });
}

/** The chair approves the minutes; from then on the session's records change only by amendment. */
export async function approveMinutes(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = meetingRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "minutes.approve");
    // Approval issues the session's notices, numbered in the province's yearly series: a
    // number taken by a concurrent approval makes the whole transaction run again.
    await withNoticeNumbering(() =>
      db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Meeting" WHERE id = ${parsed.data.meetingId} FOR UPDATE`;
        const meeting = rows.length
          ? await tx.meeting.findFirst({
              where: { id: parsed.data.meetingId, ...provinceWhere(actor) },
              select: { id: true, provinceId: true, status: true },
            })
          : null;
        if (!meeting) throw new UserFacingError(t("errors.notFoundRecord"));
        authorize(actor, "minutes.approve", { provinceId: meeting.provinceId });
        if (meeting.status === "MINUTES_APPROVED")
          throw new UserFacingError(t("meetings.minutes.alreadyApproved"));
        if (meeting.status !== "HELD") throw new UserFacingError(t("meetings.minutes.mustBeHeld"));
        const after = await tx.meeting.update({
          where: { id: meeting.id },
          data: {
            status: "MINUTES_APPROVED",
            minutesApprovedAt: new Date(),
            minutesApprovedById: actor.id,
            // What the chair approved, as printed: later changes to the resolutions are
            // amendments listed under it, never a silent rewrite of the minutes (./minutes.ts).
            approvedResolutions: await snapshotResolutions(tx, meeting.id),
          },
          select: { status: true, minutesApprovedAt: true, minutesApprovedById: true },
        });
        // The approved minutes' verification code and fingerprint (./minutes-proof.ts).
        const seal = await sealMinutes(tx, meeting.id);
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: meeting.provinceId,
          action: "minutes.approve",
          entityType: "Meeting",
          entityId: meeting.id,
          before: { status: meeting.status },
          after: { ...after, ...seal },
        });
        await issueSessionNotices(tx, meeting.id, meeting.provinceId, actor.id);
      }),
    );
    return { ok: true, message: t("meetings.minutes.approved") };
  });
}
