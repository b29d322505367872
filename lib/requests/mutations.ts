import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { storeUploads } from "@/lib/attachments/store";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { assertCurrentVersion, isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import { checkObstacleReferences } from "@/lib/obstacles/mutations";
import { notify, roleRecipients } from "@/lib/notifications/inbox";
import { deliver } from "@/lib/notifications/deliver";
import { translator } from "@/lib/i18n/messages";
import { appUrl } from "@/lib/app-url";
import {
  removeRequestObstacleSchema,
  requestDetailsSchema,
  requestObstacleSchema,
  requestRefSchema,
  submitRequestSchema,
} from "./schema";
import { formatTrackingCode, newTrackingCode } from "./tracking";
import { tellApplicantOfFiling } from "./follow";

// An applicant's own request (issue #32): a draft they fill in over as many visits as they
// like, then submit. Every mutation takes the request through `ownRequest`, which answers
// "not found" for anyone else's request, so ids tried from another account learn nothing.

export const MAX_REQUEST_OBSTACLES = 20;
/** The statuses in which the applicant may still change the request. */
const EDITABLE = ["DRAFT", "DOCUMENTS_REQUESTED"] as const;

export const REQUEST_AUDITED = {
  id: true,
  status: true,
  trackingCode: true,
  unitName: true,
  unitNationalId: true,
  countyId: true,
  sector: true,
  operatingStatus: true,
  employees: true,
  unitId: true,
  duplicateOfUnitId: true,
  decisionReason: true,
  documentsMessage: true,
} as const;

/** The request if it is the actor's own, else the same "not found" as a missing id. */
async function ownRequest(tx: Tx, actor: Actor, requestId: string, t: Translate, { editable = false } = {}) {
  const request = await tx.unitRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      applicantId: true,
      provinceId: true,
      status: true,
      version: true,
      trackingCode: true,
    },
  });
  if (!request || request.applicantId !== actor.id) throw new UserFacingError(t("errors.notFoundRecord"));
  authorize(actor, "request.file", { ownerId: request.applicantId, provinceId: request.provinceId });
  if (editable && !(EDITABLE as readonly string[]).includes(request.status))
    throw new UserFacingError(t("requests.notEditable"));
  return request;
}

/** A new draft for the unit the applicant signed up for. */
export async function createRequest(actor: Actor | null, t: Translate): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    authorize(actor, "request.file");
    const provinceId = writeProvince(actor, "request.file");
    return db.$transaction(async (tx) => {
      const profile = await tx.applicantProfile.findUnique({
        where: { userId: actor.id },
        select: { unitNationalId: true },
      });
      if (!profile) throw new UserFacingError(t("errors.forbidden"));
      const created = await tx.unitRequest.create({
        data: { provinceId, applicantId: actor.id, unitNationalId: profile.unitNationalId },
        select: REQUEST_AUDITED,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "request.create",
        entityType: "UnitRequest",
        entityId: created.id,
        after: created,
      });
      return { ok: true, message: t("requests.created"), id: created.id };
    });
  });
}

export async function saveRequestDetails(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = requestDetailsSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.file");
    const { id, version, ...input } = parsed.data;
    await db.$transaction(async (tx) => {
      const request = await ownRequest(tx, actor, id, t, { editable: true });
      if (input.countyId) {
        const county = await tx.county.findFirst({
          where: { id: input.countyId, provinceId: request.provinceId },
          select: { id: true },
        });
        if (!county)
          throw new UserFacingError(t("validation.invalidInput"), { countyId: [t("units.countyUnknown")] });
      }
      const before = await tx.unitRequest.findUniqueOrThrow({ where: { id }, select: REQUEST_AUDITED });
      const updated = await tx.unitRequest.updateMany({
        where: { id, version },
        data: { ...input, version: { increment: 1 } },
      });
      assertCurrentVersion(updated, t);
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: request.provinceId,
        action: "request.update",
        entityType: "UnitRequest",
        entityId: id,
        before,
        after: { ...before, ...input },
      });
    });
    return { ok: true, message: t("requests.saved") };
  });
}

export async function addRequestObstacle(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = requestObstacleSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.file");
    const { requestId, ...input } = parsed.data;
    await db.$transaction(async (tx) => {
      const request = await ownRequest(tx, actor, requestId, t, { editable: true });
      await checkObstacleReferences(tx, t, request.provinceId, input);
      // Serialises two adds to one request, so positions stay 1, 2, 3…
      await tx.$executeRaw`SELECT 1 FROM "UnitRequest" WHERE id = ${requestId} FOR UPDATE`;
      const count = await tx.unitRequestObstacle.count({ where: { requestId } });
      if (count >= MAX_REQUEST_OBSTACLES) throw new UserFacingError(t("requests.tooManyObstacles"));
      const last = await tx.unitRequestObstacle.findFirst({
        where: { requestId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const created = await tx.unitRequestObstacle.create({
        data: { ...input, requestId, position: (last?.position ?? 0) + 1 },
        select: { id: true, categoryId: true, subCategoryId: true, description: true, amountRials: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: request.provinceId,
        action: "request.addObstacle",
        entityType: "UnitRequest",
        entityId: requestId,
        after: { ...created, agencyIds: input.agencyIds },
      });
    });
    return { ok: true, message: t("requests.obstacleAdded") };
  });
}

export async function removeRequestObstacle(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = removeRequestObstacleSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.file");
    const { requestId, obstacleId } = parsed.data;
    await db.$transaction(async (tx) => {
      const request = await ownRequest(tx, actor, requestId, t, { editable: true });
      const removed = await tx.unitRequestObstacle.findFirst({
        where: { id: obstacleId, requestId },
        select: { id: true, description: true },
      });
      if (!removed) throw new UserFacingError(t("errors.notFoundRecord"));
      await tx.unitRequestObstacle.delete({ where: { id: removed.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: request.provinceId,
        action: "request.removeObstacle",
        entityType: "UnitRequest",
        entityId: requestId,
        before: removed,
      });
    });
    return { ok: true, message: t("requests.obstacleRemoved") };
  });
}

/** Documents under the same rules as every other attachment (lib/attachments). */
export async function uploadRequestDocuments(
  actor: Actor | null,
  raw: unknown,
  files: File[],
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = requestRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.file");
    const { requestId } = parsed.data;
    // Checked before the files are stored: a stranger's upload must not cost storage.
    await ownRequest(db, actor, requestId, t, { editable: true });
    if (files.length === 0)
      throw new UserFacingError(t("validation.invalidInput"), { files: [t("validation.required")] });
    const { stored, discard } = await storeUploads(files, t);
    try {
      await db.$transaction(async (tx) => {
        const request = await ownRequest(tx, actor, requestId, t, { editable: true });
        await tx.attachment.createMany({
          data: stored.map((f) => ({ ...f, unitRequestId: requestId, uploadedById: actor.id })),
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: request.provinceId,
          action: "request.attach",
          entityType: "UnitRequest",
          entityId: requestId,
          after: { attachments: stored.map((f) => f.fileName) },
        });
      });
    } catch (err) {
      await discard();
      throw err;
    }
    return { ok: true, message: t("requests.uploaded") };
  });
}

export type Submitted = FormState & { trackingCode?: string; first?: boolean };

/**
 * Sends the request to the secretariat: a draft gets its tracking code (shown, e-mailed and
 * printable); a request the secretariat asked documents for goes back into the inbox.
 */
export async function submitRequest(actor: Actor | null, raw: unknown, t: Translate): Promise<Submitted> {
  return mutation(t, async () => {
    const parsed = submitRequestSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.file");
    const { requestId } = parsed.data;
    const now = new Date();
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await db.$transaction(async (tx) => {
          const request = await ownRequest(tx, actor, requestId, t, { editable: true });
          const full = await tx.unitRequest.findUniqueOrThrow({
            where: { id: requestId },
            select: {
              ...REQUEST_AUDITED,
              version: true,
              _count: { select: { obstacles: true } },
            },
          });
          const missing: Record<string, string[]> = {};
          if (full.unitName.length < 2) missing.unitName = [t("requests.unitNameRequired")];
          if (!full.countyId) missing.countyId = [t("requests.countyRequired")];
          if (!full.sector) missing.sector = [t("requests.sectorRequired")];
          if (!full.operatingStatus) missing.operatingStatus = [t("requests.statusRequired")];
          if (full._count.obstacles === 0) missing.obstacles = [t("requests.noObstacles")];
          if (Object.keys(missing).length) throw new UserFacingError(t("requests.incomplete"), missing);

          const first = request.status === "DRAFT";
          const trackingCode = request.trackingCode ?? newTrackingCode();
          const updated = await tx.unitRequest.updateMany({
            where: { id: requestId, version: full.version },
            data: {
              status: "SUBMITTED",
              trackingCode,
              declaredAt: now,
              ...(first ? { submittedAt: now } : { resubmittedAt: now }),
              version: { increment: 1 },
            },
          });
          assertCurrentVersion(updated, t);
          await recordAudit(tx, {
            actorId: actor.id,
            provinceId: request.provinceId,
            action: first ? "request.submit" : "request.resubmit",
            entityType: "UnitRequest",
            entityId: requestId,
            before: { status: request.status },
            after: { status: "SUBMITTED", trackingCode },
          });
          await notify(tx, {
            kind: "request.submitted",
            eventKey: `request.submitted:${requestId}:${now.getTime()}`,
            provinceId: request.provinceId,
            link: `/intake/${requestId}`,
            recipients: await roleRecipients(tx, request.provinceId, "SECRETARIAT"),
            params: () => ({ unit: full.unitName, code: formatTrackingCode(trackingCode) }),
          });
          // The applicant's own record of the step (received; under review again after the
          // documents asked for), beside the tracking code's e-mail.
          const applicant = await tx.user.findUniqueOrThrow({
            where: { id: actor.id },
            select: { id: true, email: true, locale: true },
          });
          await tellApplicantOfFiling(
            tx,
            { id: requestId, provinceId: request.provinceId, unitName: full.unitName, trackingCode },
            applicant,
            first ? "RECEIVED" : "UNDER_REVIEW",
            now,
          );
          return { first, trackingCode, unitName: full.unitName };
        });
        if (answer.first) await mailTrackingCode(actor, requestId, answer.trackingCode, answer.unitName);
        return {
          ok: true,
          message: answer.first
            ? t("requests.submitted", { code: formatTrackingCode(answer.trackingCode) })
            : t("requests.resubmitted"),
          trackingCode: answer.trackingCode,
          first: answer.first,
        };
      } catch (err) {
        // Ten random digits colliding is a one-in-billions event; a new code settles it.
        if (isUniqueViolation(err, "trackingCode") && attempt < 3) continue;
        throw err;
      }
    }
  });
}

/** The tracking code by e-mail, in the applicant's language, once per request. */
async function mailTrackingCode(actor: Actor, requestId: string, code: string, unitName: string) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, locale: true } });
  if (!user) return;
  const t = translator(user.locale);
  const body = [
    t("notifications.mail.greeting"),
    "",
    t("requests.submitted", { code: formatTrackingCode(code) }),
    `${t("requests.unitName")}: ${unitName}`,
    t("requests.trackingCodeHint"),
    "",
    `${appUrl()}/apply/requests/${requestId}`,
    "",
    t("notifications.mail.signature"),
  ].join("\n");
  // A mail server that is down must not undo a submission that committed: the row stays in
  // the outbox with its error (the code is on the page and its print anyway).
  await deliver([
    {
      eventKey: `request.trackingCode:${requestId}`,
      toEmail: user.email,
      userId: actor.id,
      provinceId: actor.provinceId,
      subject: `${t("requests.trackingCode")}: ${formatTrackingCode(code)}`,
      body,
    },
  ]).catch(() => undefined);
}
