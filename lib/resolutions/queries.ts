import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { todayInTehran } from "@/lib/i18n/format";
import type { Prisma } from "@/lib/generated/prisma/client";

// Overdue is derived, never stored: the deadline (a Tehran calendar date) has passed and the
// agency has not reported the work done. DESIGN.md §2.
export const OPEN_STATUSES = ["ISSUED", "IN_PROGRESS"] as const;
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function overdueWhere(today = todayInTehran()): Prisma.ResolutionWhereInput {
  return { status: { in: [...OPEN_STATUSES] }, deadline: { lt: asDate(today) } };
}

/** Whole days from today (Tehran) to the deadline: negative when late. */
export function daysUntil(deadline: Date, today = todayInTehran()): number {
  return Math.round((deadline.getTime() - asDate(today).getTime()) / 86_400_000);
}

export const RESOLUTION_LIST_SELECT = {
  id: true,
  text: true,
  deadline: true,
  status: true,
  unit: { select: { id: true, name: true } },
  responsibleAgency: { select: { id: true, nameFa: true, nameEn: true } },
  meeting: { select: { id: true, number: true, jalaliYear: true, body: { select: { kind: true } } } },
} satisfies Prisma.ResolutionSelect;

export type ResolutionListItem = Prisma.ResolutionGetPayload<{ select: typeof RESOLUTION_LIST_SELECT }>;

export async function listOverdueResolutions(actor: Actor, { take = 20 } = {}, today = todayInTehran()) {
  authorize(actor, "case.read");
  return db.resolution.findMany({
    where: { ...provinceWhere(actor), ...overdueWhere(today) },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    take,
    select: RESOLUTION_LIST_SELECT,
  });
}

/** An agency's resolutions: overdue first, then by deadline; done and cancelled ones last. */
export async function listAgencyResolutions(actor: Actor, { take = 50 } = {}) {
  authorize(actor, "case.read");
  if (!actor.agencyId) return [];
  const where = { ...provinceWhere(actor), responsibleAgencyId: actor.agencyId };
  const [open, closed] = await Promise.all([
    db.resolution.findMany({ where: { ...where, status: { in: [...OPEN_STATUSES] } }, orderBy: [{ deadline: "asc" }, { id: "asc" }], take, select: RESOLUTION_LIST_SELECT }),
    db.resolution.findMany({ where: { ...where, status: { notIn: [...OPEN_STATUSES] } }, orderBy: [{ updatedAt: "desc" }], take, select: RESOLUTION_LIST_SELECT }),
  ]);
  return [...open, ...closed].slice(0, take);
}

export const RESOLUTIONS_PAGE_SIZE = 25;

export async function listResolutions(actor: Actor, { page = 1 }: { page?: number } = {}) {
  authorize(actor, "case.read");
  const where = provinceWhere(actor);
  const [total, items] = await Promise.all([
    db.resolution.count({ where }),
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
