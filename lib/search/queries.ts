import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { toLatinDigits } from "@/lib/i18n/format";
import { normalizeText } from "@/lib/i18n/normalize";
import { likeEscape } from "@/lib/db-search";

const PER_KIND = 10;

/**
 * One box for the whole registry. Each kind matches on its normalised column ("%q%" on a
 * pg_trgm GIN index), so Arabic ي/ك, ZWNJ and digit scripts do not matter and the search
 * stays an index scan at national size; national ids match by prefix on their unique index.
 */
export async function searchRegistry(actor: Actor, raw: string) {
  authorize(actor, "case.read");
  const q = normalizeText(raw);
  if (q.length < 2) return null;
  const like = likeEscape(q);
  const digits = toLatinDigits(raw.trim());
  const scope = provinceWhere(actor);
  const [units, obstacles, agencies] = await Promise.all([
    db.productionUnit.findMany({
      where: {
        ...scope,
        archivedAt: null,
        OR: [
          { nameNormalized: { contains: like } },
          ...(/^\d{3,11}$/.test(digits) ? [{ nationalId: { startsWith: digits } }] : []),
        ],
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PER_KIND,
      select: {
        id: true,
        name: true,
        nationalId: true,
        status: true,
        county: { select: { nameFa: true, nameEn: true } },
      },
    }),
    db.obstacle.findMany({
      where: { ...scope, unit: { archivedAt: null }, descriptionNormalized: { contains: like } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: PER_KIND,
      select: { id: true, description: true, status: true, unit: { select: { id: true, name: true } } },
    }),
    db.agency.findMany({
      where: { ...scope, nameNormalized: { contains: like } },
      orderBy: [{ nameFa: "asc" }, { id: "asc" }],
      take: PER_KIND,
      select: { id: true, nameFa: true, nameEn: true, kind: true },
    }),
  ]);
  return { units, obstacles, agencies };
}
