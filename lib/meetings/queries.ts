import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BodyKind, MeetingStatus } from "@/lib/generated/prisma/enums";
import { normalizeText } from "@/lib/i18n/normalize";
import { likeEscape } from "@/lib/db-search";
import { OPEN_OBSTACLE_STATUSES } from "@/lib/obstacles/transitions";
import { ELIGIBLE_STATUS } from "./lifecycle";

const MEETING_SELECT = {
  id: true,
  number: true,
  jalaliYear: true,
  startsAt: true,
  place: true,
  status: true,
  body: { select: { kind: true } },
} as const;

type MeetingCounts = { _count: { agendaItems: number; resolutions: number } };

/**
 * Agenda items and resolutions of these sessions, counted for them only. Prisma's relation
 * `_count` groups the whole AgendaItem and Resolution tables before joining: 200–400 ms per
 * list at national size (issue #15, docs/decisions/122-counts-for-the-rows-shown.md).
 */
export async function withMeetingCounts<T extends { id: string }>(rows: T[]): Promise<(T & MeetingCounts)[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, resolutions] = await Promise.all([
    db.agendaItem.groupBy({ by: ["meetingId"], where: { meetingId: { in: ids } }, _count: { _all: true } }),
    db.resolution.groupBy({ by: ["meetingId"], where: { meetingId: { in: ids } }, _count: { _all: true } }),
  ]);
  const count = (groups: { meetingId: string; _count: { _all: number } }[]) =>
    new Map(groups.map((g) => [g.meetingId, g._count._all]));
  const byItems = count(items);
  const byResolutions = count(resolutions);
  return rows.map((r) => ({
    ...r,
    _count: { agendaItems: byItems.get(r.id) ?? 0, resolutions: byResolutions.get(r.id) ?? 0 },
  }));
}

/** The latest working-group session that has been held, with its resolutions by status. */
export async function lastWorkingGroupMeeting(actor: Actor, now = new Date()) {
  authorize(actor, "case.read");
  const meeting = await db.meeting.findFirst({
    where: {
      ...provinceWhere(actor),
      body: { kind: "WORKING_GROUP" },
      status: { not: "PLANNED" },
      startsAt: { lt: now },
    },
    orderBy: { startsAt: "desc" },
    select: MEETING_SELECT,
  });
  if (!meeting) return null;
  const byStatus = await db.resolution.groupBy({
    by: ["status"],
    where: { meetingId: meeting.id },
    _count: true,
  });
  return { ...meeting, byStatus: byStatus.map((g) => ({ status: g.status, count: g._count })) };
}

// ─── Sessions: list, one session's records, minutes, the chair's brief ──────

export const MEETINGS_PAGE_SIZE = 20;

export type MeetingFilters = { body?: BodyKind; status?: MeetingStatus; year?: number; page?: number };

/** The sessions list's filters in the actor's province; the API lists with the same. */
export function meetingWhere(
  actor: Actor,
  { body, status, year }: Omit<MeetingFilters, "page">,
): Prisma.MeetingWhereInput {
  return {
    ...provinceWhere(actor),
    ...(body ? { body: { kind: body } } : {}),
    ...(status ? { status } : {}),
    ...(year ? { jalaliYear: year } : {}),
  };
}

export async function listMeetings(actor: Actor, { page = 1, ...filters }: MeetingFilters = {}) {
  authorize(actor, "case.read");
  const where = meetingWhere(actor, filters);
  const [total, meetings, years] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting
      .findMany({
        where,
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
        skip: (Math.max(1, page) - 1) * MEETINGS_PAGE_SIZE,
        take: MEETINGS_PAGE_SIZE,
        select: MEETING_SELECT,
      })
      .then(withMeetingCounts),
    // Grouped in PostgreSQL: Prisma's `distinct` reads every session and drops the repeats in
    // the server (31,000 rows for a national viewer at ten-year size, issue #34).
    db.meeting.groupBy({ by: ["jalaliYear"], where: provinceWhere(actor), orderBy: { jalaliYear: "desc" } }),
  ]);
  return {
    meetings,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE)),
    years: years.map((y) => y.jalaliYear),
  };
}

const AGENCY_NAME = { select: { id: true, nameFa: true, nameEn: true } } as const;

const OBSTACLE_SUMMARY = {
  id: true,
  description: true,
  amountRials: true,
  status: true,
  category: { select: { nameFa: true, nameEn: true } },
  subCategory: { select: { nameFa: true, nameEn: true } },
} satisfies Prisma.ObstacleSelect;

/**
 * A session with everything its page, its minutes and its export show, in one round of
 * queries; cached per request because a page's metadata and body both ask for it.
 */
export const getMeeting = cache(async function getMeeting(actor: Actor, id: string) {
  authorize(actor, "case.read");
  return db.meeting.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      ...MEETING_SELECT,
      provinceId: true,
      screenItemId: true,
      version: true,
      minutesApprovedAt: true,
      minutesApprovedBy: { select: { name: true } },
      approvedResolutions: true,
      body: {
        select: {
          id: true,
          kind: true,
          nameFa: true,
          nameEn: true,
          chairName: true,
          secretaryName: true,
          members: { select: { agency: AGENCY_NAME }, orderBy: { agency: { nameFa: "asc" } } },
        },
      },
      attendances: { select: { agencyId: true, mode: true, attendeeName: true, version: true } },
      invitees: { select: { agency: AGENCY_NAME }, orderBy: { agency: { nameFa: "asc" } } },
      agendaItems: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          position: true,
          presenter: true,
          outcome: true,
          version: true,
          unit: { select: { id: true, name: true, managerName: true } },
          obstacles: { select: { obstacle: { select: OBSTACLE_SUMMARY } } },
          resolutions: {
            orderBy: [{ sequence: "asc" }, { createdAt: "asc" }],
            select: {
              id: true,
              sequence: true,
              text: true,
              deadline: true,
              status: true,
              responsibleAgencyId: true,
              responsibleAgency: AGENCY_NAME,
              supportingAgencies: { select: { agency: AGENCY_NAME } },
              obstacles: { select: { obstacleId: true } },
            },
          },
        },
      },
    },
  });
});
export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

export const ELIGIBLE_UNITS_LIMIT = 30;

/**
 * Obstacles the session may take up, grouped by unit: registered ones for the committee,
 * referred ones for the working group, never one already waiting on another agenda nor one of
 * an archived unit.
 */
export async function listEligibleObstacles(
  actor: Actor,
  kind: BodyKind,
  { query = "" }: { query?: string } = {},
) {
  authorize(actor, "case.read");
  const q = normalizeText(query);
  const where: Prisma.ObstacleWhereInput = {
    ...provinceWhere(actor),
    status: ELIGIBLE_STATUS[kind],
    agendaItems: { none: { agendaItem: { outcome: null } } },
    // An archived unit has left the register: its obstacles go on no agenda.
    unit: { archivedAt: null, ...(q ? { nameNormalized: { contains: likeEscape(q) } } : {}) },
  };
  const units = await db.productionUnit.findMany({
    where: { obstacles: { some: where } },
    orderBy: { name: "asc" },
    take: ELIGIBLE_UNITS_LIMIT,
    select: {
      id: true,
      name: true,
      obstacles: { where, orderBy: { createdAt: "asc" }, select: OBSTACLE_SUMMARY },
    },
  });
  return units;
}

/**
 * Agencies a resolution may name: the province's active agencies, members of the body first.
 * Cached per request: the session page's entry and its follow-up panel both offer them.
 */
export const listAgencyOptions = cache(async function listAgencyOptions(actor: Actor) {
  authorize(actor, "case.read");
  return db.agency.findMany({
    where: { ...provinceWhere(actor), active: true },
    orderBy: [{ kind: "asc" }, { nameFa: "asc" }],
    select: { id: true, nameFa: true, nameEn: true, kind: true },
  });
});

/**
 * The agencies named in a session's cases: those concerned by the obstacles on its agenda and
 * those its resolutions name. The page proposes them as invitees and lists them first in the
 * agency picker.
 */
export async function listCaseAgencyIds(actor: Actor, meetingId: string): Promise<string[]> {
  authorize(actor, "case.read");
  const scope = { meeting: { id: meetingId, ...provinceWhere(actor) } };
  const [concerned, responsible, supporting] = await Promise.all([
    db.obstacleAgency.findMany({
      where: { obstacle: { agendaItems: { some: { agendaItem: scope } } } },
      select: { agencyId: true },
    }),
    db.resolution.findMany({ where: scope, select: { responsibleAgencyId: true } }),
    db.resolutionSupportingAgency.findMany({ where: { resolution: scope }, select: { agencyId: true } }),
  ]);
  return [
    ...new Set([
      ...concerned.map((c) => c.agencyId),
      ...responsible.map((r) => r.responsibleAgencyId),
      ...supporting.map((s) => s.agencyId),
    ]),
  ];
}

/**
 * The chair's brief: per unit on the agenda, its details, open obstacles with the agencies
 * concerned, and every earlier resolution about it with whether it was met.
 */
export async function getChairBrief(actor: Actor, id: string) {
  authorize(actor, "case.read");
  const meeting = await db.meeting.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      ...MEETING_SELECT,
      agendaItems: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          position: true,
          presenter: true,
          unit: {
            select: {
              id: true,
              name: true,
              sector: true,
              status: true,
              activity: true,
              employees: true,
              capacityUsePct: true,
              managerName: true,
              industrialPark: true,
              county: { select: { nameFa: true, nameEn: true } },
              obstacles: {
                where: { status: { in: [...OPEN_OBSTACLE_STATUSES] } },
                orderBy: { createdAt: "asc" },
                select: { ...OBSTACLE_SUMMARY, agencies: { select: { agency: AGENCY_NAME } } },
              },
              resolutions: {
                where: { meetingId: { not: id } },
                orderBy: [{ deadline: "desc" }],
                take: 20,
                select: {
                  id: true,
                  text: true,
                  deadline: true,
                  status: true,
                  responsibleAgency: AGENCY_NAME,
                  obstacles: { select: { obstacle: { select: { id: true, description: true } } } },
                  meeting: { select: { number: true, jalaliYear: true, body: { select: { kind: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  return meeting;
}
export type ChairBrief = NonNullable<Awaited<ReturnType<typeof getChairBrief>>>;

/** The little a live stream or the hall screen needs to authorise: the session's province. */
export async function getMeetingRef(actor: Actor, id: string) {
  authorize(actor, "case.read");
  return db.meeting.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: { id: true, provinceId: true, screenItemId: true },
  });
}
