import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, provinceWhere, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { addDays, formatDate, jalaliParts, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BodyKind } from "@/lib/generated/prisma/enums";
import { meetingTitle } from "@/lib/meetings/title";
import { auditSessionWrite, lockMeetingForWrite } from "./guard";
import { ELIGIBLE_STATUS, obstacleStatusFor, STATUSES_A_SESSION_CONTROLS } from "./lifecycle";
import {
  addToAgendaSchema,
  agendaItemRefSchema,
  attendanceSchema,
  createMeetingSchema,
  meetingRefSchema,
  moveAgendaItemSchema,
  OUTCOMES_FOR,
  outcomeSchema,
  presenterSchema,
} from "./schema";

// Domain mutations take the actor as an argument (tests and jobs use the same code); only
// ./actions.ts is reachable from the browser and it passes the signed-in user.

/** Tehran has had no daylight saving since 1401, so its wall clock is UTC+03:30 all year. */
export const tehranInstant = (isoDate: string, hhmm: string) => new Date(`${isoDate}T${hhmm}:00+03:30`);

/** The committee meets on Sunday mornings (DESIGN.md §2). */
export const COMMITTEE_WEEKDAY = 0;
export const COMMITTEE_TIME = "08:30";

type MeetingCreated = FormState & { id?: string; title?: string };

/**
 * Creates a session numbered within its body's Jalali year: number = max + 1, read inside the
 * transaction. Two secretaries saving at the same moment collide on the unique
 * (bodyId, jalaliYear, number) constraint; the loser simply tries again with the next number.
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
        const { _max } = await tx.meeting.aggregate({
          where: { bodyId: body.id, jalaliYear },
          _max: { number: true },
        });
        const number = (_max.number ?? 0) + 1;
        const meeting = await tx.meeting.create({
          data: {
            provinceId,
            bodyId: body.id,
            jalaliYear,
            number,
            startsAt: tehranInstant(input.date, input.time),
            place: input.place,
          },
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
          after: meeting,
        });
        return {
          id: meeting.id,
          title: meetingTitle({ number, jalaliYear, body: { kind: body.kind } }, locale, t),
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
  while (takenDays.has(sunday)) sunday = addDays(sunday, 7);
  return sunday;
}

/** One click: the committee's next weekly session on the next free Sunday at 08:30. */
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

export async function markMeetingHeld(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
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
      await tx.meeting.update({ where: { id: meeting.id }, data: { status: "HELD" } });
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "meeting.held",
        entityType: "Meeting",
        entityId: meeting.id,
        before: { status: meeting.status },
        after: { status: "HELD" },
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
    await db.$transaction(async (tx) => {
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
        data: { status: "MINUTES_APPROVED", minutesApprovedAt: new Date(), minutesApprovedById: actor.id },
        select: { status: true, minutesApprovedAt: true, minutesApprovedById: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: meeting.provinceId,
        action: "minutes.approve",
        entityType: "Meeting",
        entityId: meeting.id,
        before: { status: meeting.status },
        after,
      });
    });
    return { ok: true, message: t("meetings.minutes.approved") };
  });
}

// ─── Agenda ──────────────────────────────────────────────────────────────────

/**
 * The obstacles a (late) change of a session's records may still move. A RESOLVED obstacle is
 * the committee's only when the committee settled it itself, i.e. no resolution is linked to
 * it: one with resolutions was resolved by follow-up verification, which no change of a
 * committee outcome may undo.
 */
function controlledBy(kind: BodyKind): Prisma.ObstacleWhereInput {
  const statuses = STATUSES_A_SESSION_CONTROLS[kind];
  const unconditional = statuses.filter((s) => s !== "RESOLVED");
  return {
    OR: [
      { status: { in: unconditional } },
      ...(statuses.includes("RESOLVED") ? [{ status: "RESOLVED" as const, resolutions: { none: {} } }] : []),
    ],
  };
}

/** Moves the item's obstacles to the status its outcome implies, leaving cases that moved on alone. */
async function applyOutcomeToObstacles(
  tx: Tx,
  kind: BodyKind,
  itemId: string,
  outcome: Parameters<typeof obstacleStatusFor>[1],
  obstacleIds?: string[],
) {
  const to = obstacleStatusFor(kind, outcome);
  const links = await tx.agendaItemObstacle.findMany({
    where: { agendaItemId: itemId, ...(obstacleIds ? { obstacleId: { in: obstacleIds } } : {}) },
    select: { obstacleId: true },
  });
  const ids = links.map((l) => l.obstacleId);
  const before = await tx.obstacle.findMany({
    where: { id: { in: ids }, ...controlledBy(kind) },
    select: { id: true, status: true },
  });
  const changing = before.filter((o) => o.status !== to);
  // The condition again on the update: a case that moved on since the read stays where it is.
  if (changing.length)
    await tx.obstacle.updateMany({
      where: { id: { in: changing.map((o) => o.id) }, ...controlledBy(kind) },
      data: { status: to },
    });
  return changing.map((o) => ({ id: o.id, from: o.status, to }));
}

async function loadItem(tx: Tx, itemId: string, t: Translate) {
  const item = await tx.agendaItem.findUnique({
    where: { id: itemId },
    select: { id: true, meetingId: true, unitId: true, position: true, presenter: true, outcome: true },
  });
  if (!item) throw new UserFacingError(t("errors.notFoundRecord"));
  return item;
}

export async function addToAgenda(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = addToAgendaSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const ids = [...new Set(parsed.data.obstacleIds)];
    await db.$transaction(async (tx) => {
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        parsed.data.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      const kind = meeting.body.kind;
      // Eligible: in this province, of a unit still in the register (not archived), at the
      // stage this body reviews, and not already waiting on another session's agenda (an item
      // without an outcome yet).
      const obstacles = await tx.obstacle.findMany({
        where: {
          id: { in: ids },
          provinceId: meeting.provinceId,
          unit: { archivedAt: null },
          status: ELIGIBLE_STATUS[kind],
          agendaItems: { none: { agendaItem: { outcome: null } } },
        },
        select: { id: true, unitId: true },
      });
      if (obstacles.length !== ids.length) throw new UserFacingError(t("meetings.agenda.notEligible"));
      // Units join the agenda in the order the secretariat picked their obstacles (the
      // database returns rows in no particular order).
      obstacles.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      const byUnit = new Map<string, string[]>();
      for (const o of obstacles) byUnit.set(o.unitId, [...(byUnit.get(o.unitId) ?? []), o.id]);
      const existing = await tx.agendaItem.findMany({
        where: { meetingId: meeting.id },
        select: { id: true, unitId: true, position: true, outcome: true },
      });
      let position = Math.max(0, ...existing.map((i) => i.position));
      const changes = [];
      for (const [unitId, obstacleIds] of byUnit) {
        const item =
          existing.find((i) => i.unitId === unitId) ??
          (await tx.agendaItem.create({
            data: { meetingId: meeting.id, unitId, position: ++position },
            select: { id: true, unitId: true, position: true, outcome: true },
          }));
        await tx.agendaItemObstacle.createMany({
          data: obstacleIds.map((obstacleId) => ({ agendaItemId: item.id, obstacleId })),
          skipDuplicates: true,
        });
        changes.push({
          itemId: item.id,
          unitId,
          obstacleIds,
          statuses: await applyOutcomeToObstacles(tx, kind, item.id, item.outcome, obstacleIds),
        });
      }
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.add",
        entityType: "Meeting",
        entityId: meeting.id,
        after: { changes },
      });
    });
    return { ok: true, message: t("meetings.agenda.added", { count: ids.length }) };
  });
}

export async function removeAgendaItem(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = agendaItemRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const item = await loadItem(tx, parsed.data.itemId, t);
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        item.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      if ((await tx.resolution.count({ where: { agendaItemId: item.id } })) > 0)
        throw new UserFacingError(t("meetings.agenda.hasResolutions"));
      const kind = meeting.body.kind;
      // Back to the stage the obstacles were at before this session took them up.
      const links = await tx.agendaItemObstacle.findMany({
        where: { agendaItemId: item.id },
        select: { obstacleId: true },
      });
      const back = ELIGIBLE_STATUS[kind];
      await tx.obstacle.updateMany({
        where: { id: { in: links.map((l) => l.obstacleId) }, ...controlledBy(kind) },
        data: { status: back },
      });
      await tx.agendaItem.delete({ where: { id: item.id } });
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.remove",
        entityType: "AgendaItem",
        entityId: item.id,
        before: { ...item, obstacleIds: links.map((l) => l.obstacleId) },
      });
    });
    return { ok: true, message: t("meetings.agenda.removed") };
  });
}

export async function moveAgendaItem(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = moveAgendaItemSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const item = await loadItem(tx, parsed.data.itemId, t);
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        item.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      const items = await tx.agendaItem.findMany({
        where: { meetingId: meeting.id },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, position: true },
      });
      const order = items.map((i) => i.id);
      const from = order.indexOf(item.id);
      const to = parsed.data.direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to] ?? item.id, order[from] ?? item.id];
      // Positions are rewritten 1..n so earlier gaps and ties disappear with the first move.
      for (const [index, id] of order.entries()) {
        const current = items.find((i) => i.id === id);
        if (current && current.position !== index + 1)
          await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
      }
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.reorder",
        entityType: "Meeting",
        entityId: meeting.id,
        before: { order: items.map((i) => i.id) },
        after: { order },
      });
    });
    return { ok: true, message: t("meetings.agenda.moved") };
  });
}

export async function setPresenter(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = presenterSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const item = await loadItem(tx, parsed.data.itemId, t);
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        item.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      await tx.agendaItem.update({ where: { id: item.id }, data: { presenter: parsed.data.presenter } });
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.presenter",
        entityType: "AgendaItem",
        entityId: item.id,
        before: { presenter: item.presenter },
        after: { presenter: parsed.data.presenter },
      });
    });
    return { ok: true, message: t("meetings.agenda.presenterSaved") };
  });
}

/** Records a unit's outcome and moves its obstacles along in the same transaction. */
export async function setOutcome(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = outcomeSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { outcome } = parsed.data;
    await db.$transaction(async (tx) => {
      const item = await loadItem(tx, parsed.data.itemId, t);
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        item.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      const kind = meeting.body.kind;
      if (outcome !== null && !(OUTCOMES_FOR[kind] as readonly string[]).includes(outcome))
        throw new UserFacingError(t("meetings.outcome.notForBody"), {
          outcome: [t("meetings.outcome.notForBody")],
        });
      await tx.agendaItem.update({ where: { id: item.id }, data: { outcome } });
      const obstacles = await applyOutcomeToObstacles(tx, kind, item.id, outcome);
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.outcome",
        entityType: "AgendaItem",
        entityId: item.id,
        before: { outcome: item.outcome },
        after: { outcome, obstacles },
      });
    });
    return { ok: true, message: t("meetings.outcome.saved") };
  });
}

// ─── Attendance ──────────────────────────────────────────────────────────────

export async function saveAttendance(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = attendanceSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        parsed.data.meetingId,
        "meeting.write",
        parsed.data.amendmentReason,
        t,
      );
      const members = await tx.bodyMember.findMany({
        where: { bodyId: meeting.bodyId },
        select: { agencyId: true },
      });
      const memberIds = new Set(members.map((m) => m.agencyId));
      if (parsed.data.entries.some((e) => !memberIds.has(e.agencyId)))
        throw new UserFacingError(t("meetings.attendance.notMember"));
      const before = await tx.attendance.findMany({
        where: { meetingId: meeting.id },
        select: { agencyId: true, mode: true, attendeeName: true },
      });
      for (const entry of parsed.data.entries) {
        const key = { meetingId_agencyId: { meetingId: meeting.id, agencyId: entry.agencyId } };
        if (entry.mode === null)
          await tx.attendance.deleteMany({ where: { meetingId: meeting.id, agencyId: entry.agencyId } });
        else
          await tx.attendance.upsert({
            where: key,
            create: {
              meetingId: meeting.id,
              agencyId: entry.agencyId,
              mode: entry.mode,
              attendeeName: entry.attendeeName,
            },
            update: { mode: entry.mode, attendeeName: entry.attendeeName },
          });
      }
      const after = await tx.attendance.findMany({
        where: { meetingId: meeting.id },
        select: { agencyId: true, mode: true, attendeeName: true },
      });
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "attendance.save",
        entityType: "Meeting",
        entityId: meeting.id,
        before,
        after,
      });
    });
    return { ok: true, message: t("meetings.attendance.saved") };
  });
}
