import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, todayInTehran } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { issueNotice, withNoticeNumbering } from "@/lib/notices/issue";
import {
  agencyRecipients,
  notify,
  RESOLUTION_FOR_NOTICE,
  resolutionParams,
  roleRecipients,
} from "@/lib/notifications/inbox";
import { isOpenResolution } from "./status";
import { decideReturnSchema, returnResolutionSchema } from "./schema";

// A resolution sent to the wrong agency (docs/decisions/093). The agency returns it with a
// reason; the secretariat reassigns it (the new agency gets a notice of its own) or refuses.
// The days between the return and the decision are the dispute, shown on the resolution. A
// reassignment gives the new agency a deadline of its own (a date or +N working days).

const conflict = (t: Translate) => new UserFacingError(t("resolutions.conflict"), undefined, "conflict");

/** Whole Tehran days from one instant to another. */
export const disputeDays = (from: Date, to: Date) =>
  Math.max(
    0,
    Math.round(
      (calendarDate(todayInTehran(to)).getTime() - calendarDate(todayInTehran(from)).getTime()) / 86_400_000,
    ),
  );

export async function returnResolution(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = returnResolutionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, version, reason } = parsed.data;
    if (!actor) throw new UserFacingError(t("errors.forbidden"));
    await db.$transaction(async (tx) => {
      const r = await tx.resolution.findFirst({
        where: { id, ...provinceWhere(actor) },
        select: { ...RESOLUTION_FOR_NOTICE, status: true, version: true },
      });
      if (!r) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "resolution.return", {
        provinceId: r.provinceId,
        responsibleAgencyId: r.responsibleAgencyId,
      });
      if (r.version !== version) throw conflict(t);
      if (!isOpenResolution(r.status))
        throw new UserFacingError(t("resolutions.notOpen"), undefined, "conflict");
      if (await tx.resolutionReturn.count({ where: { resolutionId: id, status: "PENDING" } }))
        throw new UserFacingError(t("resolutions.returns.pendingExists"));
      const { count } = await tx.resolution.updateMany({
        where: { id, version },
        data: { version: { increment: 1 } },
      });
      if (count === 0) throw conflict(t);
      const request = await tx.resolutionReturn.create({
        data: { resolutionId: id, fromAgencyId: r.responsibleAgencyId, reason, requestedById: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: r.provinceId,
        action: "resolution.return",
        entityType: "Resolution",
        entityId: id,
        before: { version },
        after: { returnId: request.id, reason, version: version + 1 },
      });
      await notify(tx, {
        kind: "resolution.returned",
        eventKey: `resolution.returned:${request.id}`,
        provinceId: r.provinceId,
        link: `/resolutions/${id}`,
        recipients: await roleRecipients(tx, r.provinceId, "SECRETARIAT"),
        params: resolutionParams(r, () => ({ note: reason })),
      });
    });
    return { ok: true, message: t("resolutions.returns.sent") };
  });
}

export async function decideReturn(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = decideReturnSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, version, returnId, decision, toAgencyId, newDeadline: chosenDeadline, note } = parsed.data;
    authorize(actor, "return.decide");
    const reassign = decision === "REASSIGN";
    await withNoticeNumbering(() =>
      db.$transaction(async (tx) => {
        const r = await tx.resolution.findFirst({
          where: { id, ...provinceWhere(actor) },
          select: { ...RESOLUTION_FOR_NOTICE, status: true, version: true },
        });
        if (!r) throw new UserFacingError(t("errors.notFoundRecord"));
        authorize(actor, "return.decide", { provinceId: r.provinceId });
        if (r.version !== version) throw conflict(t);
        const request = await tx.resolutionReturn.findFirst({
          where: { id: returnId, resolutionId: id },
          select: { status: true, createdAt: true, fromAgencyId: true },
        });
        if (!request) throw new UserFacingError(t("errors.notFoundRecord"));
        if (request.status !== "PENDING") throw new UserFacingError(t("resolutions.returns.notPending"));
        const now = new Date();
        const days = disputeDays(request.createdAt, now);
        let newDeadline = r.deadline;
        if (reassign) {
          const target = await tx.agency.findFirst({
            where: { id: toAgencyId, provinceId: r.provinceId, active: true },
            select: { id: true },
          });
          if (!target)
            throw new UserFacingError(t("validation.invalidInput"), {
              toAgencyId: [t("resolutions.returns.agencyUnknown")],
            });
          if (target.id === request.fromAgencyId)
            throw new UserFacingError(t("validation.invalidInput"), {
              toAgencyId: [t("resolutions.returns.sameAgency")],
            });
          // The new agency starts afresh with the deadline the secretariat gives it: keeping the
          // old one handed it a case already «۵۲۵ روز تأخیر» on arrival (issue #30).
          if (!chosenDeadline || chosenDeadline <= todayInTehran(now))
            throw new UserFacingError(t("validation.invalidInput"), {
              newDeadline: [t("resolutions.returns.deadlineFuture")],
            });
          newDeadline = calendarDate(chosenDeadline);
        }
        const { count } = await tx.resolution.updateMany({
          where: { id, version },
          data: {
            version: { increment: 1 },
            ...(reassign ? { responsibleAgencyId: toAgencyId, deadline: newDeadline } : {}),
          },
        });
        if (count === 0) throw conflict(t);
        await tx.resolutionReturn.update({
          where: { id: returnId },
          data: {
            status: reassign ? "REASSIGNED" : "REJECTED",
            toAgencyId: reassign ? toAgencyId : null,
            decidedById: actor.id,
            decidedAt: now,
            decisionNote: note || null,
            disputeDays: days,
          },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: r.provinceId,
          action: reassign ? "resolution.reassign" : "resolution.returnReject",
          entityType: "Resolution",
          entityId: id,
          before: { responsibleAgencyId: r.responsibleAgencyId, deadline: r.deadline, version },
          after: {
            responsibleAgencyId: reassign ? toAgencyId : r.responsibleAgencyId,
            deadline: newDeadline,
            returnId,
            disputeDays: days,
            note,
            version: version + 1,
          },
        });
        const after = await tx.resolution.findUniqueOrThrow({ where: { id }, select: RESOLUTION_FOR_NOTICE });
        if (reassign) {
          // The old agency is told it is released; the new one gets a numbered notice.
          await notify(tx, {
            kind: "resolution.reassigned",
            eventKey: `resolution.reassigned:${returnId}`,
            provinceId: r.provinceId,
            link: `/resolutions/${id}`,
            recipients: await agencyRecipients(tx, request.fromAgencyId),
            params: resolutionParams(after),
          });
          await issueNotice(tx, {
            provinceId: r.provinceId,
            agencyId: toAgencyId,
            kind: "REASSIGNMENT",
            meetingId: null,
            lines: [{ resolutionId: id, deadline: newDeadline, followUp: false }],
            actorId: actor.id,
            now,
          });
        } else {
          await notify(tx, {
            kind: "resolution.returnRejected",
            eventKey: `resolution.returnRejected:${returnId}`,
            provinceId: r.provinceId,
            link: `/resolutions/${id}`,
            recipients: await agencyRecipients(tx, request.fromAgencyId),
            params: resolutionParams(after, () => ({ note })),
          });
        }
      }),
    );
    return {
      ok: true,
      message: t(reassign ? "resolutions.returns.reassigned" : "resolutions.returns.rejected"),
    };
  });
}
