import "server-only";
import { db } from "@/lib/db";
import { can, provinceWhere, type Actor } from "@/lib/auth/policy";
import { todayInTehran } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { holidaysBetween } from "@/lib/calendar/holidays";
import { holidaySet, workingDaysBetween } from "@/lib/calendar/working-days";
import { checkThrottle, recordLoginAttempt } from "@/lib/auth/throttle";
import { statusLookupSchema } from "./schema";
import { stageOf, type Stage } from "./stage";

// Reads of a unit's requests (issue #32). An applicant's reads go through `ownWhere`: a
// request of someone else answers exactly like one that does not exist.

const ownWhere = (actor: Actor) => ({ applicantId: actor.id });

const FOLLOW = {
  obstacles: {
    select: {
      obstacle: {
        select: {
          status: true,
          agendaItems: { select: { agendaItem: { select: { id: true } } }, take: 1 },
          resolutions: { select: { resolutionId: true }, take: 1 },
        },
      },
    },
  },
} as const;

type Followed = {
  status: Parameters<typeof stageOf>[0]["status"];
  resubmittedAt: Date | null;
  obstacles: {
    obstacle: {
      status: Parameters<typeof stageOf>[0]["obstacleStatuses"][number];
      agendaItems: unknown[];
      resolutions: unknown[];
    } | null;
  }[];
};

function stageFrom(r: Followed): Stage {
  const became = r.obstacles.flatMap((o) => (o.obstacle ? [o.obstacle] : []));
  return stageOf({
    status: r.status,
    resubmittedAt: r.resubmittedAt,
    obstacleStatuses: became.map((o) => o.status),
    onAgenda: became.some((o) => o.agendaItems.length > 0),
    hasResolutions: became.some((o) => o.resolutions.length > 0),
  });
}

/** What the applicant's page and the intake page both read out of a request. */
const REQUEST_READ_OUT = {
  id: true,
  status: true,
  version: true,
  trackingCode: true,
  unitName: true,
  unitNationalId: true,
  sector: true,
  operatingStatus: true,
  employees: true,
  submittedAt: true,
  resubmittedAt: true,
  documentsMessage: true,
  decisionReason: true,
  unitId: true,
  county: { select: { nameFa: true, nameEn: true } },
  attachments: { select: { id: true, fileName: true, sizeBytes: true }, orderBy: { createdAt: "asc" } },
} as const;

/** An obstacle as the request describes it (what it became differs by reader). */
const REQUEST_OBSTACLE = {
  id: true,
  position: true,
  description: true,
  amountRials: true,
  agencyIds: true,
  category: { select: { nameFa: true, nameEn: true } },
  subCategory: { select: { nameFa: true, nameEn: true } },
} as const;

/** The agencies the request's obstacles name, for their names. */
async function agenciesNamedIn(obstacles: { agencyIds: string[] }[]) {
  const agencyIds = [...new Set(obstacles.flatMap((o) => o.agencyIds))];
  return agencyIds.length
    ? db.agency.findMany({
        where: { id: { in: agencyIds } },
        select: { id: true, nameFa: true, nameEn: true },
      })
    : [];
}

/** The applicant's own requests, newest first, each with its stage. */
export async function listOwnRequests(actor: Actor) {
  if (!can(actor, "request.file")) return [];
  const rows = await db.unitRequest.findMany({
    where: ownWhere(actor),
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      status: true,
      trackingCode: true,
      unitName: true,
      submittedAt: true,
      resubmittedAt: true,
      createdAt: true,
      ...FOLLOW,
    },
  });
  return rows.map((r) => ({ ...r, stage: stageFrom(r) }));
}

/**
 * One of the applicant's requests with what they may see of its case: their own statements,
 * the secretariat's messages to them, the unit's obstacles that came from it and the unit's
 * resolutions with agency, deadline and status — never agenda notes, progress notes or
 * anything of another unit. Null when it is not theirs.
 */
export async function loadOwnRequest(actor: Actor, id: string) {
  if (!can(actor, "request.file")) return null;
  const request = await db.unitRequest.findFirst({
    where: { id, ...ownWhere(actor) },
    select: {
      ...REQUEST_READ_OUT,
      countyId: true,
      decidedAt: true,
      obstacles: {
        orderBy: { position: "asc" },
        select: {
          ...REQUEST_OBSTACLE,
          obstacle: {
            select: {
              id: true,
              status: true,
              agendaItems: {
                select: {
                  agendaItem: {
                    select: {
                      meeting: { select: { startsAt: true, body: { select: { kind: true } } } },
                    },
                  },
                },
              },
              resolutions: { select: { resolutionId: true }, take: 1 },
            },
          },
        },
      },
    },
  });
  if (!request) return null;
  const stage = stageFrom(request);
  const obstacleIds = request.obstacles.flatMap((o) => (o.obstacle ? [o.obstacle.id] : []));
  const meetings = request.obstacles.flatMap((o) =>
    (o.obstacle?.agendaItems ?? []).map((a) => a.agendaItem.meeting),
  );
  const committeeDate = meetings
    .filter((m) => m.body.kind === "COMMITTEE")
    .map((m) => m.startsAt)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const workingGroupDate = meetings
    .filter((m) => m.body.kind === "WORKING_GROUP")
    .map((m) => m.startsAt)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  // The resolutions about the obstacles this request became: text, agency, deadline, status.
  const resolutions = obstacleIds.length
    ? await db.resolution.findMany({
        where: { obstacles: { some: { obstacleId: { in: obstacleIds } } } },
        orderBy: [{ deadline: "asc" }, { id: "asc" }],
        select: {
          id: true,
          text: true,
          deadline: true,
          status: true,
          responsibleAgency: { select: { nameFa: true, nameEn: true } },
          progressReports: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
          _count: { select: { progressReports: true } },
        },
      })
    : [];
  const agencies = await agenciesNamedIn(request.obstacles);
  const notPossibleReason = stage === "NOT_POSSIBLE" ? await notPossibleReasonOf(request) : null;
  return { ...request, stage, committeeDate, workingGroupDate, resolutions, agencies, notPossibleReason };
}

/**
 * Why the case ended as not possible, as the secretariat recorded it when closing the unit's
 * case (CaseClosure, issue #36) — the one place such a reason is kept: moving an obstacle to
 * "unresolvable" takes none. Only a closure since this request was accepted counts: the
 * unit's earlier history stays hidden from the applicant (decision 230), and only the newest,
 * so a case reopened and closed otherwise does not show a stale reason.
 */
async function notPossibleReasonOf(request: { unitId: string | null; decidedAt: Date | null }) {
  if (!request.unitId || !request.decidedAt) return null;
  const closure = await db.caseClosure.findFirst({
    where: { unitId: request.unitId, createdAt: { gte: request.decidedAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { outcome: true, reason: true },
  });
  return closure?.outcome === "NOT_POSSIBLE" && closure.reason ? closure.reason : null;
}

/** The applicant's own in-app notifications (newest first). */
export function ownNotifications(actor: Actor) {
  if (!can(actor, "notifications.own")) return Promise.resolve([]);
  return db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, subject: true, body: true, createdAt: true, readAt: true, link: true },
  });
}

export function applicantProfile(actor: Actor) {
  return db.applicantProfile.findUnique({
    where: { userId: actor.id },
    select: { nationalCode: true, position: true, unitNationalId: true },
  });
}

/** The intake inbox: requests waiting for the secretariat, oldest first, age in working days. */
export async function listIntake(actor: Actor, locale: Locale, today = todayInTehran()) {
  if (!can(actor, "request.intake")) return [];
  const rows = await db.unitRequest.findMany({
    where: { ...provinceWhere(actor), status: { in: ["SUBMITTED", "DOCUMENTS_REQUESTED"] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      trackingCode: true,
      unitName: true,
      unitNationalId: true,
      submittedAt: true,
      resubmittedAt: true,
      applicant: { select: { name: true } },
      _count: { select: { obstacles: true, attachments: true } },
    },
  });
  const first = rows.reduce<string>((min, r) => {
    const day = todayInTehran(r.submittedAt ?? new Date());
    return day < min ? day : min;
  }, today);
  const days = holidaySet(await holidaysBetween(actor.provinceId, first, today, locale));
  return rows.map((r) => ({
    ...r,
    ageWorkingDays: workingDaysBetween(todayInTehran(r.submittedAt ?? new Date()), today, days),
  }));
}

/** A request as the secretariat decides on it, with the registered unit its national id matches. */
export async function loadIntakeRequest(actor: Actor, id: string) {
  if (!can(actor, "request.intake")) return null;
  const request = await db.unitRequest.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      ...REQUEST_READ_OUT,
      duplicateOfUnitId: true,
      applicant: {
        select: {
          name: true,
          email: true,
          applicantProfile: { select: { nationalCode: true, position: true } },
        },
      },
      obstacles: {
        orderBy: { position: "asc" },
        select: { ...REQUEST_OBSTACLE, obstacle: { select: { id: true, status: true } } },
      },
    },
  });
  if (!request) return null;
  const match = await db.productionUnit.findFirst({
    where: { nationalId: request.unitNationalId, ...provinceWhere(actor), archivedAt: null },
    select: { id: true, name: true },
  });
  const agencies = await agenciesNamedIn(request.obstacles);
  return { ...request, match, agencies };
}

/** How many requests wait for intake (the dashboard's figure and the oversight API's). */
export function countWaitingForIntake(provinceId: string | null) {
  return db.unitRequest.count({
    where: { ...(provinceId ? { provinceId } : {}), status: { in: ["SUBMITTED"] } },
  });
}

export type StatusAnswer =
  | { ok: true; stage: Stage }
  | { ok: false; reason: "invalid" | "notFound" | "throttled"; fieldErrors?: Record<string, string[]> };

/**
 * The public «وضعیت درخواست»: the stage only, for a tracking code plus the unit's national id
 * (both needed, so a code read over someone's shoulder is not enough). Misses are throttled
 * per address like sign-in guesses, so the codes cannot be walked.
 */
export async function lookupStatus(raw: unknown, ip: string | null): Promise<StatusAnswer> {
  const parsed = statusLookupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { trackingCode, unitNationalId } = parsed.data;
  const key = `status:${trackingCode}`;
  const verdict = await checkThrottle(key, ip);
  if (!verdict.ok) return { ok: false, reason: "throttled" };
  const request = await db.unitRequest.findFirst({
    where: { trackingCode, unitNationalId, status: { not: "DRAFT" } },
    select: { status: true, resubmittedAt: true, ...FOLLOW },
  });
  await recordLoginAttempt(key, ip, request !== null);
  if (!request) return { ok: false, reason: "notFound" };
  return { ok: true, stage: stageFrom(request) };
}

/** The reference lists a request's forms offer: the applicant's province's counties and agencies. */
export async function requestFormOptions(actor: Actor) {
  if (!can(actor, "request.file") || !actor.provinceId) return { counties: [], categories: [], agencies: [] };
  const [counties, categories, agencies] = await Promise.all([
    db.county.findMany({
      where: { provinceId: actor.provinceId },
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
    db.obstacleCategory.findMany({
      where: { parentId: null, active: true },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        nameFa: true,
        nameEn: true,
        children: {
          where: { active: true },
          orderBy: { sortOrder: "asc" },
          select: { id: true, nameFa: true, nameEn: true },
        },
      },
    }),
    db.agency.findMany({
      where: { provinceId: actor.provinceId, active: true },
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  return { counties, categories, agencies };
}

/** The provinces a sign-up may choose from (none to choose when there is one). */
export function signUpProvinces() {
  return db.province.findMany({
    orderBy: { nameFa: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

/** Whether the request exists for this reader (own request; the secretariat's province): cheap, for a page's 404. */
export async function requestVisible(actor: Actor, id: string): Promise<boolean> {
  const where = can(actor, "request.intake")
    ? { id, ...provinceWhere(actor) }
    : can(actor, "request.file")
      ? { id, ...ownWhere(actor) }
      : null;
  if (!where) return false;
  return (await db.unitRequest.count({ where })) === 1;
}

/** A document of the applicant's own request, for download; null for anyone else's. */
export function ownDocumentForDownload(actor: Actor, id: string) {
  if (!can(actor, "request.file")) return Promise.resolve(null);
  return db.attachment.findFirst({
    where: { id, unitRequest: { is: ownWhere(actor) } },
    select: { id: true, storageKey: true, fileName: true, mimeType: true, sizeBytes: true },
  });
}
