import "server-only";
import { exportBatchRows } from "@/lib/reports/table";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
// The edit form carries the row's version (optimistic concurrency): read it where it is written.
import { db as primary } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { keptFigures } from "@/lib/cache";
import { normalizeText } from "@/lib/i18n/normalize";
import { toLatinDigits } from "@/lib/i18n/format";
import { likeEscape } from "@/lib/db-search";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_OBSTACLE_STATUSES } from "@/lib/obstacles/transitions";
import { buildTimeline } from "./timeline";
import type { UnitFilters } from "./schema";

export const UNITS_PAGE_SIZE = 25;

/**
 * The list filters as a Prisma `where`. Name search goes through `nameNormalized`, which the
 * pg_trgm GIN index covers, so "%q%" stays an index scan at national size.
 */
export function unitWhere(
  actor: Actor,
  f: Omit<UnitFilters, "sort" | "dir" | "page">,
): Prisma.ProductionUnitWhereInput {
  const q = normalizeText(f.q);
  const digits = toLatinDigits(f.q.trim());
  const open = { status: { in: [...OPEN_OBSTACLE_STATUSES] } };
  return {
    ...provinceWhere(actor),
    archivedAt: null,
    ...(f.sector ? { sector: f.sector } : {}),
    ...(f.countyId ? { countyId: f.countyId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.park ? { industrialPark: f.park } : {}),
    ...(f.open === "yes"
      ? { obstacles: { some: open } }
      : f.open === "no"
        ? { obstacles: { none: open } }
        : {}),
    ...(q
      ? {
          OR: [
            { nameNormalized: { contains: likeEscape(q) } },
            ...(/^\d{3,11}$/.test(digits) ? [{ nationalId: { startsWith: digits } }] : []),
          ],
        }
      : {}),
  };
}

/**
 * The list's order; `reversed` reads it from the end (every direction and nulls placement
 * flipped), so a page near the end is an offset from there.
 */
function unitOrder(
  f: Pick<UnitFilters, "sort" | "dir">,
  reversed = false,
): Prisma.ProductionUnitOrderByWithRelationInput[] {
  const flip = (d: "asc" | "desc") => (reversed ? (d === "asc" ? "desc" : "asc") : d);
  const dir = flip(f.dir);
  const asc = flip("asc");
  switch (f.sort) {
    case "updated":
      return [{ updatedAt: dir }, { id: asc }];
    case "obstacles":
      return [{ obstacles: { _count: dir } }, { name: asc }, { id: asc }];
    case "employees":
      return [{ employees: { sort: dir, nulls: reversed ? "first" : "last" } }, { name: asc }, { id: asc }];
    default:
      return [{ name: dir }, { id: asc }];
  }
}

const LIST_SELECT = {
  id: true,
  name: true,
  nationalId: true,
  sector: true,
  status: true,
  industrialPark: true,
  employees: true,
  county: { select: { id: true, nameFa: true, nameEn: true } },
} satisfies Prisma.ProductionUnitSelect;

type OpenCount = { _count: { obstacles: number } };
export type UnitListItem = Prisma.ProductionUnitGetPayload<{ select: typeof LIST_SELECT }> & OpenCount;

/**
 * Each unit's open obstacles, counted for these units only. Prisma's filtered `_count`
 * aggregates the whole Obstacle table before joining (GROUP BY "unitId" over every row):
 * ~250 ms for a page of 25 units at national size (issue #15).
 */
export async function withOpenObstacleCounts<T extends { id: string }>(
  rows: T[],
): Promise<(T & OpenCount)[]> {
  if (rows.length === 0) return [];
  const counts = await db.obstacle.groupBy({
    by: ["unitId"],
    where: { unitId: { in: rows.map((r) => r.id) }, status: { in: [...OPEN_OBSTACLE_STATUSES] } },
    _count: { _all: true },
  });
  const byUnit = new Map(counts.map((c) => [c.unitId, c._count._all]));
  return rows.map((r) => ({ ...r, _count: { obstacles: byUnit.get(r.id) ?? 0 } }));
}

export async function listUnits(actor: Actor, filters: UnitFilters, { pageSize = UNITS_PAGE_SIZE } = {}) {
  authorize(actor, "case.read");
  const where = unitWhere(actor, filters);
  // The total is kept until a unit or obstacle of the scope changes (lib/cache.ts): counting
  // 50,000 units for "N in total" cost more than the page itself (issue #15).
  const { page: _page, sort: _sort, dir: _dir, ...counted } = filters;
  const total = await keptFigures(
    actor,
    ["units-total", counted],
    () => db.productionUnit.count({ where }),
    "changes",
  );
  // The page's ids first, then their rows: a deep page walks the order's index for ids alone
  // instead of reading and discarding 25,000 whole rows. A page past the middle is read from
  // the end, so the last page costs what the first does.
  const skip = (filters.page - 1) * pageSize;
  const fromEnd = skip > total / 2 && skip < total;
  const ids = fromEnd
    ? (
        await db.productionUnit.findMany({
          where,
          orderBy: unitOrder(filters, true),
          skip: Math.max(0, total - skip - pageSize),
          take: Math.min(pageSize, total - skip),
          select: { id: true },
        })
      ).reverse()
    : await db.productionUnit.findMany({
        where,
        orderBy: unitOrder(filters),
        skip,
        take: pageSize,
        select: { id: true },
      });
  const rows = await db.productionUnit.findMany({
    where: { id: { in: ids.map((u) => u.id) } },
    select: LIST_SELECT,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const units = await withOpenObstacleCounts(ids.flatMap((u) => byId.get(u.id) ?? []));
  return { units, total, page: filters.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

const EXPORT_SELECT = {
  ...LIST_SELECT,
  activity: true,
  capacityUsePct: true,
  managerName: true,
  phone: true,
  address: true,
} satisfies Prisma.ProductionUnitSelect;

export type UnitExportRow = Prisma.ProductionUnitGetPayload<{ select: typeof EXPORT_SELECT }> & OpenCount;

export async function countUnits(actor: Actor, filters: UnitFilters) {
  authorize(actor, "case.read");
  return db.productionUnit.count({ where: unitWhere(actor, filters) });
}

/**
 * Every unit the filters match, in the list's order, in batches for the streamed export.
 * The ids come first in one query, then each batch's rows by id: the list can be ordered by
 * an aggregate (open obstacles), which a keyset condition cannot follow. A province holds
 * at most a few thousand units and the country ~50,000, so the ids stay a few megabytes.
 */
export async function* exportUnits(
  actor: Actor,
  filters: UnitFilters,
  batch = exportBatchRows(),
): AsyncGenerator<UnitExportRow[]> {
  authorize(actor, "case.read");
  const ids = await db.productionUnit.findMany({
    where: unitWhere(actor, filters),
    orderBy: unitOrder(filters),
    select: { id: true },
  });
  for (let i = 0; i < ids.length; i += batch) {
    const slice = ids.slice(i, i + batch).map((u) => u.id);
    const rows = await withOpenObstacleCounts(
      await db.productionUnit.findMany({
        where: { id: { in: slice }, ...provinceWhere(actor) },
        select: EXPORT_SELECT,
      }),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A unit archived meanwhile drops out rather than leaving a hole.
    yield slice.flatMap((id) => byId.get(id) ?? []);
  }
}

/** Counties and industrial parks for the filters and the form. */
export async function unitFormOptions(actor: Actor) {
  authorize(actor, "case.read");
  const [counties, parks] = await Promise.all([
    db.county.findMany({
      where: provinceWhere(actor),
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
    // Every list page shows them; nationally they cost a pass over 50,000 units. Kept until a
    // unit of the scope changes, like the list's total.
    keptFigures(
      actor,
      ["unit-parks"],
      () =>
        db.productionUnit.groupBy({
          by: ["industrialPark"],
          where: { ...provinceWhere(actor), archivedAt: null, industrialPark: { not: null } },
          orderBy: { industrialPark: "asc" },
        }),
      "changes",
    ),
  ]);
  return { counties, parks: parks.map((p) => p.industrialPark).filter((p): p is string => p !== null) };
}

export async function getUnitForEdit(actor: Actor, id: string) {
  authorize(actor, "case.read");
  return primary.productionUnit.findFirst({
    where: { id, ...provinceWhere(actor), archivedAt: null },
    select: {
      id: true,
      name: true,
      nationalId: true,
      sector: true,
      activity: true,
      countyId: true,
      industrialPark: true,
      status: true,
      employees: true,
      capacityUsePct: true,
      managerName: true,
      phone: true,
      address: true,
      version: true,
    },
  });
}

/**
 * Whether the unit is within the actor's reach: the one-row look-up its pages make before
 * their file streams in behind a skeleton, so an unknown id is still a 404 (the same client
 * and conditions as getUnitFile, which may then read the rest).
 */
export async function unitInReach(actor: Actor, id: string): Promise<boolean> {
  authorize(actor, "case.read");
  return (
    (await db.productionUnit.findFirst({ where: { id, ...provinceWhere(actor) }, select: { id: true } })) !==
    null
  );
}

/** The unit's whole file on one page: details and a timeline of everything. */
export async function getUnitFile(actor: Actor, id: string) {
  authorize(actor, "case.read");
  const unit = await db.productionUnit.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      id: true,
      provinceId: true,
      name: true,
      nationalId: true,
      sector: true,
      activity: true,
      industrialPark: true,
      status: true,
      employees: true,
      capacityUsePct: true,
      managerName: true,
      phone: true,
      address: true,
      archivedAt: true,
      createdAt: true,
      county: { select: { nameFa: true, nameEn: true } },
      // How the case last ended, when it was closed (issue #36).
      closures: { orderBy: { createdAt: "desc" }, take: 1, select: { outcome: true, closedOn: true } },
      statusChanges: {
        orderBy: [{ changedOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          changedOn: true,
          reason: true,
          cause: true,
          createdAt: true,
          user: { select: { name: true } },
        },
      },
      obstacles: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          description: true,
          amountRials: true,
          status: true,
          createdAt: true,
          category: { select: { nameFa: true, nameEn: true } },
          subCategory: { select: { nameFa: true, nameEn: true } },
          agencies: { select: { agency: { select: { id: true, nameFa: true, nameEn: true } } } },
          attachments: {
            orderBy: { createdAt: "asc" },
            select: { id: true, fileName: true, sizeBytes: true },
          },
          // Which resolutions answer this obstacle: it is resolved once all of these are verified.
          resolutions: {
            orderBy: { resolution: { createdAt: "asc" } },
            select: {
              resolution: {
                select: {
                  id: true,
                  text: true,
                  status: true,
                  deadline: true,
                  responsibleAgency: { select: { nameFa: true, nameEn: true } },
                },
              },
            },
          },
        },
      },
      agendaItems: {
        select: {
          id: true,
          outcome: true,
          notes: true,
          meeting: {
            select: {
              id: true,
              number: true,
              jalaliYear: true,
              startsAt: true,
              status: true,
              body: { select: { kind: true } },
            },
          },
        },
      },
      resolutions: {
        select: {
          id: true,
          text: true,
          status: true,
          deadline: true,
          createdAt: true,
          responsibleAgency: { select: { nameFa: true, nameEn: true } },
          meeting: { select: { id: true, number: true, jalaliYear: true, body: { select: { kind: true } } } },
          // A unit's file shows the latest reports; the resolution page keeps the full list.
          progressReports: {
            orderBy: { createdAt: "desc" },
            take: 20,
            select: {
              id: true,
              note: true,
              fromStatus: true,
              toStatus: true,
              createdAt: true,
              author: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!unit) return null;
  const { statusChanges, obstacles, agendaItems, resolutions, ...details } = unit;
  return {
    unit: details,
    // Resolutions still to be verified: while there are any, only the follow-up may resolve
    // the obstacle. Counted from the rows already read: Prisma's filtered _count aggregated
    // every resolution-obstacle link in the database (~1 s at national size, issue #15).
    obstacles: obstacles.map((o) => ({
      ...o,
      unverifiedResolutions: o.resolutions.filter(
        (r) => r.resolution.status !== "VERIFIED" && r.resolution.status !== "CANCELLED",
      ).length,
    })),
    timeline: buildTimeline({ statusChanges, obstacles, agendaItems, resolutions }),
  };
}
