import "server-only";
import { db } from "@/lib/db";
import { authorize, can, provinceWhere, type Actor } from "@/lib/auth/policy";
import { normalizeText } from "@/lib/i18n/normalize";
import { overdueWhere } from "@/lib/resolutions/queries";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { likeEscape } from "@/lib/db-search";

export const AGENCIES_PAGE_SIZE = 50;

export async function listAgencies(actor: Actor, { q = "", page = 1 }: { q?: string; page?: number }) {
  authorize(actor, "case.read");
  const query = normalizeText(q);
  const where = {
    ...provinceWhere(actor),
    ...(query ? { nameNormalized: { contains: likeEscape(query) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.agency.count({ where }),
    db.agency.findMany({
      where,
      orderBy: [{ active: "desc" }, { nameFa: "asc" }, { id: "asc" }],
      skip: (Math.max(page, 1) - 1) * AGENCIES_PAGE_SIZE,
      take: AGENCIES_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        nameFa: true,
        nameEn: true,
        headName: true,
        active: true,
      },
    }),
  ]);
  // Counted for this page's agencies only: Prisma's relation _count groups the whole
  // Resolution table first (docs/decisions/122-counts-for-the-rows-shown.md).
  const ids = rows.map((r) => r.id);
  const [users, open] = await Promise.all([
    db.user.groupBy({ by: ["agencyId"], where: { agencyId: { in: ids } }, _count: { _all: true } }),
    db.resolution.groupBy({
      by: ["responsibleAgencyId"],
      where: { responsibleAgencyId: { in: ids }, status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    }),
  ]);
  const usersBy = new Map(users.map((g) => [g.agencyId, g._count._all]));
  const openBy = new Map(open.map((g) => [g.responsibleAgencyId, g._count._all]));
  const agencies = rows.map((r) => ({
    ...r,
    _count: { users: usersBy.get(r.id) ?? 0, responsibleResolutions: openBy.get(r.id) ?? 0 },
  }));
  return { agencies, total, page, pages: Math.max(1, Math.ceil(total / AGENCIES_PAGE_SIZE)) };
}

/** Whether the agency is within the actor's reach: getAgency's look-up without its counts. */
export async function agencyInReach(actor: Actor, id: string): Promise<boolean> {
  authorize(actor, "case.read");
  return (
    (await db.agency.findFirst({ where: { id, ...provinceWhere(actor) }, select: { id: true } })) !== null
  );
}

/** An agency's page: its details, its users and how many resolutions it still owes. */
export async function getAgency(actor: Actor, id: string) {
  authorize(actor, "case.read");
  const agency = await db.agency.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      id: true,
      provinceId: true,
      kind: true,
      nameFa: true,
      nameEn: true,
      headName: true,
      headTitle: true,
      headMobile: true,
      phone: true,
      email: true,
      address: true,
      active: true,
      version: true,
    },
  });
  if (!agency) return null;
  // Who works at an agency (names, e-mails, roles) is account data: for those who manage
  // agencies, not for every reader of the working group's cases.
  const users = can(actor, "agency.write", { provinceId: agency.provinceId })
    ? await db.user.findMany({
        where: { agencyId: id },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, roles: true, active: true },
      })
    : null;
  const [openResolutions, overdueResolutions] = await Promise.all([
    db.resolution.count({ where: { responsibleAgencyId: id, status: { in: [...OPEN_STATUSES] } } }),
    db.resolution.count({ where: { responsibleAgencyId: id, ...overdueWhere() } }),
  ]);
  return { ...agency, users, openResolutions, overdueResolutions };
}
