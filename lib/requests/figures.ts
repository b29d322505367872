import "server-only";
import { dbRead as db } from "@/lib/db-read";
import { provinceWhere, type Actor } from "@/lib/auth/policy";
import { todayInTehran } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { holidaysBetween } from "@/lib/calendar/holidays";
import { holidaySet, workingDaysBetween } from "@/lib/calendar/working-days";

// The dashboard's figures of units' own requests (issue #32): how many wait for intake, and
// how many working days a request takes to reach the committee and its first resolution
// (medians: a few stuck cases must not hide how long an ordinary one takes). Derived at read
// time from the requests and the obstacles they became. The latest accepted requests of the
// scope are read (at most REQUESTS_READ): a province files a few hundred a year, so the
// medians cover years; a national viewer's compare the same recent window of every province.

export const REQUESTS_READ = 5000;

export type IntakeFigures = {
  waiting: number;
  toCommitteeDays: number | null;
  toResolutionDays: number | null;
};

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

type Durations = { waiting: number; toCommittee: number[]; toResolution: number[] };

const summarise = (d: Durations): IntakeFigures => ({
  waiting: d.waiting,
  toCommitteeDays: median(d.toCommittee),
  toResolutionDays: median(d.toResolution),
});

/** Figures for each province in the actor's reach, keyed by province id. */
export async function intakeFiguresByProvince(
  actor: Actor,
  locale: Locale,
): Promise<Map<string, IntakeFigures>> {
  const durations = await intakeDurations(actor, locale);
  return new Map([...durations].map(([id, d]) => [id, summarise(d)]));
}

/** The same figures for the actor's whole scope: a province, or the country's requests pooled. */
export async function intakeFigures(actor: Actor, locale: Locale): Promise<IntakeFigures> {
  const all = [...(await intakeDurations(actor, locale)).values()];
  return summarise({
    waiting: all.reduce((sum, d) => sum + d.waiting, 0),
    toCommittee: all.flatMap((d) => d.toCommittee),
    toResolution: all.flatMap((d) => d.toResolution),
  });
}

async function intakeDurations(
  actor: Actor,
  locale: Locale,
  today = todayInTehran(),
): Promise<Map<string, Durations>> {
  const scope = provinceWhere(actor);
  const [waiting, accepted] = await Promise.all([
    db.unitRequest.groupBy({
      by: ["provinceId"],
      where: { ...scope, status: "SUBMITTED" },
      _count: { _all: true },
    }),
    db.unitRequest.findMany({
      where: { ...scope, status: "ACCEPTED", submittedAt: { not: null } },
      orderBy: { submittedAt: "desc" },
      take: REQUESTS_READ,
      select: {
        provinceId: true,
        submittedAt: true,
        obstacles: {
          select: {
            obstacle: {
              select: {
                agendaItems: {
                  where: { agendaItem: { meeting: { body: { kind: "COMMITTEE" } } } },
                  select: { agendaItem: { select: { meeting: { select: { startsAt: true } } } } },
                },
                resolutions: { select: { resolution: { select: { createdAt: true } } } },
              },
            },
          },
        },
      },
    }),
  ]);
  const out = new Map<string, Durations>();
  const byProvince = new Map<string, typeof accepted>();
  for (const r of accepted) byProvince.set(r.provinceId, [...(byProvince.get(r.provinceId) ?? []), r]);
  const provinces = new Set([...waiting.map((w) => w.provinceId), ...byProvince.keys()]);
  for (const provinceId of provinces) {
    const rows = byProvince.get(provinceId) ?? [];
    const earliest = rows.reduce((min, r) => {
      const day = todayInTehran(r.submittedAt ?? new Date());
      return day < min ? day : min;
    }, today);
    const days = holidaySet(await holidaysBetween(provinceId, earliest, today, locale));
    const toCommittee: number[] = [];
    const toResolution: number[] = [];
    for (const r of rows) {
      const from = todayInTehran(r.submittedAt ?? new Date());
      const became = r.obstacles.flatMap((o) => (o.obstacle ? [o.obstacle] : []));
      const committee = became
        .flatMap((o) => o.agendaItems.map((a) => a.agendaItem.meeting.startsAt))
        .sort((a, b) => a.getTime() - b.getTime())[0];
      const resolution = became
        .flatMap((o) => o.resolutions.map((x) => x.resolution.createdAt))
        .sort((a, b) => a.getTime() - b.getTime())[0];
      // A session planned for next Sunday counts once it is held: only dates up to today.
      if (committee && todayInTehran(committee) <= today)
        toCommittee.push(workingDaysBetween(from, todayInTehran(committee), days));
      if (resolution) toResolution.push(workingDaysBetween(from, todayInTehran(resolution), days));
    }
    // Each province's own calendar: its announced closures are its own (decision 103).
    out.set(provinceId, {
      waiting: waiting.find((w) => w.provinceId === provinceId)?._count._all ?? 0,
      toCommittee,
      toResolution,
    });
  }
  return out;
}

/** The national comparison: one row per province, with the figures above. */
export async function intakeComparison(actor: Actor, locale: Locale) {
  const [byProvince, provinces] = await Promise.all([
    intakeFiguresByProvince(actor, locale),
    db.province.findMany({
      where: actor.provinceId ? { id: actor.provinceId } : {},
      orderBy: { nameFa: "asc" },
      select: { id: true, nameFa: true, nameEn: true },
    }),
  ]);
  return provinces.map((p) => ({
    ...p,
    ...(byProvince.get(p.id) ?? { waiting: 0, toCommitteeDays: null, toResolutionDays: null }),
  }));
}
