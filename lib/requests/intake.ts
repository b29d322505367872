import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, formatDateTime, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";
import { assertCurrentVersion, isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import { notify, type NotificationKind } from "@/lib/notifications/inbox";
import { addToAgenda } from "@/lib/meetings/agenda";
import { planNextCommitteeMeeting } from "@/lib/meetings/sessions";
import { meetingTitle } from "@/lib/meetings/title";
import { normalizeIdDigits } from "@/lib/applicants/ids";
import {
  acceptRequestSchema,
  askDocumentsSchema,
  duplicateRequestSchema,
  rejectRequestSchema,
  requestAgendaSchema,
} from "./schema";
import { REQUEST_AUDITED } from "./mutations";
import { formatTrackingCode } from "./tracking";

// The secretariat's intake of applicants' requests (issue #32): accept (into a new unit or
// the registered unit with the same national id), ask for documents, reject, mark as a
// duplicate of an open case, and put an accepted request on the committee's next agenda.
// Each decision is a compare-and-set on the request's status, audited, and told to the
// applicant in the same transaction (in-app; e-mail follows from the notification row).

const LINK = (id: string) => `/apply/requests/${id}`;

/** A request of the secretariat's province in one of `statuses`, locked for the decision. */
async function requestForDecision(
  tx: Tx,
  actor: Actor,
  id: string,
  statuses: readonly string[],
  t: Translate,
) {
  const provinceId = writeProvince(actor, "request.intake");
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "UnitRequest" WHERE id = ${id} AND "provinceId" = ${provinceId} FOR UPDATE`;
  if (rows.length === 0) throw new UserFacingError(t("errors.notFoundRecord"));
  const request = await tx.unitRequest.findUniqueOrThrow({
    where: { id },
    select: {
      ...REQUEST_AUDITED,
      provinceId: true,
      version: true,
      applicant: { select: { id: true, email: true, locale: true } },
      obstacles: { orderBy: { position: "asc" } },
      attachments: { select: { id: true }, orderBy: { createdAt: "asc" } },
    },
  });
  authorize(actor, "request.intake", { provinceId: request.provinceId });
  if (!statuses.includes(request.status)) throw new UserFacingError(t("requests.notWaiting"));
  return request;
}
type DecisionRequest = Awaited<ReturnType<typeof requestForDecision>>;

async function tellApplicant(
  tx: Tx,
  request: DecisionRequest,
  kind: NotificationKind,
  params: (locale: Locale, t: Translate) => Record<string, string>,
  eventSuffix = "",
) {
  await notify(tx, {
    kind,
    eventKey: `${kind}:${request.id}${eventSuffix}`,
    provinceId: request.provinceId,
    link: LINK(request.id),
    recipients: [request.applicant],
    params: (locale, t) => ({
      unit: request.unitName,
      code: request.trackingCode ? formatTrackingCode(request.trackingCode) : "",
      ...params(locale, t),
    }),
  });
}

async function decide(
  tx: Tx,
  actor: Actor,
  request: DecisionRequest,
  action: string,
  data: Parameters<typeof tx.unitRequest.updateMany>[0]["data"],
  t: Translate,
) {
  const updated = await tx.unitRequest.updateMany({
    where: { id: request.id, version: request.version },
    data: { ...data, decidedAt: new Date(), decidedById: actor.id, version: { increment: 1 } },
  });
  assertCurrentVersion(updated, t);
  const after = await tx.unitRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: REQUEST_AUDITED,
  });
  const { applicant: _a, obstacles: _o, attachments: _d, version: _v, provinceId: _p, ...before } = request;
  await recordAudit(tx, {
    actorId: actor.id,
    provinceId: request.provinceId,
    action,
    entityType: "UnitRequest",
    entityId: request.id,
    before,
    after,
  });
}

/**
 * Accepts a request: into the registered unit with the request's national id (offered only
 * when one matches, in this province), or into a new unit made from the request. Its
 * obstacles become obstacles of that unit, its documents attachments of the first of them.
 */
export async function acceptRequest(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { unitId?: string }> {
  return mutation(t, async () => {
    const parsed = acceptRequestSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.intake");
    const { id, target } = parsed.data;
    try {
      return await db.$transaction(async (tx) => {
        const request = await requestForDecision(tx, actor, id, ["SUBMITTED"], t);
        const match = await tx.productionUnit.findUnique({
          where: { nationalId: request.unitNationalId },
          select: { id: true, provinceId: true, archivedAt: true },
        });
        if (match && match.provinceId !== request.provinceId)
          throw new UserFacingError(t("requests.unitTaken"));
        let unitId: string;
        if (target === "new") {
          // A second unit with the same national id would split one case in two.
          if (match) throw new UserFacingError(t("units.nationalIdTaken", { name: request.unitName }));
          if (!request.countyId || !request.sector || !request.operatingStatus)
            throw new UserFacingError(t("requests.incomplete"));
          const unit = await tx.productionUnit.create({
            data: {
              provinceId: request.provinceId,
              countyId: request.countyId,
              name: request.unitName,
              nameNormalized: normalizeText(request.unitName),
              nationalId: request.unitNationalId,
              sector: request.sector,
              status: request.operatingStatus,
              employees: request.employees,
            },
            select: { id: true, name: true, nationalId: true, status: true },
          });
          await tx.unitStatusChange.create({
            data: {
              unitId: unit.id,
              fromStatus: null,
              toStatus: unit.status,
              changedOn: calendarDate(todayInTehran()),
              userId: actor.id,
            },
          });
          await recordAudit(tx, {
            actorId: actor.id,
            provinceId: request.provinceId,
            action: "unit.create",
            entityType: "ProductionUnit",
            entityId: unit.id,
            after: { ...unit, fromRequest: request.id },
          });
          unitId = unit.id;
        } else {
          if (!match || match.id !== target || match.archivedAt)
            throw new UserFacingError(t("errors.notFoundRecord"));
          unitId = match.id;
        }
        const obstacleIds: string[] = [];
        for (const o of request.obstacles) {
          const obstacle = await tx.obstacle.create({
            data: {
              provinceId: request.provinceId,
              unitId,
              categoryId: o.categoryId,
              subCategoryId: o.subCategoryId,
              description: o.description,
              descriptionNormalized: normalizeText(o.description),
              amountRials: o.amountRials,
              createdById: actor.id,
              agencies: { create: o.agencyIds.map((agencyId) => ({ agencyId })) },
            },
            select: { id: true },
          });
          await tx.unitRequestObstacle.update({ where: { id: o.id }, data: { obstacleId: obstacle.id } });
          obstacleIds.push(obstacle.id);
        }
        const firstObstacle = obstacleIds[0];
        if (firstObstacle && request.attachments.length)
          await tx.attachment.updateMany({
            where: { unitRequestId: id },
            data: { obstacleId: firstObstacle },
          });
        await decide(tx, actor, request, "request.accept", { status: "ACCEPTED", unitId }, t);
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: request.provinceId,
          action: "obstacle.createFromRequest",
          entityType: "ProductionUnit",
          entityId: unitId,
          after: { requestId: id, obstacleIds, attachments: request.attachments.length },
        });
        await tellApplicant(tx, request, "request.accepted", () => ({}));
        return { ok: true, message: t("requests.accepted"), unitId };
      });
    } catch (err) {
      // Another request (or a clerk) registered this national id a moment ago.
      if (isUniqueViolation(err, "nationalId"))
        throw new UserFacingError(t("units.nationalIdTaken", { name: "" }));
      throw err;
    }
  });
}

export async function askForDocuments(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = askDocumentsSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.intake");
    const { id, message } = parsed.data;
    const now = new Date();
    await db.$transaction(async (tx) => {
      const request = await requestForDecision(tx, actor, id, ["SUBMITTED"], t);
      await decide(
        tx,
        actor,
        request,
        "request.askDocuments",
        { status: "DOCUMENTS_REQUESTED", documentsMessage: message, documentsRequestedAt: now },
        t,
      );
      // Each request for documents is its own event: the second one is told too.
      await tellApplicant(
        tx,
        request,
        "request.documentsRequested",
        () => ({ message }),
        `:${now.getTime()}`,
      );
    });
    return { ok: true, message: t("requests.documentsAsked") };
  });
}

export async function rejectRequest(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = rejectRequestSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.intake");
    const { id, reason } = parsed.data;
    await db.$transaction(async (tx) => {
      const request = await requestForDecision(tx, actor, id, ["SUBMITTED", "DOCUMENTS_REQUESTED"], t);
      await decide(tx, actor, request, "request.reject", { status: "REJECTED", decisionReason: reason }, t);
      await tellApplicant(tx, request, "request.rejected", () => ({ reason }));
    });
    return { ok: true, message: t("requests.rejected") };
  });
}

/** A duplicate of a unit's open case (a unit with an obstacle not yet closed), in this province. */
export async function markDuplicate(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = duplicateRequestSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.intake");
    const { id, unit } = parsed.data;
    await db.$transaction(async (tx) => {
      const request = await requestForDecision(tx, actor, id, ["SUBMITTED", "DOCUMENTS_REQUESTED"], t);
      const digits = normalizeIdDigits(unit);
      const open = await tx.productionUnit.findFirst({
        where: {
          provinceId: request.provinceId,
          archivedAt: null,
          OR: [{ id: unit }, ...(/^\d{10,11}$/.test(digits) ? [{ nationalId: digits }] : [])],
        },
        select: {
          id: true,
          _count: {
            select: {
              obstacles: { where: { status: { in: ["REGISTERED", "IN_COMMITTEE", "REFERRED", "DECIDED"] } } },
            },
          },
        },
      });
      if (!open)
        throw new UserFacingError(t("validation.invalidInput"), { unit: [t("errors.notFoundRecord")] });
      if (open._count.obstacles === 0)
        throw new UserFacingError(t("validation.invalidInput"), { unit: [t("requests.duplicateNotOpen")] });
      await decide(
        tx,
        actor,
        request,
        "request.duplicate",
        { status: "DUPLICATE", duplicateOfUnitId: open.id },
        t,
      );
      await tellApplicant(tx, request, "request.duplicate", () => ({}));
    });
    return { ok: true, message: t("requests.markedDuplicate") };
  });
}

/**
 * One step from intake to the committee: the accepted request's obstacles join the agenda of
 * the committee's next planned session (planned on the next free Sunday if there is none),
 * and the applicant is invited to it with its date, time and place.
 */
export async function putRequestOnAgenda(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale,
): Promise<FormState & { meetingId?: string; meetingTitle?: string }> {
  return mutation(t, async () => {
    const parsed = requestAgendaSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "request.intake");
    authorize(actor, "meeting.write");
    const provinceId = writeProvince(actor, "request.intake");
    const request = await db.unitRequest.findFirst({
      where: { id: parsed.data.id, provinceId, status: "ACCEPTED" },
      select: {
        id: true,
        obstacles: { select: { obstacle: { select: { id: true, status: true } } } },
      },
    });
    if (!request) throw new UserFacingError(t("errors.notFoundRecord"));
    const waiting = request.obstacles.flatMap((o) =>
      o.obstacle?.status === "REGISTERED" ? [o.obstacle.id] : [],
    );
    if (waiting.length === 0) throw new UserFacingError(t("requests.alreadyOnAgenda"));

    let meeting = await db.meeting.findFirst({
      where: { provinceId, status: "PLANNED", body: { kind: "COMMITTEE" }, startsAt: { gt: new Date() } },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    if (!meeting) {
      const planned = await planNextCommitteeMeeting(actor, t, locale);
      if (!planned.ok || !planned.id) return planned;
      meeting = { id: planned.id };
    }
    const added = await addToAgenda(actor, { meetingId: meeting.id, obstacleIds: waiting }, t);
    if (!added.ok) return added;

    const meetingId = meeting.id;
    const title = await db.$transaction(async (tx) => {
      const full = await requestForDecision(tx, actor, request.id, ["ACCEPTED"], t);
      const session = await tx.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: {
          number: true,
          jalaliYear: true,
          startsAt: true,
          place: true,
          body: { select: { kind: true } },
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "request.agenda",
        entityType: "UnitRequest",
        entityId: request.id,
        after: { meetingId, obstacleIds: waiting },
      });
      await tellApplicant(
        tx,
        full,
        "request.onAgenda",
        (l, tr) => ({
          meeting: meetingTitle(session, l, tr),
          when: formatDateTime(session.startsAt, l),
          place: session.place ?? "—",
        }),
        `:${meetingId}`,
      );
      return meetingTitle(session, locale, t);
    });
    return { ok: true, message: t("requests.onAgenda", { meeting: title }), meetingId, meetingTitle: title };
  });
}
