import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { normalizeText } from "@/lib/i18n/normalize";
import { localName, toLatinDigits } from "@/lib/i18n/format";
import { tidyText } from "@/lib/i18n/normalize";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { likeEscape } from "@/lib/db-search";
import { meetingTitle } from "@/lib/meetings/title";
import type { Prisma } from "@/lib/generated/prisma/client";

// The options of the filter forms' pickers for records there are thousands of (units,
// sessions, agencies at national scope): searched on the server a few at a time instead of
// shipped whole as <option>s (docs/decisions/120-server-searched-pickers.md). Every search
// stays inside the actor's province, like the lists it filters.

export const CHOICE_SOURCES = ["units", "sessions", "agencies", "counties"] as const;
export type ChoiceSource = (typeof CHOICE_SOURCES)[number];
export const choiceQuerySchema = z.object({
  q: z.string().max(100).optional().default(""),
  /** A national viewer's drill-down into one province (the dashboard's ?province=). */
  province: z.string().max(64).optional(),
});

/** How many matches one search answers: a screenful; more letters narrow it. */
export const CHOICES_LIMIT = 20;

/** One option: `hint` tells apart equal names (the province for a national viewer). */
export type Choice = { id: string; name: string; hint?: string };

type Ctx = { actor: Actor; locale: Locale; t: Translate };

const national = (actor: Actor) => actor.provinceId === null;

/** Tokens of a query: the digit runs (session number, year, national id) and the words. */
function tokens(q: string): { numbers: number[]; words: string[] } {
  const parts = toLatinDigits(q).split(/\s+/).filter(Boolean);
  return {
    numbers: parts.filter((p) => /^\d{1,6}$/.test(p)).map(Number),
    words: parts
      .filter((p) => !/^\d+$/.test(p))
      .map(normalizeText)
      .filter(Boolean),
  };
}

async function units({ actor, locale }: Ctx, q: string, ids?: string[]): Promise<Choice[]> {
  const key = normalizeText(q);
  const digits = toLatinDigits(q.trim());
  const where: Prisma.ProductionUnitWhereInput = {
    ...provinceWhere(actor),
    ...(ids
      ? { id: { in: ids } }
      : key
        ? {
            OR: [
              { nameNormalized: { contains: likeEscape(key) } },
              ...(/^\d{3,11}$/.test(digits) ? [{ nationalId: { startsWith: digits } }] : []),
            ],
          }
        : {}),
  };
  const rows = await db.productionUnit.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: CHOICES_LIMIT,
    select: { id: true, name: true, province: { select: { nameFa: true, nameEn: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    ...(national(actor) ? { hint: localName(u.province, locale) } : {}),
  }));
}

async function agencies({ actor, locale }: Ctx, q: string, ids?: string[]): Promise<Choice[]> {
  const key = normalizeText(q);
  const rows = await db.agency.findMany({
    where: {
      ...provinceWhere(actor),
      ...(ids ? { id: { in: ids } } : key ? { nameNormalized: { contains: likeEscape(key) } } : {}),
    },
    orderBy: [{ nameFa: "asc" }, { id: "asc" }],
    take: CHOICES_LIMIT,
    select: { id: true, nameFa: true, nameEn: true, province: { select: { nameFa: true, nameEn: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    name: localName(a, locale),
    ...(national(actor) ? { hint: localName(a.province, locale) } : {}),
  }));
}

/**
 * Sessions by what their titles say: a number ≥ 1300 is a Jalali year, a smaller one the
 * session's number; a word matches the body («کارگروه», «کمیته») or, for a national viewer,
 * the province. Newest first, so an empty query offers the latest sessions.
 */
async function sessions({ actor, locale, t }: Ctx, q: string, ids?: string[]): Promise<Choice[]> {
  const { numbers, words } = tokens(q);
  const kinds = ["WORKING_GROUP", "COMMITTEE"] as const;
  const and: Prisma.MeetingWhereInput[] = [];
  for (const n of numbers) and.push(n >= 1300 ? { jalaliYear: n } : { number: n });
  for (const w of words) {
    const bodies = kinds.filter((k) => normalizeText(t(`meeting.${k}`)).includes(w));
    and.push({
      OR: [
        ...(bodies.length ? [{ body: { kind: { in: bodies } } }] : []),
        ...(national(actor)
          ? [
              { province: { nameFa: { contains: likeEscape(w) } } },
              { province: { nameEn: { contains: likeEscape(w), mode: "insensitive" as const } } },
            ]
          : []),
      ],
    });
  }
  const rows = await db.meeting.findMany({
    // Sessions that passed resolutions: the register's filter would find nothing in the rest.
    where: {
      ...provinceWhere(actor),
      ...(ids ? { id: { in: ids } } : { AND: [...and, { resolutions: { some: {} } }] }),
    },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    take: CHOICES_LIMIT,
    select: {
      id: true,
      number: true,
      jalaliYear: true,
      body: { select: { kind: true } },
      province: { select: { nameFa: true, nameEn: true } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    name: meetingTitle(m, locale, t),
    ...(national(actor) ? { hint: localName(m.province, locale) } : {}),
  }));
}

/**
 * Counties: a province has a dozen (its forms keep a <select>), the country ~320. Names have
 * no normalised column; the query is tidied (Arabic ي/ك to Persian) and matched as typed,
 * in Persian or English, or by the province's name.
 */
async function counties({ actor, locale }: Ctx, q: string, ids?: string[]): Promise<Choice[]> {
  const key = likeEscape(tidyText(q));
  const rows = await db.county.findMany({
    where: {
      ...provinceWhere(actor),
      ...(ids
        ? { id: { in: ids } }
        : key
          ? {
              OR: [
                { nameFa: { contains: key } },
                { nameEn: { contains: key, mode: "insensitive" as const } },
                { province: { nameFa: { contains: key } } },
              ],
            }
          : {}),
    },
    orderBy: [{ nameFa: "asc" }, { id: "asc" }],
    take: CHOICES_LIMIT,
    select: { id: true, nameFa: true, nameEn: true, province: { select: { nameFa: true, nameEn: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    name: localName(c, locale),
    ...(national(actor) ? { hint: localName(c.province, locale) } : {}),
  }));
}

const SEARCH = { units, agencies, sessions, counties } satisfies Record<ChoiceSource, unknown>;

/** Up to CHOICES_LIMIT options of `source` matching `q` (normalised), in the actor's province. */
export async function searchChoices(ctx: Ctx, source: ChoiceSource, q: string): Promise<Choice[]> {
  authorize(ctx.actor, "case.read");
  return SEARCH[source](ctx, q);
}

/** The chosen option's name, for a filter form showing the current filter; null when out of reach. */
export async function choiceById(
  ctx: Ctx,
  source: ChoiceSource,
  id: string | undefined,
): Promise<Choice | null> {
  authorize(ctx.actor, "case.read");
  if (!id) return null;
  return (await SEARCH[source](ctx, "", [id]))[0] ?? null;
}
