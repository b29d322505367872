import "server-only";
import { tellApplicantsOfObstacles } from "@/lib/requests/follow";
import { assertNotSubmitted, claimSubmission, rememberAnswer, submissionKey } from "@/lib/idempotency";
import { db, type Tx } from "@/lib/db";
import { authorize, provinceWhere, type Action, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, todayInTehran } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { storeUploads } from "@/lib/attachments/store";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  agencyRecipients,
  notify,
  RESOLUTION_FOR_NOTICE,
  resolutionParams,
  roleRecipients,
  type Recipient,
} from "@/lib/notifications/inbox";
import { isOpenResolution as isOpen } from "./status";
import { decideExtensionSchema, reportProgressSchema, requestExtensionSchema, verifySchema } from "./schema";

// Follow-up of a resolution: the responsible agency reports and asks for time, the
// secretariat decides and verifies. Each mutation names the `version` the user read and
// updates with `where: { id, version }`, so of two people acting on the same page the
// second is told to reload instead of silently overwriting the first (optimistic
// concurrency). Only lib/resolutions/actions.ts is reachable from the browser.

const conflict = (t: Translate) => new UserFacingError(t("resolutions.conflict"), undefined, "conflict");

const FOR_UPDATE = {
  id: true,
  provinceId: true,
  responsibleAgencyId: true,
  status: true,
  version: true,
  deadline: true,
} as const;
type Locked = Prisma.ResolutionGetPayload<{ select: typeof FOR_UPDATE }>;

/**
 * Loads the resolution in the actor's province, checks the action against its owner and
 * the version the user read. A stale version is a conflict before anything else: whatever
 * the user saw may no longer be true.
 */
async function loadChecked(
  client: Tx | typeof db,
  actor: Actor,
  action: Action,
  id: string,
  version: number,
  t: Translate,
): Promise<Locked> {
  const resolution = await client.resolution.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: FOR_UPDATE,
  });
  if (!resolution) throw new UserFacingError(t("errors.notFoundRecord"));
  authorize(actor, action, {
    provinceId: resolution.provinceId,
    responsibleAgencyId: resolution.responsibleAgencyId,
  });
  if (resolution.version !== version) throw conflict(t);
  return resolution;
}

/** The compare-and-set every change goes through. */
async function bumpVersion(
  tx: Tx,
  id: string,
  version: number,
  data: Prisma.ResolutionUpdateManyMutationInput,
  t: Translate,
) {
  const { count } = await tx.resolution.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw conflict(t);
}

/**
 * Evidence rule (our choice, shown to the agency beside the form): reporting the work done
 * takes a note of at least 10 characters AND at least one attached document — a letter, a
 * signed minute, a bank notice. A note alone is a claim, not evidence.
 */
export async function reportProgress(
  actor: Actor | null,
  raw: unknown,
  files: File[],
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = reportProgressSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, version, note, toStatus, progressPct, milestoneIds, moneyMovement, amount, moneyOn } =
      parsed.data;
    if (!actor) throw new UserFacingError(t("errors.forbidden"));
    // Before the version check: a repeat carries the version the first one already moved on.
    const key = submissionKey(raw);
    await assertNotSubmitted(key);
    if (toStatus === "DONE_REPORTED" && files.length === 0)
      throw new UserFacingError(t("validation.invalidInput"), { files: [t("resolutions.evidenceRequired")] });

    // Refuse before anything is written to storage; the transaction checks again.
    const current = await loadChecked(db, actor, "resolution.report", id, version, t);
    if (!isOpen(current.status)) throw new UserFacingError(t("resolutions.notOpen"), undefined, "conflict");

    // The registry's upload path (same rules, same limits); a failed transaction below
    // removes the bytes again, so a conflict leaves no orphan file behind.
    const { stored, discard } = await storeUploads(files, t);
    try {
      return await db.$transaction(async (tx) => {
        await claimSubmission(tx, key, actor.id);
        const before = await loadChecked(tx, actor, "resolution.report", id, version, t);
        if (!isOpen(before.status))
          throw new UserFacingError(t("resolutions.notOpen"), undefined, "conflict");
        const now = new Date();
        await bumpVersion(
          tx,
          id,
          version,
          { status: toStatus, ...(toStatus === "DONE_REPORTED" ? { doneReportedAt: now } : {}) },
          t,
        );
        // Money moved is a bank's to report: another agency's "released" would count in the
        // banks' figures under a name that is not a bank.
        if (moneyMovement) {
          const agency = await tx.agency.findUniqueOrThrow({
            where: { id: before.responsibleAgencyId },
            select: { kind: true },
          });
          if (agency.kind !== "BANK")
            throw new UserFacingError(t("validation.invalidInput"), {
              moneyMovement: [t("outcomes.v.bankOnly")],
            });
        }
        const report = await tx.progressReport.create({
          data: {
            resolutionId: id,
            authorId: actor.id,
            note,
            fromStatus: before.status,
            toStatus,
            progressPct,
            ...(moneyMovement
              ? { moneyMovement, amountRials: amount, moneyOn: calendarDate(moneyOn ?? todayInTehran()) }
              : {}),
            attachments: { create: stored.map((s) => ({ ...s, uploadedById: actor.id })) },
          },
          select: { id: true },
        });
        const ticked = await tickMilestones(tx, id, report.id, milestoneIds, t);
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: before.provinceId,
          action: "resolution.report",
          entityType: "Resolution",
          entityId: id,
          before: { status: before.status, version },
          after: {
            status: toStatus,
            version: version + 1,
            progressReportId: report.id,
            note,
            attachments: stored.map((s) => s.fileName),
            ...(progressPct !== null ? { progressPct } : {}),
            ...(ticked.length ? { milestonesDone: ticked } : {}),
            ...(moneyMovement ? { moneyMovement, amountRials: String(amount), moneyOn } : {}),
          },
        });
        // Work reported done waits for the secretariat's verification: tell them.
        if (toStatus === "DONE_REPORTED") {
          const r = await tx.resolution.findUniqueOrThrow({ where: { id }, select: RESOLUTION_FOR_NOTICE });
          await notify(tx, {
            kind: "resolution.doneReported",
            eventKey: `resolution.doneReported:${id}:${version + 1}`,
            provinceId: r.provinceId,
            link: `/resolutions/${id}`,
            recipients: await roleRecipients(tx, r.provinceId, "SECRETARIAT"),
            params: resolutionParams(r),
          });
        }
        return rememberAnswer(tx, key, { ok: true, message: t("resolutions.reported") });
      });
    } catch (err) {
      await discard();
      throw err;
    }
  });
}

/**
 * Ticks the milestones a report names. Each must be this resolution's and still open: a box
 * ticked on a page read before another report ticked it is a conflict, not a second tick.
 */
async function tickMilestones(tx: Tx, resolutionId: string, reportId: string, ids: string[], t: Translate) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { count } = await tx.resolutionMilestone.updateMany({
    where: { id: { in: unique }, resolutionId, doneAt: null },
    data: { doneAt: new Date(), doneReportId: reportId },
  });
  if (count !== unique.length) throw conflict(t);
  return unique;
}

export async function requestExtension(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = requestExtensionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, version, newDeadline, reason } = parsed.data;
    if (!actor) throw new UserFacingError(t("errors.forbidden"));
    await db.$transaction(async (tx) => {
      const before = await loadChecked(tx, actor, "resolution.requestExtension", id, version, t);
      if (!isOpen(before.status)) throw new UserFacingError(t("resolutions.notOpen"), undefined, "conflict");
      const requested = calendarDate(newDeadline);
      if (requested.getTime() <= before.deadline.getTime())
        throw new UserFacingError(t("validation.invalidInput"), {
          newDeadline: [t("resolutions.deadlineNotLater")],
        });
      if (await tx.extensionRequest.count({ where: { resolutionId: id, status: "PENDING" } }))
        throw new UserFacingError(t("resolutions.extensionPendingExists"));
      await bumpVersion(tx, id, version, {}, t);
      const request = await tx.extensionRequest.create({
        data: {
          resolutionId: id,
          requestedById: actor.id,
          previousDeadline: before.deadline,
          requestedDeadline: requested,
          reason,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: before.provinceId,
        action: "resolution.requestExtension",
        entityType: "Resolution",
        entityId: id,
        before: { deadline: before.deadline, version },
        after: { extensionRequestId: request.id, requestedDeadline: requested, reason, version: version + 1 },
      });
    });
    return { ok: true, message: t("resolutions.extensionRequested") };
  });
}

export async function decideExtension(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = decideExtensionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, version, extensionId, decision, note } = parsed.data;
    if (!actor) throw new UserFacingError(t("errors.forbidden"));
    const approve = decision === "APPROVE";
    await db.$transaction(async (tx) => {
      const before = await loadChecked(tx, actor, "extension.decide", id, version, t);
      const request = await tx.extensionRequest.findFirst({
        where: { id: extensionId, resolutionId: id },
        select: { status: true, requestedDeadline: true },
      });
      if (!request) throw new UserFacingError(t("errors.notFoundRecord"));
      if (request.status !== "PENDING") throw new UserFacingError(t("resolutions.extensionNotPending"));
      if (approve && !isOpen(before.status))
        throw new UserFacingError(t("resolutions.notOpen"), undefined, "conflict");
      // The old deadline stays on the request row (previousDeadline): that is the history.
      await bumpVersion(tx, id, version, approve ? { deadline: request.requestedDeadline } : {}, t);
      await tx.extensionRequest.update({
        where: { id: extensionId },
        data: {
          status: approve ? "APPROVED" : "REJECTED",
          decidedById: actor.id,
          decidedAt: new Date(),
          decisionNote: note || null,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: before.provinceId,
        action: approve ? "extension.approve" : "extension.reject",
        entityType: "Resolution",
        entityId: id,
        before: { deadline: before.deadline, version },
        after: {
          deadline: approve ? request.requestedDeadline : before.deadline,
          extensionRequestId: extensionId,
          note,
          version: version + 1,
        },
      });
      const r = await tx.resolution.findUniqueOrThrow({ where: { id }, select: RESOLUTION_FOR_NOTICE });
      await notify(tx, {
        kind: approve ? "resolution.extensionApproved" : "resolution.extensionRejected",
        eventKey: `resolution.extension:${extensionId}`,
        provinceId: r.provinceId,
        link: `/resolutions/${id}`,
        recipients: await agencyRecipients(tx, r.responsibleAgencyId),
        params: resolutionParams(r, () => ({ note: note || "—" })),
      });
    });
    return { ok: true, message: t(approve ? "resolutions.approved" : "resolutions.rejected") };
  });
}

/**
 * The secretariat verifies a reported completion or sends it back. A unit's obstacle is
 * resolved once every resolution about it (cancelled ones aside) is verified; reopening a
 * resolution takes such an obstacle back to DECIDED. Both in the same transaction.
 */
export async function verifyResolution(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = verifySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, version, decision, note } = parsed.data;
    if (!actor) throw new UserFacingError(t("errors.forbidden"));
    const verify = decision === "VERIFY";
    await db.$transaction(async (tx) => {
      const before = await loadChecked(tx, actor, "resolution.verify", id, version, t);
      if (before.status !== "DONE_REPORTED") throw new UserFacingError(t("resolutions.notDoneReported"));
      const toStatus = verify ? "VERIFIED" : "IN_PROGRESS";
      await bumpVersion(
        tx,
        id,
        version,
        verify ? { status: toStatus, verifiedAt: new Date() } : { status: toStatus, doneReportedAt: null },
        t,
      );
      // Kept as a report too, so the agency reads the secretariat's word where it reads its own.
      await tx.progressReport.create({
        data: { resolutionId: id, authorId: actor.id, note, fromStatus: before.status, toStatus },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: before.provinceId,
        action: verify ? "resolution.verify" : "resolution.reopen",
        entityType: "Resolution",
        entityId: id,
        before: { status: before.status, version },
        after: { status: toStatus, note, version: version + 1 },
      });
      await settleObstacles(tx, actor, id, verify);
      // Whoever reported the work done hears the verdict, whichever way it went (issue #30.6),
      // and so do the agency's other users: the case is theirs as well.
      const r = await tx.resolution.findUniqueOrThrow({ where: { id }, select: RESOLUTION_FOR_NOTICE });
      const kind = verify ? "resolution.verified" : "resolution.reopened";
      await notify(tx, {
        kind,
        eventKey: `${kind}:${id}:${version + 1}`,
        provinceId: r.provinceId,
        link: `/resolutions/${id}`,
        recipients: [...(await reporterOf(tx, id)), ...(await agencyRecipients(tx, r.responsibleAgencyId))],
        params: resolutionParams(r, () => ({ note: note || "—" })),
      });
    });
    return { ok: true, message: t(verify ? "resolutions.verified" : "resolutions.reopened") };
  });
}

/** The author of the done report being decided on, while their account is active. */
async function reporterOf(tx: Tx, resolutionId: string): Promise<Recipient[]> {
  const report = await tx.progressReport.findFirst({
    where: { resolutionId, toStatus: "DONE_REPORTED" },
    orderBy: { createdAt: "desc" },
    select: { author: { select: { id: true, email: true, locale: true, active: true } } },
  });
  const author = report?.author;
  return author?.active ? [{ id: author.id, email: author.email, locale: author.locale }] : [];
}

async function settleObstacles(tx: Tx, actor: Actor, resolutionId: string, verified: boolean) {
  const links = await tx.resolutionObstacle.findMany({
    where: { resolutionId },
    select: { obstacleId: true },
  });
  const ids = links.map((l) => l.obstacleId).sort();
  if (ids.length === 0) return;
  // Two resolutions of one obstacle verified at the same moment must not both conclude
  // "the other is still open": take the obstacles' row locks first, in a stable order.
  await tx.$queryRaw`SELECT id FROM "Obstacle" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  for (const obstacleId of ids) {
    const obstacle = await tx.obstacle.findUniqueOrThrow({
      where: { id: obstacleId },
      select: { status: true, provinceId: true },
    });
    let next: "RESOLVED" | "DECIDED" | null = null;
    if (verified && obstacle.status !== "RESOLVED") {
      const stillOpen = await tx.resolution.count({
        where: { obstacles: { some: { obstacleId } }, status: { notIn: ["VERIFIED", "CANCELLED"] } },
      });
      if (stillOpen === 0) next = "RESOLVED";
    } else if (!verified && obstacle.status === "RESOLVED") {
      next = "DECIDED";
    }
    if (!next) continue;
    await tx.obstacle.update({ where: { id: obstacleId }, data: { status: next } });
    await tellApplicantsOfObstacles(tx, [obstacleId]);
    await recordAudit(tx, {
      actorId: actor.id,
      provinceId: obstacle.provinceId,
      action: next === "RESOLVED" ? "obstacle.resolve" : "obstacle.reopen",
      entityType: "Obstacle",
      entityId: obstacleId,
      before: { status: obstacle.status },
      after: { status: next, byResolution: resolutionId },
    });
  }
}
