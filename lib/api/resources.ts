import "server-only";
import type { z } from "zod";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { todayInTehran } from "@/lib/i18n/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unitWhere, withOpenObstacleCounts } from "@/lib/units/queries";
import { obstacleWhere } from "@/lib/obstacles/queries";
import { meetingWhere, withMeetingCounts } from "@/lib/meetings/queries";
import { daysUntil, registerWhere } from "@/lib/resolutions/queries";
import { isOpenResolution } from "@/lib/resolutions/status";
import { ProblemError } from "@/lib/errors";
import type {
  obstacleQuerySchema,
  ObstacleOut,
  resolutionQuerySchema,
  ResolutionOut,
  sessionQuerySchema,
  SessionOut,
  unitQuerySchema,
  UnitOut,
} from "./schema";
import type { Translate } from "@/lib/i18n/messages";

// The API's reads. Each list takes the same `where` its page in the UI builds (unitWhere,
// obstacleWhere, meetingWhere, registerWhere: province scope included), so for one filter
// the API and the UI return the same rows. Pages are a keyset on id: a cursor names the last
// id seen and the next page starts after it, so rows added meanwhile never shift a page.

export type Page<T> = { data: T[]; nextCursor: string | null };

const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");

function decodeCursor(cursor: string | undefined, t: Translate): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ProblemError("bad-request", t("api.e.invalidCursor"));
  return id;
}

/**
 * One page of a list: `find` is the model's findMany with its select, given the list's
 * `where` narrowed to ids after the cursor, in id order, one row more than the page to know
 * whether another follows.
 */
async function keysetPage<Where, Row extends { id: string }>(
  find: (args: {
    where: { AND: (Where | { id: { gt: string } })[] };
    orderBy: { id: "asc" };
    take: number;
  }) => Promise<Row[]>,
  where: Where,
  { cursor, limit }: { cursor?: string; limit: number },
  t: Translate,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, t);
  const rows = await find({
    where: { AND: after ? [where, { id: { gt: after } }] : [where] },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, nextCursor: more && last ? encodeCursor(last.id) : null };
}

const iso = (d: Date) => d.toISOString();
/** A DB date column (a calendar date read as UTC midnight) as YYYY-MM-DD. */
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

// ─── Units ──────────────────────────────────────────────────────────────────

const UNIT_SELECT = {
  id: true,
  name: true,
  nationalId: true,
  sector: true,
  status: true,
  activity: true,
  industrialPark: true,
  employees: true,
  capacityUsePct: true,
  updatedAt: true,
  county: { select: { id: true, nameFa: true, nameEn: true } },
} satisfies Prisma.ProductionUnitSelect;

export async function apiUnits(
  actor: Actor,
  q: z.infer<typeof unitQuerySchema>,
  t: Translate,
): Promise<Page<UnitOut>> {
  authorize(actor, "case.read");
  const where = unitWhere(actor, {
    q: q.q ?? "",
    sector: q.sector,
    countyId: q.countyId,
    status: q.status,
    park: q.park,
    open: q.open,
  });
  const { rows, nextCursor } = await keysetPage(
    (page) =>
      db.productionUnit
        .findMany({ ...page, select: UNIT_SELECT })
        // Counted for this page's units only (Prisma's filtered _count scans every obstacle).
        .then(withOpenObstacleCounts),
    where,
    q,
    t,
  );
  return {
    nextCursor,
    data: rows.map(({ _count, updatedAt, ...u }) => ({
      ...u,
      openObstacles: _count.obstacles,
      updatedAt: iso(updatedAt),
    })),
  };
}

// ─── Obstacles ──────────────────────────────────────────────────────────────

const CATEGORY = { select: { code: true, nameFa: true, nameEn: true } } as const;
const OBSTACLE_SELECT = {
  id: true,
  description: true,
  amountRials: true,
  status: true,
  createdAt: true,
  unit: { select: { id: true, name: true } },
  category: CATEGORY,
  subCategory: CATEGORY,
  agencies: { select: { agency: { select: { id: true, nameFa: true, nameEn: true } } } },
} satisfies Prisma.ObstacleSelect;

export async function apiObstacles(
  actor: Actor,
  q: z.infer<typeof obstacleQuerySchema>,
  t: Translate,
): Promise<Page<ObstacleOut>> {
  authorize(actor, "case.read");
  const where = obstacleWhere(actor, {
    q: q.q ?? "",
    status: q.status,
    open: q.open,
    categoryId: q.categoryId,
    countyId: q.countyId,
    agencyId: q.agencyId,
  });
  const { rows, nextCursor } = await keysetPage(
    (page) => db.obstacle.findMany({ ...page, select: OBSTACLE_SELECT }),
    where,
    q,
    t,
  );
  return {
    nextCursor,
    data: rows.map((o) => ({
      ...o,
      amountRials: o.amountRials === null ? null : o.amountRials.toString(),
      agencies: o.agencies.map((a) => a.agency),
      createdAt: iso(o.createdAt),
    })),
  };
}

// ─── Sessions ───────────────────────────────────────────────────────────────

const SESSION_SELECT = {
  id: true,
  jalaliYear: true,
  number: true,
  startsAt: true,
  place: true,
  status: true,
  minutesApprovedAt: true,
  body: { select: { kind: true } },
} satisfies Prisma.MeetingSelect;

export async function apiSessions(
  actor: Actor,
  q: z.infer<typeof sessionQuerySchema>,
  t: Translate,
): Promise<Page<SessionOut>> {
  authorize(actor, "case.read");
  const where = meetingWhere(actor, q);
  const { rows, nextCursor } = await keysetPage(
    (page) =>
      db.meeting
        .findMany({ ...page, select: SESSION_SELECT })
        // Counted for this page's sessions only (Prisma's _count groups whole tables).
        .then(withMeetingCounts),
    where,
    q,
    t,
  );
  return {
    nextCursor,
    data: rows.map(({ body, _count, startsAt, minutesApprovedAt, ...m }) => ({
      ...m,
      body: body.kind,
      startsAt: iso(startsAt),
      minutesApprovedAt: isoOrNull(minutesApprovedAt),
      agendaItems: _count.agendaItems,
      resolutions: _count.resolutions,
    })),
  };
}

// ─── Resolutions ────────────────────────────────────────────────────────────

const NAMED = { select: { id: true, nameFa: true, nameEn: true } } as const;
const RESOLUTION_SELECT = {
  id: true,
  text: true,
  status: true,
  version: true,
  deadline: true,
  doneReportedAt: true,
  verifiedAt: true,
  meeting: { select: { id: true, jalaliYear: true, number: true, body: { select: { kind: true } } } },
  unit: { select: { id: true, name: true } },
  responsibleAgency: NAMED,
  supportingAgencies: { select: { agency: NAMED } },
  obstacles: { select: { obstacleId: true } },
  extensionRequests: {
    where: { status: "PENDING" },
    take: 1,
    select: { requestedDeadline: true, createdAt: true },
  },
  progressReports: {
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      note: true,
      fromStatus: true,
      toStatus: true,
      createdAt: true,
      author: { select: { name: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true } },
    },
  },
} satisfies Prisma.ResolutionSelect;
type ResolutionRow = Prisma.ResolutionGetPayload<{ select: typeof RESOLUTION_SELECT }>;

function resolutionOut(r: ResolutionRow, today: string): ResolutionOut {
  const open = isOpenResolution(r.status);
  const days = daysUntil(r.deadline, today);
  const pending = r.extensionRequests[0];
  return {
    id: r.id,
    text: r.text,
    status: r.status,
    version: r.version,
    deadline: isoDate(r.deadline),
    overdue: open && days < 0,
    daysUntilDeadline: days,
    doneReportedAt: isoOrNull(r.doneReportedAt),
    verifiedAt: isoOrNull(r.verifiedAt),
    session: {
      id: r.meeting.id,
      body: r.meeting.body.kind,
      jalaliYear: r.meeting.jalaliYear,
      number: r.meeting.number,
    },
    unit: r.unit,
    responsibleAgency: r.responsibleAgency,
    supportingAgencies: r.supportingAgencies.map((s) => s.agency),
    obstacleIds: r.obstacles.map((o) => o.obstacleId),
    pendingExtension: pending
      ? { requestedDeadline: isoDate(pending.requestedDeadline), createdAt: iso(pending.createdAt) }
      : null,
    progressReports: r.progressReports.map((p) => ({
      id: p.id,
      note: p.note,
      fromStatus: p.fromStatus,
      toStatus: p.toStatus,
      author: p.author?.name ?? null,
      createdAt: iso(p.createdAt),
      attachments: p.attachments,
    })),
  };
}

export async function apiResolutions(
  actor: Actor,
  q: z.infer<typeof resolutionQuerySchema>,
  t: Translate,
  today = todayInTehran(),
): Promise<Page<ResolutionOut>> {
  authorize(actor, "case.read");
  const where = registerWhere(
    actor,
    {
      agencyId: q.agencyId,
      status: q.status,
      overdue: q.overdue === "true",
      meetingId: q.sessionId,
      unitId: q.unitId,
      categoryId: q.categoryId,
      from: q.from,
      to: q.to,
    },
    today,
  );
  const { rows, nextCursor } = await keysetPage(
    (page) => db.resolution.findMany({ ...page, select: RESOLUTION_SELECT }),
    where,
    q,
    t,
  );
  return { nextCursor, data: rows.map((r) => resolutionOut(r, today)) };
}

/** One resolution in the actor's reach, or null (the same answer for "absent" and "elsewhere"). */
export async function apiResolution(actor: Actor, id: string, today = todayInTehran()) {
  authorize(actor, "case.read");
  const row = await db.resolution.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: RESOLUTION_SELECT,
  });
  return row ? resolutionOut(row, today) : null;
}

export type IntakeCountOut = {
  provinceCode: string;
  waiting: number;
  documentsRequested: number;
  accepted: number;
  rejected: number;
  duplicate: number;
};

/**
 * Units' own requests (issue #32) counted by province and status, for national oversight:
 * numbers only, never an applicant's name, e-mail or identity numbers. One grouped query.
 */
export async function apiIntakeCounts(actor: Actor): Promise<{ data: IntakeCountOut[] }> {
  authorize(actor, "case.read");
  const [groups, provinces] = await Promise.all([
    db.unitRequest.groupBy({
      by: ["provinceId", "status"],
      where: { ...provinceWhere(actor), status: { not: "DRAFT" } },
      _count: { _all: true },
    }),
    db.province.findMany({
      where: actor.provinceId ? { id: actor.provinceId } : {},
      select: { id: true, code: true },
    }),
  ]);
  const count = (provinceId: string, status: string) =>
    groups.find((g) => g.provinceId === provinceId && g.status === status)?._count._all ?? 0;
  return {
    data: provinces
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({
        provinceCode: p.code,
        waiting: count(p.id, "SUBMITTED"),
        documentsRequested: count(p.id, "DOCUMENTS_REQUESTED"),
        accepted: count(p.id, "ACCEPTED"),
        rejected: count(p.id, "REJECTED"),
        duplicate: count(p.id, "DUPLICATE"),
      })),
  };
}
