import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { normalizeText } from "@/lib/i18n/normalize";

export const USERS_PAGE_SIZE = 25;

/** Users the administrator may manage: their province's, or everyone's for a national admin. */
export async function listUsers(actor: Actor, { query = "", page = 1 }: { query?: string; page?: number }) {
  authorize(actor, "user.manage");
  const q = normalizeText(query);
  const where = {
    ...provinceWhere(actor),
    ...(q
      ? {
          OR: [
            { name: { contains: query.trim(), mode: "insensitive" as const } },
            { email: { contains: q } },
          ],
        }
      : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      skip: (Math.max(page, 1) - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        roles: true,
        active: true,
        lastLoginAt: true,
        locale: true,
        agency: { select: { id: true, nameFa: true, nameEn: true } },
        province: { select: { id: true, nameFa: true, nameEn: true } },
      },
    }),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export async function getUserForEdit(actor: Actor, id: string) {
  authorize(actor, "user.manage");
  return db.user.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      agencyId: true,
      provinceId: true,
      locale: true,
      active: true,
      version: true,
    },
  });
}

/** Agencies and provinces an administrator may bind users to. */
export async function userFormOptions(actor: Actor) {
  authorize(actor, "user.manage");
  const [agencies, provinces] = await Promise.all([
    db.agency.findMany({
      where: { ...provinceWhere(actor), active: true },
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true, kind: true, provinceId: true },
    }),
    db.province.findMany({
      where: actor.provinceId ? { id: actor.provinceId } : {},
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  return { agencies, provinces };
}
