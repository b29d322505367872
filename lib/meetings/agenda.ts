import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { assertCurrentVersion, mutation, UserFacingError } from "@/lib/mutation";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BodyKind } from "@/lib/generated/prisma/enums";
import { auditSessionWrite, lockMeetingForWrite } from "./guard";
import { arrangeAgenda, lockSessionOrder } from "./ordering";
import { publishChange } from "@/lib/live/publish";
import { inviteApplicantsToSession, tellApplicantsOfObstacles } from "@/lib/requests/follow";
import { ELIGIBLE_STATUS, obstacleStatusFor, STATUSES_A_SESSION_CONTROLS } from "./lifecycle";
import {
  addToAgendaSchema,
  agendaItemRefSchema,
  moveAgendaItemSchema,
  OUTCOMES_FOR,
  outcomeSchema,
  presenterSchema,
} from "./schema";

// The agenda of a session: which units and obstacles it reviews, in what order, with which
// outcome, and the obstacle statuses those outcomes drive (./lifecycle.ts).

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
  // A unit's applicant hears of the step (issue #32).
  await tellApplicantsOfObstacles(
    tx,
    changing.map((o) => o.id),
  );
  return changing.map((o) => ({ id: o.id, from: o.status, to }));
}

async function loadItem(tx: Tx, itemId: string, t: Translate) {
  const item = await tx.agendaItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      meetingId: true,
      unitId: true,
      position: true,
      presenter: true,
      outcome: true,
      version: true,
    },
  });
  if (!item) throw new UserFacingError(t("errors.notFoundRecord"));
  return item;
}

/** An agenda item about to change, with its session locked and checked for this writer. */
async function itemForWrite(
  tx: Tx,
  actor: Actor | null,
  input: { itemId: string; amendmentReason: string | null },
  t: Translate,
) {
  const item = await loadItem(tx, input.itemId, t);
  const session = await lockMeetingForWrite(
    tx,
    actor,
    item.meetingId,
    "meeting.write",
    input.amendmentReason,
    t,
  );
  return { item, ...session };
}

/**
 * Writes an agenda item's outcome or presenter as a compare-and-set on its version (decision
 * 051): a clerk whose screen showed an older state gets the conflict message and the live
 * refresh shows them what the other clerk chose. Returns the new version, which the entry
 * screen sends with its next change of the same item.
 */
async function writeItem(
  tx: Tx,
  itemId: string,
  version: number | undefined,
  data: Prisma.AgendaItemUpdateManyMutationInput,
  t: Translate,
): Promise<number> {
  const updated = await tx.agendaItem.updateMany({
    where: { id: itemId, ...(version === undefined ? {} : { version }) },
    data: { ...data, version: { increment: 1 } },
  });
  assertCurrentVersion(updated, t);
  const { version: now } = await tx.agendaItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { version: true },
  });
  return now;
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
      // Before reading the agenda: a second clerk adding the same unit waits and then finds it.
      await lockSessionOrder(tx, "agenda", meeting.id);
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
      const changes = [];
      for (const [unitId, obstacleIds] of byUnit) {
        const item =
          existing.find((i) => i.unitId === unitId) ??
          (await tx.agendaItem.create({
            // No position: the database gives the next one (./ordering.ts).
            data: { meetingId: meeting.id, unitId },
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
      // A unit that filed its own case is invited to the committee that will hear it.
      await inviteApplicantsToSession(
        tx,
        meeting.id,
        obstacles.map((o) => o.id),
      );
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.add",
        entityType: "Meeting",
        entityId: meeting.id,
        after: { changes },
      });
      await publishChange(tx, { meetingId: meeting.id, what: "agenda", itemId: null, by: actor?.id ?? null });
    });
    return { ok: true, message: t("meetings.agenda.added", { count: ids.length }) };
  });
}

export async function removeAgendaItem(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = agendaItemRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const { item, meeting, amendmentReason } = await itemForWrite(tx, actor, parsed.data, t);
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
      await lockSessionOrder(tx, "agenda", meeting.id);
      await tx.agendaItem.delete({ where: { id: item.id } });
      // The items after it move up one, so the agenda reads 1..n.
      const rest = await tx.agendaItem.findMany({
        where: { meetingId: meeting.id },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, position: true },
      });
      await arrangeAgenda(
        tx,
        rest,
        rest.map((i) => i.id),
      );
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.remove",
        entityType: "AgendaItem",
        entityId: item.id,
        before: { ...item, obstacleIds: links.map((l) => l.obstacleId) },
      });
      await publishChange(tx, {
        meetingId: meeting.id,
        what: "agenda",
        itemId: item.id,
        by: actor?.id ?? null,
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
      const { item, meeting, amendmentReason } = await itemForWrite(tx, actor, parsed.data, t);
      // Two clerks moving items at once each move from the order the other left.
      await lockSessionOrder(tx, "agenda", meeting.id);
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
      await arrangeAgenda(tx, items, order);
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.reorder",
        entityType: "Meeting",
        entityId: meeting.id,
        before: { order: items.map((i) => i.id) },
        after: { order },
      });
      await publishChange(tx, {
        meetingId: meeting.id,
        what: "agenda",
        itemId: item.id,
        by: actor?.id ?? null,
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
      const { item, meeting, amendmentReason } = await itemForWrite(tx, actor, parsed.data, t);
      await writeItem(tx, item.id, parsed.data.version, { presenter: parsed.data.presenter }, t);
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "agenda.presenter",
        entityType: "AgendaItem",
        entityId: item.id,
        before: { presenter: item.presenter },
        after: { presenter: parsed.data.presenter },
      });
      await publishChange(tx, {
        meetingId: meeting.id,
        what: "agenda",
        itemId: item.id,
        by: actor?.id ?? null,
      });
    });
    return { ok: true, message: t("meetings.agenda.presenterSaved") };
  });
}

/** Records a unit's outcome and moves its obstacles along in the same transaction. */
export type OutcomeSaved = FormState & { version?: number };

export async function setOutcome(actor: Actor | null, raw: unknown, t: Translate): Promise<OutcomeSaved> {
  return mutation(t, async (): Promise<OutcomeSaved> => {
    const parsed = outcomeSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { outcome } = parsed.data;
    const version = await db.$transaction(async (tx) => {
      const { item, meeting, amendmentReason } = await itemForWrite(tx, actor, parsed.data, t);
      const kind = meeting.body.kind;
      if (outcome !== null && !(OUTCOMES_FOR[kind] as readonly string[]).includes(outcome))
        throw new UserFacingError(t("meetings.outcome.notForBody"), {
          outcome: [t("meetings.outcome.notForBody")],
        });
      const version = await writeItem(tx, item.id, parsed.data.version, { outcome }, t);
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
      await publishChange(tx, {
        meetingId: meeting.id,
        what: "outcome",
        itemId: item.id,
        by: actor?.id ?? null,
      });
      return version;
    });
    return { ok: true, message: t("meetings.outcome.saved"), version };
  });
}
