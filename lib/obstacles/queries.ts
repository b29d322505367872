import "server-only";
import { exportBatchRows } from "@/lib/reports/table";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { authorize, can, provinceWhere, type Actor } from "@/lib/auth/policy";
import { keptFigures } from "@/lib/cache";
import { normalizeText } from "@/lib/i18n/normalize";
import type { Prisma } from "@/lib/generated/prisma/client";
import { likeEscape } from "@/lib/db-search";
import type { ObstacleFilters } from "./schema";
import { OPEN_OBSTACLE_STATUSES } from "./transitions";

export const OBSTACLES_PAGE_SIZE = 25;

export function obstacleWhere(actor: Actor, f: Omit<ObstacleFilters, "page">): Prisma.ObstacleWhereInput {
  const q = normalizeText(f.q);
  return {
    ...provinceWhere(actor),
    unit: { archivedAt: null, ...(f.countyId ? { countyId: f.countyId } : {}) },
    ...(f.status ? { status: f.status } : f.open ? { status: { in: [...OPEN_OBSTACLE_STATUSES] } } : {}),
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.agencyId ? { agencies: { some: { agencyId: f.agencyId } } } : {}),
    // descriptionNormalized carries a pg_trgm GIN index, so "%q%" does not scan the table.
    ...(q ? { descriptionNormalized: { contains: likeEscape(q) } } : {}),
  };
}

const LIST_SELECT = {
  id: true,
  description: true,
  amountRials: true,
  status: true,
  createdAt: true,
  unit: { select: { id: true, name: true, county: { select: { nameFa: true, nameEn: true } } } },
  category: { select: { nameFa: true, nameEn: true } },
  subCategory: { select: { nameFa: true, nameEn: true } },
  agencies: { select: { agency: { select: { id: true, nameFa: true, nameEn: true } } } },
} satisfies Prisma.ObstacleSelect;

export type ObstacleListItem = Prisma.ObstacleGetPayload<{ select: typeof LIST_SELECT }>;

export async function listObstacles(
  actor: Actor,
  filters: ObstacleFilters,
  { pageSize = OBSTACLES_PAGE_SIZE } = {},
) {
  authorize(actor, "case.read");
  const where = obstacleWhere(actor, filters);
  const { page: _page, ...counted } = filters;
  const [total, obstacles] = await Promise.all([
    // Kept until an obstacle or unit of the scope changes (lib/cache.ts; issue #15).
    keptFigures(actor, ["obstacles-total", counted], () => db.obstacle.count({ where }), "changes"),
    db.obstacle.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
      select: LIST_SELECT,
    }),
  ]);
  return { obstacles, total, page: filters.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function countObstacles(actor: Actor, filters: ObstacleFilters) {
  authorize(actor, "case.read");
  return db.obstacle.count({ where: obstacleWhere(actor, filters) });
}

/**
 * Every obstacle the filters match, newest first like the list, in batches for the streamed
 * export: keyset pages on (createdAt desc, id asc), so each page starts where the last ended
 * instead of skipping over everything before it.
 */
export async function* exportObstacles(actor: Actor, filters: ObstacleFilters, batch = exportBatchRows()) {
  authorize(actor, "case.read");
  const where = obstacleWhere(actor, filters);
  let last: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows: ObstacleListItem[] = await db.obstacle.findMany({
      where: last
        ? {
            AND: [
              where,
              {
                OR: [
                  { createdAt: { lt: last.createdAt } },
                  { createdAt: last.createdAt, id: { gt: last.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: batch,
      select: LIST_SELECT,
    });
    if (rows.length > 0) yield rows;
    const end = rows.at(-1);
    if (!end || rows.length < batch) return;
    last = { createdAt: end.createdAt, id: end.id };
  }
}

/** Reference lists for the obstacle form and filters. */
export async function obstacleFormOptions(actor: Actor) {
  authorize(actor, "case.read");
  const [categories, agencies] = await Promise.all([
    db.obstacleCategory.findMany({
      where: { parentId: null, active: true },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        code: true,
        nameFa: true,
        nameEn: true,
        children: {
          where: { active: true },
          orderBy: { sortOrder: "asc" },
          select: { id: true, code: true, nameFa: true, nameEn: true },
        },
      },
    }),
    db.agency.findMany({
      where: { ...provinceWhere(actor), active: true },
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true, kind: true },
    }),
  ]);
  return { categories, agencies };
}

/** The unit an obstacle is being added to, if the actor may see it and it is not archived. */
export async function getUnitForObstacle(actor: Actor, unitId: string) {
  authorize(actor, "case.read");
  return db.productionUnit.findFirst({
    where: { id: unitId, ...provinceWhere(actor), archivedAt: null },
    select: { id: true, name: true },
  });
}

/**
 * An attachment the actor may download: its obstacle's (or progress report's) province must
 * be within the actor's reach, like every other read.
 */
export async function getAttachmentForDownload(actor: Actor, id: string) {
  authorize(actor, "case.read");
  const scope = provinceWhere(actor);
  // A unit's request's documents before it is accepted are the intake's (issue #32); once
  // accepted they are an obstacle's attachments like any other.
  const intake = can(actor, "request.intake") ? [{ unitRequest: { is: scope } }] : [];
  return db.attachment.findFirst({
    where:
      scope.provinceId === undefined
        ? { id, OR: [{ obstacleId: { not: null } }, { progressReportId: { not: null } }] }
        : {
            id,
            OR: [{ obstacle: { is: scope } }, { progressReport: { is: { resolution: scope } } }, ...intake],
          },
    select: { id: true, storageKey: true, fileName: true, mimeType: true, sizeBytes: true },
  });
}
