import "server-only";
import { PROGRESS_SELECT, progressFromCounts, type Progress } from "@/lib/outcomes/progress";
import { stalledSince } from "@/lib/outcomes/queries";
import { exportBatchRows } from "@/lib/reports/table";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
// The detail page carries the version its progress form sends back: read it where it is written.
import { db as primary } from "@/lib/db";
import { selectRows } from "@/lib/db-rows";
import { authorize, can, provinceWhere, type Actor } from "@/lib/auth/policy";
import { keptFigures } from "@/lib/cache";
import { calendarDate, todayInTehran } from "@/lib/i18n/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { choiceById } from "@/lib/search/choices";
import type { ResolutionFilter } from "./schema";
import { OPEN_STATUSES } from "./status";

const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");

// Overdue is derived, never stored: the deadline (a Tehran calendar date) has passed and the
// agency has not reported the work done. The dashboard's raw SQL has a twin of
// overdueWhere() (lib/dashboard/queries.ts, `status in ${OPEN} and deadline < today`) built
// from the same OPEN_STATUSES; tests/integration/dashboard.test.ts keeps the two counting alike.

export function overdueWhere(today = todayInTehran()): Prisma.ResolutionWhereInput {
  return { status: { in: [...OPEN_STATUSES] }, deadline: { lt: calendarDate(today) } };
}

/** Whole days from today (Tehran) to the deadline: negative when late. */
export function daysUntil(deadline: Date, today = todayInTehran()): number {
  return Math.round((deadline.getTime() - calendarDate(today).getTime()) / 86_400_000);
}

export const RESOLUTION_LIST_SELECT = {
  id: true,
  text: true,
  deadline: true,
  status: true,
  unit: { select: { id: true, name: true } },
  responsibleAgency: { select: { id: true, nameFa: true, nameEn: true } },
  meeting: { select: { id: true, number: true, jalaliYear: true, body: { select: { kind: true } } } },
  // How far along it is (lib/outcomes/progress.ts): its steps and the last stated percentage.
  ...PROGRESS_SELECT,
} satisfies Prisma.ResolutionSelect;

export type ResolutionListItem = Prisma.ResolutionGetPayload<{ select: typeof RESOLUTION_LIST_SELECT }>;
/**
 * A resolution as the spreadsheet export lists it: the list's columns, its progress counted in
 * the export's own statement (the same rule, lib/outcomes/progress.ts) and whether it is stalled
 * (the dashboard's rule, lib/outcomes/queries.ts stalledFigure).
 */
export type ResolutionExportItem = Omit<ResolutionListItem, keyof typeof PROGRESS_SELECT> & {
  progress: Progress;
  stalled: boolean;
};

export const RESOLUTIONS_PAGE_SIZE = 25;

/** The register's filters as a Prisma condition; the province scope is added by the caller. */
export function filterWhere(
  f: Partial<ResolutionFilter>,
  today = todayInTehran(),
): Prisma.ResolutionWhereInput {
  const and: Prisma.ResolutionWhereInput[] = [];
  if (f.agencyId) and.push({ responsibleAgencyId: f.agencyId });
  if (f.status) and.push({ status: f.status });
  if (f.overdue) and.push(overdueWhere(today));
  if (f.meetingId) and.push({ meetingId: f.meetingId });
  if (f.unitId) and.push({ unitId: f.unitId });
  if (f.categoryId)
    and.push({
      obstacles: {
        some: { obstacle: { OR: [{ categoryId: f.categoryId }, { subCategoryId: f.categoryId }] } },
      },
    });
  if (f.from) and.push({ deadline: { gte: calendarDate(f.from) } });
  if (f.to) and.push({ deadline: { lte: calendarDate(f.to) } });
  return and.length ? { AND: and } : {};
}

/**
 * One page of resolutions with the open ones (overdue first, then by deadline) before the
 * closed ones (latest first). Two ordered queries stitched at the page boundary, because the
 * order depends on the status and SQL ordering through Prisma cannot express that.
 */
async function openFirstPage(
  where: Prisma.ResolutionWhereInput,
  page: number,
  size: number,
  /** Keeps the counts until a resolution of the actor's scope changes (lib/cache.ts). */
  kept?: { actor: Actor; key: unknown },
) {
  const openWhere = { AND: [where, { status: { in: [...OPEN_STATUSES] } }] };
  const closedWhere = { AND: [where, { status: { notIn: [...OPEN_STATUSES] } }] };
  const counts = () =>
    Promise.all([db.resolution.count({ where: openWhere }), db.resolution.count({ where: closedWhere })]);
  const [openCount, closedCount] = kept
    ? await keptFigures(kept.actor, kept.key, counts, "changes")
    : await counts();
  const skip = (Math.max(1, page) - 1) * size;
  const openTake = Math.max(0, Math.min(size, openCount - skip));
  const closedSkip = Math.max(0, skip - openCount);
  const [open, closed] = await Promise.all([
    openTake > 0
      ? db.resolution.findMany({
          where: openWhere,
          orderBy: [{ deadline: "asc" }, { id: "asc" }],
          skip,
          take: openTake,
          select: RESOLUTION_LIST_SELECT,
        })
      : Promise.resolve([]),
    size - openTake > 0
      ? db.resolution.findMany({
          where: closedWhere,
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          skip: closedSkip,
          take: size - openTake,
          select: RESOLUTION_LIST_SELECT,
        })
      : Promise.resolve([]),
  ]);
  const total = openCount + closedCount;
  return { items: [...open, ...closed], total, page, pages: Math.max(1, Math.ceil(total / size)) };
}

/** The agency inbox: resolutions the actor's agency is responsible for, with filters. */
export async function listAgencyInbox(
  actor: Actor,
  f: Partial<ResolutionFilter> = {},
  today = todayInTehran(),
) {
  authorize(actor, "case.read");
  if (!actor.agencyId) return { items: [], total: 0, page: 1, pages: 1 };
  const where = {
    AND: [
      { ...provinceWhere(actor), responsibleAgencyId: actor.agencyId },
      filterWhere({ status: f.status, meetingId: f.meetingId }, today),
    ],
  };
  // Every condition is on the resolution row itself, so its triggers tell when to count again.
  return openFirstPage(where, f.page ?? 1, RESOLUTIONS_PAGE_SIZE, {
    actor,
    key: ["inbox-counts", actor.agencyId, f.status ?? null, f.meetingId ?? null, today],
  });
}

/** Resolutions where the actor's agency is named as a supporting agency. */
export async function listSupportedResolutions(actor: Actor, { page = 1 }: { page?: number } = {}) {
  authorize(actor, "case.read");
  if (!actor.agencyId) return { items: [], total: 0, page: 1, pages: 1 };
  return openFirstPage(
    { ...provinceWhere(actor), supportingAgencies: { some: { agencyId: actor.agencyId } } },
    page,
    RESOLUTIONS_PAGE_SIZE,
  );
}

/**
 * The register's filter form: the categories (a short list) and the session, agency and unit
 * currently filtered by, named. The rest of those are searched as people type
 * (lib/search/choices.ts); the whole lists ran to 50,000 units and 3,100 sessions.
 */
export async function resolutionFilterOptions(
  ctx: { actor: Actor; locale: Locale; t: Translate },
  chosen: { meetingId?: string; agencyId?: string; unitId?: string },
  { full = true } = {},
) {
  authorize(ctx.actor, "case.read");
  const [sessions, agencies, units, categories] = await Promise.all([
    choiceById(ctx, "sessions", chosen.meetingId),
    full ? choiceById(ctx, "agencies", chosen.agencyId) : null,
    full ? choiceById(ctx, "units", chosen.unitId) : null,
    full
      ? db.obstacleCategory.findMany({
          where: { active: true },
          orderBy: [{ sortOrder: "asc" }, { nameFa: "asc" }],
          select: { id: true, nameFa: true, nameEn: true, parentId: true },
        })
      : [],
  ]);
  return { chosen: { sessions, agencies, units }, categories };
}

/**
 * The register's rows for a filter, in the actor's province: the one definition the page, the
 * spreadsheet export and the API (lib/api/resources.ts) share, so they list the same rows.
 */
export function registerWhere(
  actor: Actor,
  f: Partial<ResolutionFilter>,
  today = todayInTehran(),
): Prisma.ResolutionWhereInput {
  return { AND: [provinceWhere(actor), filterWhere(f, today)] };
}

/** The register: every resolution in the actor's reach, filtered, one page at a time. */
export async function listResolutions(
  actor: Actor,
  f: Partial<ResolutionFilter> = {},
  today = todayInTehran(),
) {
  authorize(actor, "case.read");
  const where = registerWhere(actor, f, today);
  const page = f.page ?? 1;
  const { page: _page, ...counted } = f;
  const [total, items] = await Promise.all([
    // Kept until a resolution of the scope changes (lib/cache.ts; issue #15); today is in the
    // key because "overdue" moves with it.
    keptFigures(actor, ["register-total", counted, today], () => db.resolution.count({ where }), "changes"),
    db.resolution.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * RESOLUTIONS_PAGE_SIZE,
      take: RESOLUTIONS_PAGE_SIZE,
      select: RESOLUTION_LIST_SELECT,
    }),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / RESOLUTIONS_PAGE_SIZE)) };
}

/** How many resolutions the register's filters match: decides between a download and a job. */
export async function countResolutions(
  actor: Actor,
  f: Partial<ResolutionFilter> = {},
  today = todayInTehran(),
) {
  authorize(actor, "case.read");
  return db.resolution.count({ where: registerWhere(actor, f, today) });
}

/**
 * Every matching resolution for the spreadsheet export, in batches, so a national export
 * never holds 200,000 rows in memory at once. Each batch is two queries: the ids through
 * Prisma (the register's filters and scope, keyset on id), then the rows with their unit,
 * agency and session joined in one SQL statement read by node-postgres (lib/db-rows.ts).
 * Prisma's nested reads cost four queries and several objects per row, and its raw queries
 * still several objects per row; at 200,000 rows that garbage alone grew the server by
 * ~190 MB (docs/performance.md).
 */
export async function* exportResolutions(
  actor: Actor,
  f: Partial<ResolutionFilter> = {},
  today = todayInTehran(),
  batch = exportBatchRows(),
): AsyncGenerator<ResolutionExportItem[]> {
  authorize(actor, "case.read");
  const where = registerWhere(actor, f, today);
  // Stalled as the dashboard counts it: open, not overdue, no report since this day.
  const { since } = await stalledSince(actor.provinceId, today);
  let last: string | undefined;
  for (;;) {
    const ids = (
      await db.resolution.findMany({
        where: last ? { AND: [where, { id: { gt: last } }] } : where,
        orderBy: { id: "asc" },
        take: batch,
        select: { id: true },
      })
    ).map((r) => r.id);
    if (ids.length === 0) return;
    const rows = await selectRows<FlatResolution>(
      `select r.id, r.text, r.deadline, r.status::text as status, r."unitId", u.name as "unitName",
              r."responsibleAgencyId", a."nameFa" as "agencyFa", a."nameEn" as "agencyEn",
              r."meetingId", m.number, m."jalaliYear", b.kind::text as "bodyKind",
              ms.done, ms.total, pr.stated,
              (r.status in (${OPEN_SQL}) and r.deadline >= $2::date
                and (coalesce(pr.last_at, r."createdAt") at time zone 'Asia/Tehran')::date <= $3::date) as stalled
       from "Resolution" r
       join "ProductionUnit" u on u.id = r."unitId"
       join "Agency" a on a.id = r."responsibleAgencyId"
       join "Meeting" m on m.id = r."meetingId"
       join "Body" b on b.id = m."bodyId"
       -- Its steps and its reports, in this statement: no look-up per row.
       cross join lateral (
         select count(*)::int as total, (count(*) filter (where ms."doneAt" is not null))::int as done
         from "ResolutionMilestone" ms where ms."resolutionId" = r.id) ms
       cross join lateral (
         select max(p."createdAt") as last_at,
           (array_agg(p."progressPct" order by p."createdAt" desc) filter (where p."progressPct" is not null))[1] as stated
         from "ProgressReport" p where p."resolutionId" = r.id) pr
       where r.id = any($1)
       order by r.id`,
      [ids, today, since],
    );
    yield rows.map((r) => ({
      id: r.id,
      text: r.text,
      deadline: r.deadline,
      status: r.status,
      unit: { id: r.unitId, name: r.unitName },
      responsibleAgency: { id: r.responsibleAgencyId, nameFa: r.agencyFa, nameEn: r.agencyEn },
      meeting: { id: r.meetingId, number: r.number, jalaliYear: r.jalaliYear, body: { kind: r.bodyKind } },
      progress: progressFromCounts({ status: r.status, done: r.done, total: r.total, stated: r.stated }),
      stalled: r.stalled,
    }));
    last = ids.at(-1);
    if (ids.length < batch) return;
  }
}

type FlatResolution = {
  id: string;
  text: string;
  deadline: Date;
  status: ResolutionListItem["status"];
  unitId: string;
  unitName: string;
  responsibleAgencyId: string;
  agencyFa: string;
  agencyEn: string;
  meetingId: string;
  number: number;
  jalaliYear: number;
  bodyKind: ResolutionListItem["meeting"]["body"]["kind"];
  done: number;
  total: number;
  stated: number | null;
  stalled: boolean;
};

/**
 * Whether the resolution is within the actor's reach: getResolutionDetail's look-up (on the
 * primary too, so a resolution just written is found) without the rest of the page.
 */
export async function resolutionInReach(actor: Actor, id: string): Promise<boolean> {
  authorize(actor, "case.read");
  return (
    (await primary.resolution.findFirst({ where: { id, ...provinceWhere(actor) }, select: { id: true } })) !==
    null
  );
}

/** Everything the resolution's page shows, or null when it is not in the actor's reach. */
export async function getResolutionDetail(actor: Actor, id: string) {
  authorize(actor, "case.read");
  const resolution = await primary.resolution.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      id: true,
      provinceId: true,
      text: true,
      status: true,
      version: true,
      deadline: true,
      doneReportedAt: true,
      verifiedAt: true,
      createdAt: true,
      unit: { select: { id: true, name: true } },
      meeting: {
        select: {
          id: true,
          number: true,
          jalaliYear: true,
          startsAt: true,
          body: { select: { kind: true } },
        },
      },
      responsibleAgency: { select: { id: true, nameFa: true, nameEn: true, kind: true } },
      supportingAgencies: { select: { agency: { select: { id: true, nameFa: true, nameEn: true } } } },
      obstacles: {
        select: {
          obstacle: {
            select: {
              id: true,
              description: true,
              status: true,
              amountRials: true,
              moneyKind: true,
              category: { select: { nameFa: true, nameEn: true } },
            },
          },
        },
      },
      approvedAmountRials: true,
      milestones: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, title: true, dueOn: true, doneAt: true },
      },
      progressReports: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          note: true,
          fromStatus: true,
          toStatus: true,
          createdAt: true,
          progressPct: true,
          moneyMovement: true,
          amountRials: true,
          moneyOn: true,
          milestones: { select: { id: true, title: true }, orderBy: { position: "asc" } },
          author: { select: { name: true } },
          attachments: {
            select: { id: true, fileName: true, sizeBytes: true },
            orderBy: { createdAt: "asc" },
          },
        },
      },
      extensionRequests: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          previousDeadline: true,
          requestedDeadline: true,
          reason: true,
          status: true,
          decidedAt: true,
          decisionNote: true,
          createdAt: true,
          requestedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!resolution) return null;
  // The audit trail is the secretariat's and the administrator's (policy "audit.read").
  const history = can(actor, "audit.read", { provinceId: resolution.provinceId })
    ? await primary.auditEvent.findMany({
        where: { entityType: "Resolution", entityId: id },
        orderBy: { createdAt: "desc" },
        take: 100,
        select: {
          id: true,
          action: true,
          before: true,
          after: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      })
    : null;
  return { ...resolution, history };
}
export type ResolutionDetail = NonNullable<Awaited<ReturnType<typeof getResolutionDetail>>>;

/** A resolution's returns (the agency said "not our remit"), newest first, with the days in dispute. */
export async function listResolutionReturns(actor: Actor, resolutionId: string) {
  authorize(actor, "case.read");
  return db.resolutionReturn.findMany({
    where: { resolutionId, resolution: provinceWhere(actor) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      reason: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionNote: true,
      disputeDays: true,
      fromAgency: { select: { nameFa: true, nameEn: true } },
      toAgency: { select: { nameFa: true, nameEn: true } },
      requestedBy: { select: { name: true } },
    },
  });
}

/**
 * Whom "remind now" can reach for an agency: how many active users it has in the app, and
 * the head's e-mail and mobile on its record (lib/resolutions/chase.ts sends there too).
 */
export async function remindReach(
  agencyId: string,
): Promise<{ users: number; headEmail: string | null; headMobile: string | null }> {
  const [users, agency] = await Promise.all([
    db.user.count({ where: { agencyId, active: true, roles: { has: "AGENCY" } } }),
    db.agency.findUnique({ where: { id: agencyId }, select: { email: true, headMobile: true } }),
  ]);
  return { users, headEmail: agency?.email?.trim() || null, headMobile: agency?.headMobile || null };
}
