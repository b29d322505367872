import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, formatNumber, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { recordAudit } from "@/lib/audit/record";
import { daysUntil } from "@/lib/resolutions/queries";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { auditSessionWrite, lockMeetingForWrite } from "./guard";
import { isLocked } from "./lifecycle";
import { addFollowUpsSchema, decideFollowUpSchema, type FollowUpReason } from "./follow-up-schema";

// Follow-up of earlier resolutions in a session (docs/decisions/092). Planning a session lists
// the resolutions that need the working group again — overdue, extension refused, reopened
// after a done report — with their agency and days late; the secretariat adds all or some in
// one step. The session records one decision for each (new deadline, reassignment,
// escalation, note), applied to the resolution and kept in its audit history; the minutes
// print them and the approval's notices carry the new deadlines and agencies.

const CANDIDATE_SELECT = {
  id: true,
  text: true,
  deadline: true,
  responsibleAgencyId: true,
  unit: { select: { id: true, name: true } },
  responsibleAgency: { select: { id: true, nameFa: true, nameEn: true } },
  meeting: { select: { id: true, number: true, jalaliYear: true, body: { select: { kind: true } } } },
  extensionRequests: {
    where: { status: { not: "PENDING" as const } },
    orderBy: { decidedAt: "desc" as const },
    take: 1,
    select: { status: true, decidedAt: true },
  },
  progressReports: {
    where: { fromStatus: "DONE_REPORTED" as const, toStatus: "IN_PROGRESS" as const },
    orderBy: { createdAt: "desc" as const },
    take: 1,
    select: { createdAt: true },
  },
  followUps: { select: { meetingId: true, createdAt: true, decidedAt: true } },
};

export type FollowUpCandidate = {
  resolutionId: string;
  text: string;
  deadline: Date;
  daysLate: number;
  reasons: FollowUpReason[];
  agency: { id: string; nameFa: string; nameEn: string };
  meeting: { id: string; number: number; jalaliYear: number; body: { kind: "WORKING_GROUP" | "COMMITTEE" } };
};

/** Rows read per query while looking for candidates (most overdue first). */
const CANDIDATE_BATCH = 100;

/**
 * The resolutions a session may take up again, grouped by unit. A refusal or a reopening
 * counts until a session has taken the case up after it; an overdue resolution counts as
 * long as it is overdue. Resolutions already on this session, or waiting on another planned
 * one, are left out.
 *
 * `limit`: the most overdue that many (the session page asks for one more than it shows, to
 * know whether there are more): a big province has thousands, and each row read brings its
 * unit, agency, session, refusal and reopening with it (issue #15). `only`: whether these
 * resolutions are candidates, however far down the list.
 */
export async function listFollowUpCandidates(
  actor: Actor,
  meetingId: string,
  { limit = 300, only, today = todayInTehran() }: { limit?: number; only?: string[]; today?: string } = {},
) {
  authorize(actor, "case.read");
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, ...provinceWhere(actor) },
    select: { id: true, provinceId: true },
  });
  if (!meeting) return [];
  const where = {
    provinceId: meeting.provinceId,
    meetingId: { not: meeting.id },
    status: { in: [...OPEN_STATUSES] },
    ...(only ? { id: { in: only } } : {}),
    OR: [
      { deadline: { lt: calendarDate(today) } },
      { extensionRequests: { some: { status: "REJECTED" as const } } },
      {
        progressReports: { some: { fromStatus: "DONE_REPORTED" as const, toStatus: "IN_PROGRESS" as const } },
      },
    ],
  };
  // Most rows qualify (the few skipped are already on a session): read in batches until
  // `limit` candidates are found, so the page reads about as many rows as it shows.
  const byUnit = new Map<string, { unit: { id: string; name: string }; items: FollowUpCandidate[] }>();
  let found = 0;
  for (let cursor: string | undefined; ;) {
    const take = only ? undefined : Math.min(CANDIDATE_BATCH, limit - found);
    const batch = await db.resolution.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      take,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: CANDIDATE_SELECT,
    });
    for (const r of batch) {
      const candidate = asCandidate(r, meeting.id, today);
      if (!candidate || (!only && found >= limit)) continue;
      found++;
      const group = byUnit.get(r.unit.id) ?? { unit: r.unit, items: [] };
      group.items.push(candidate);
      byUnit.set(r.unit.id, group);
    }
    if (take === undefined || found >= limit || batch.length < take) break;
    cursor = batch.at(-1)?.id;
  }
  return [...byUnit.values()];
}

/** Why a resolution needs the session again, or null when it does not (or is taken up already). */
function asCandidate(
  r: Prisma.ResolutionGetPayload<{ select: typeof CANDIDATE_SELECT }>,
  meetingId: string,
  today: string,
): FollowUpCandidate | null {
  // On this session already, or on another session that has not decided yet.
  if (r.followUps.some((f) => f.meetingId === meetingId || !f.decidedAt)) return null;
  const lastTakenUp = Math.max(0, ...r.followUps.map((f) => f.decidedAt?.getTime() ?? 0));
  const reasons: FollowUpReason[] = [];
  const daysLate = Math.max(0, -daysUntil(r.deadline, today));
  if (daysLate > 0) reasons.push("OVERDUE");
  const refusal = r.extensionRequests[0];
  if (refusal?.status === "REJECTED" && (refusal.decidedAt?.getTime() ?? 0) > lastTakenUp)
    reasons.push("EXTENSION_REFUSED");
  const reopened = r.progressReports[0];
  if (reopened && reopened.createdAt.getTime() > lastTakenUp) reasons.push("REOPENED");
  if (reasons.length === 0) return null;
  return {
    resolutionId: r.id,
    text: r.text,
    deadline: r.deadline,
    daysLate,
    reasons,
    agency: r.responsibleAgency,
    meeting: r.meeting,
  };
}

/** The session's follow-up items, in the order they were added. */
export async function listFollowUpItems(actor: Actor, meetingId: string) {
  authorize(actor, "case.read");
  return db.followUpItem.findMany({
    where: { meetingId, meeting: provinceWhere(actor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      version: true,
      reason: true,
      daysLate: true,
      deadline: true,
      agencyId: true,
      agency: { select: { nameFa: true, nameEn: true } },
      decision: true,
      newDeadline: true,
      note: true,
      decidedAt: true,
      newAgency: { select: { nameFa: true, nameEn: true } },
      resolution: {
        select: {
          id: true,
          text: true,
          unit: { select: { name: true } },
          meeting: { select: { id: true, number: true, jalaliYear: true, body: { select: { kind: true } } } },
        },
      },
    },
  });
}

export async function addFollowUps(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  locale: Locale = "fa",
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = addFollowUpsSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { meetingId, resolutionIds } = parsed.data;
    const added = await db.$transaction(async (tx) => {
      const { meeting } = await lockMeetingForWrite(tx, actor, meetingId, "meeting.write", null, t);
      if (!actor) throw new UserFacingError(t("errors.forbidden"));
      if (isLocked(meeting.status)) throw new UserFacingError(t("meetings.followUp.locked"));
      // Only what the list offers: an id from the client is checked against it, not trusted.
      const offered = new Map(
        (await listFollowUpCandidates(actor, meetingId, { only: resolutionIds }))
          .flatMap((g) => g.items)
          .map((c) => [c.resolutionId, c]),
      );
      const chosen = [...new Set(resolutionIds)].flatMap((id) => offered.get(id) ?? []);
      if (chosen.length === 0) throw new UserFacingError(t("meetings.followUp.v.none"));
      const { count } = await tx.followUpItem.createMany({
        data: chosen.map((c) => ({
          meetingId,
          resolutionId: c.resolutionId,
          reason: c.reasons.join(","),
          daysLate: c.daysLate,
          agencyId: c.agency.id,
          deadline: c.deadline,
        })),
        skipDuplicates: true,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: meeting.provinceId,
        action: "meeting.followUp.add",
        entityType: "Meeting",
        entityId: meetingId,
        after: { resolutions: chosen.map((c) => c.resolutionId) },
      });
      return count;
    });
    return { ok: true, message: t("meetings.followUp.added", { count: formatNumber(added, locale) }) };
  });
}

/**
 * Records the session's decision on one earlier resolution and applies it: a new deadline or
 * agency changes the resolution (its version moves on, its audit history says which session
 * decided). Recorded once; the approved minutes then hold it like any other record.
 */
export async function decideFollowUp(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = decideFollowUpSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const input = parsed.data;
    await db.$transaction(async (tx) => {
      const item = await tx.followUpItem.findUnique({
        where: { id: input.itemId },
        select: {
          id: true,
          meetingId: true,
          version: true,
          decision: true,
          resolution: {
            select: { id: true, version: true, deadline: true, responsibleAgencyId: true, provinceId: true },
          },
        },
      });
      if (!item) throw new UserFacingError(t("errors.notFoundRecord"));
      const { meeting } = await lockMeetingForWrite(tx, actor, item.meetingId, "resolution.write", null, t);
      if (!actor) throw new UserFacingError(t("errors.forbidden"));
      if (isLocked(meeting.status)) throw new UserFacingError(t("meetings.followUp.locked"));
      if (item.version !== input.version || item.decision) throw new UserFacingError(t("errors.conflict"));
      const r = item.resolution;
      const data: { deadline?: Date; responsibleAgencyId?: string } = {};
      if (input.newDeadline) {
        const deadline = calendarDate(input.newDeadline);
        if (
          input.decision === "NEW_DEADLINE" &&
          deadline.getTime() <= calendarDate(todayInTehran()).getTime()
        )
          throw new UserFacingError(t("validation.invalidInput"), {
            newDeadline: [t("meetings.followUp.v.future")],
          });
        if (input.decision === "NEW_DEADLINE" || input.decision === "REASSIGN") data.deadline = deadline;
      }
      if (input.decision === "REASSIGN") {
        const agency = await tx.agency.findFirst({
          where: { id: input.newAgencyId, provinceId: meeting.provinceId, active: true },
          select: { id: true },
        });
        if (!agency || agency.id === r.responsibleAgencyId)
          throw new UserFacingError(t("validation.invalidInput"), {
            newAgencyId: [t("resolutions.returns.agencyUnknown")],
          });
        data.responsibleAgencyId = agency.id;
      }
      const updated = await tx.followUpItem.updateMany({
        where: { id: item.id, version: item.version },
        data: {
          decision: input.decision,
          newDeadline: data.deadline ?? null,
          newAgencyId: data.responsibleAgencyId ?? null,
          note: input.note || null,
          decidedById: actor.id,
          decidedAt: new Date(),
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new UserFacingError(t("errors.conflict"));
      if (Object.keys(data).length > 0) {
        const { count } = await tx.resolution.updateMany({
          where: { id: r.id, version: r.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) throw new UserFacingError(t("resolutions.conflict"), undefined, "conflict");
      }
      // In the resolution's own history: which session decided what.
      await auditSessionWrite(tx, null, {
        actorId: actor.id,
        provinceId: r.provinceId,
        action: "resolution.followUpDecision",
        entityType: "Resolution",
        entityId: r.id,
        before: { deadline: r.deadline, responsibleAgencyId: r.responsibleAgencyId },
        after: {
          meetingId: meeting.id,
          decision: input.decision,
          deadline: data.deadline ?? r.deadline,
          responsibleAgencyId: data.responsibleAgencyId ?? r.responsibleAgencyId,
          note: input.note,
        },
      });
    });
    return { ok: true, message: t("meetings.followUp.decided") };
  });
}
