import "server-only";
import { tellApplicantsOfObstacles } from "@/lib/requests/follow";
import { assertNotSubmitted, claimSubmission, rememberAnswer, submissionKey } from "@/lib/idempotency";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, todayInTehran } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { recordAudit } from "@/lib/audit/record";
import { auditSessionWrite, lockMeetingForWrite } from "./guard";
import { closeResolutionGap } from "./ordering";
import { publishChange } from "@/lib/live/publish";
import { deleteResolutionSchema, resolutionSchema } from "./schema";

// Resolutions as they are adopted in a session, one unit at a time. Each is saved on its own
// (the secretariat may lose the connection half-way through thirty units); follow-up after the
// session (progress, verification, extensions) lives in lib/resolutions.

const AUDITED = {
  id: true,
  meetingId: true,
  unitId: true,
  agendaItemId: true,
  sequence: true,
  text: true,
  responsibleAgencyId: true,
  deadline: true,
  status: true,
  version: true,
  supportingAgencies: { select: { agencyId: true } },
  obstacles: { select: { obstacleId: true } },
} as const;

async function assertAgencies(
  tx: Tx,
  provinceId: string,
  responsibleId: string,
  supportingIds: string[],
  t: Translate,
) {
  const usable = { provinceId, active: true };
  const fieldError = (field: string) =>
    new UserFacingError(t("validation.invalidInput"), { [field]: [t("meetings.entry.agencyInvalid")] });
  if ((await tx.agency.count({ where: { id: responsibleId, ...usable } })) !== 1)
    throw fieldError("responsibleAgencyId");
  if (
    supportingIds.length &&
    (await tx.agency.count({ where: { id: { in: supportingIds }, ...usable } })) !== supportingIds.length
  )
    throw fieldError("supportingAgencyIds");
}

/**
 * The obstacles a resolution answers: those chosen, which must be on its agenda item (a
 * resolution cannot answer another unit's obstacle), or every obstacle of the item when the
 * form named none. An obstacle is resolved once all of its own resolutions are verified
 * (lib/resolutions/mutations.ts), so these links decide when each obstacle is closed.
 */
function chosenObstacles(onItem: string[], chosen: string[] | undefined, t: Translate): string[] {
  if (chosen === undefined) return onItem;
  const unique = [...new Set(chosen)];
  if (unique.some((id) => !onItem.includes(id)))
    throw new UserFacingError(t("validation.invalidInput"), {
      obstacleIds: [t("meetings.entry.obstacleNotOnAgenda")],
    });
  return unique;
}

/**
 * After a resolution starts or stops answering obstacles, each of them is resolved exactly when
 * it has resolutions and all of them are verified (cancelled ones aside). Only the follow-up's
 * pair DECIDED ⇄ RESOLVED moves here; an obstacle the committee settled has no resolution and
 * one still on its way (REFERRED) is the session outcome's to move.
 */
async function resettleObstacles(
  tx: Tx,
  actorId: string | null,
  obstacleIds: string[],
  resolutionId: string,
) {
  const ids = [...new Set(obstacleIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Obstacle" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  const obstacles = await tx.obstacle.findMany({
    where: { id: { in: ids }, status: { in: ["DECIDED", "RESOLVED"] } },
    select: {
      id: true,
      status: true,
      provinceId: true,
      resolutions: { select: { resolution: { select: { status: true } } } },
    },
  });
  for (const obstacle of obstacles) {
    const live = obstacle.resolutions.filter((r) => r.resolution.status !== "CANCELLED");
    const done = live.length > 0 && live.every((r) => r.resolution.status === "VERIFIED");
    const next = done ? "RESOLVED" : live.length > 0 ? "DECIDED" : obstacle.status;
    if (next === obstacle.status) continue;
    await tx.obstacle.update({ where: { id: obstacle.id }, data: { status: next } });
    await tellApplicantsOfObstacles(tx, [obstacle.id]);
    await recordAudit(tx, {
      actorId,
      provinceId: obstacle.provinceId,
      action: next === "RESOLVED" ? "obstacle.resolve" : "obstacle.reopen",
      entityType: "Obstacle",
      entityId: obstacle.id,
      before: { status: obstacle.status },
      after: { status: next, byResolution: resolutionId },
    });
  }
}

export type ResolutionSaved = FormState & { id?: string; sequence?: number };

/** Creates a resolution for a unit on the agenda, or updates one still only issued. */
export async function saveResolution(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<ResolutionSaved> {
  return mutation(t, async () => {
    const parsed = resolutionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const input = parsed.data;
    const supporting = [...new Set(input.supportingAgencyIds)].filter((a) => a !== input.responsibleAgencyId);
    // Only a new resolution can be duplicated; saving an existing one again changes nothing.
    const key = input.id === null ? submissionKey(raw) : null;
    await assertNotSubmitted(key);
    return db.$transaction(async (tx) => {
      await claimSubmission(tx, key, actor?.id ?? null);
      const item = await tx.agendaItem.findUnique({
        where: { id: input.itemId },
        select: { id: true, meetingId: true, unitId: true, obstacles: { select: { obstacleId: true } } },
      });
      if (!item) throw new UserFacingError(t("errors.notFoundRecord"));
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        item.meetingId,
        "resolution.write",
        input.amendmentReason,
        t,
      );
      await assertAgencies(tx, meeting.provinceId, input.responsibleAgencyId, supporting, t);
      const obstacleIds = chosenObstacles(
        item.obstacles.map((o) => o.obstacleId),
        input.obstacleIds,
        t,
      );
      if (input.deadline < todayInTehran(meeting.startsAt))
        throw new UserFacingError(t("validation.invalidInput"), {
          deadline: [t("meetings.entry.deadlineBeforeMeeting")],
        });
      const fields = {
        text: input.text,
        responsibleAgencyId: input.responsibleAgencyId,
        deadline: calendarDate(input.deadline),
      };

      if (input.id === null) {
        // No sequence: the database numbers it within the session (./ordering.ts).
        const created = await tx.resolution.create({
          data: {
            ...fields,
            provinceId: meeting.provinceId,
            meetingId: meeting.id,
            unitId: item.unitId,
            agendaItemId: item.id,
            createdById: actor?.id ?? null,
            obstacles: { create: obstacleIds.map((obstacleId) => ({ obstacleId })) },
            supportingAgencies: { create: supporting.map((agencyId) => ({ agencyId })) },
          },
          select: AUDITED,
        });
        await resettleObstacles(tx, actor?.id ?? null, obstacleIds, created.id);
        await auditSessionWrite(tx, amendmentReason, {
          actorId: actor?.id ?? null,
          provinceId: meeting.provinceId,
          action: "resolution.create",
          entityType: "Resolution",
          entityId: created.id,
          after: created,
        });
        await publishChange(tx, {
          meetingId: meeting.id,
          what: "resolution",
          itemId: item.id,
          by: actor?.id ?? null,
        });
        return rememberAnswer(tx, key, {
          ok: true,
          message: t("meetings.entry.saved"),
          id: created.id,
          sequence: created.sequence,
        });
      }

      const before = await tx.resolution.findFirst({
        where: { id: input.id, agendaItemId: item.id },
        select: AUDITED,
      });
      if (!before) throw new UserFacingError(t("errors.notFoundRecord"));
      // Once the agency has started reporting, the text it works from is no longer the session's to edit.
      if (before.status !== "ISSUED") throw new UserFacingError(t("meetings.entry.notEditable"));
      await tx.resolutionSupportingAgency.deleteMany({ where: { resolutionId: before.id } });
      // Links are rewritten only when the form named obstacles: an older client that sends
      // none leaves the resolution answering what it answered.
      if (input.obstacleIds) await tx.resolutionObstacle.deleteMany({ where: { resolutionId: before.id } });
      const after = await tx.resolution.update({
        where: { id: before.id },
        data: {
          ...fields,
          version: { increment: 1 },
          supportingAgencies: { create: supporting.map((agencyId) => ({ agencyId })) },
          ...(input.obstacleIds
            ? { obstacles: { create: obstacleIds.map((obstacleId) => ({ obstacleId })) } }
            : {}),
        },
        select: AUDITED,
      });
      const relinked = [
        ...before.obstacles.map((o) => o.obstacleId),
        ...after.obstacles.map((o) => o.obstacleId),
      ];
      await resettleObstacles(tx, actor?.id ?? null, relinked, before.id);
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "resolution.update",
        entityType: "Resolution",
        entityId: before.id,
        before,
        after,
      });
      await publishChange(tx, {
        meetingId: meeting.id,
        what: "resolution",
        itemId: item.id,
        by: actor?.id ?? null,
      });
      return { ok: true, message: t("meetings.entry.saved"), id: after.id, sequence: after.sequence };
    });
  });
}

export async function deleteResolution(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = deleteResolutionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    await db.$transaction(async (tx) => {
      const before = await tx.resolution.findUnique({ where: { id: parsed.data.id }, select: AUDITED });
      if (!before) throw new UserFacingError(t("errors.notFoundRecord"));
      const { meeting, amendmentReason } = await lockMeetingForWrite(
        tx,
        actor,
        before.meetingId,
        "resolution.write",
        parsed.data.amendmentReason,
        t,
      );
      if (before.status !== "ISSUED") throw new UserFacingError(t("meetings.entry.notEditable"));
      await tx.resolution.delete({ where: { id: before.id } });
      // Approved minutes have been printed and cited: their numbers stay, gap and all.
      if (!amendmentReason) await closeResolutionGap(tx, meeting.id, before.sequence);
      await resettleObstacles(
        tx,
        actor?.id ?? null,
        before.obstacles.map((o) => o.obstacleId),
        before.id,
      );
      await auditSessionWrite(tx, amendmentReason, {
        actorId: actor?.id ?? null,
        provinceId: meeting.provinceId,
        action: "resolution.delete",
        entityType: "Resolution",
        entityId: before.id,
        before,
      });
      await publishChange(tx, {
        meetingId: meeting.id,
        what: "resolution",
        itemId: before.agendaItemId,
        by: actor?.id ?? null,
      });
    });
    return { ok: true, message: t("meetings.entry.deleted") };
  });
}
