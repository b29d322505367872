import "server-only";
// Reads that may come from the read replica (lib/db-read.ts); this module writes nothing.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/policy";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { holidaysBetween } from "@/lib/calendar/holidays";
import { holidaySet, isWorkingDay } from "@/lib/calendar/working-days";
import { jalaliMonths } from "@/lib/dashboard/queries";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { stalledDays } from "./settings";
import { returnsSql } from "./returns-sql";
import { CASE_OUTCOMES } from "./constants";

// What the working group achieved (issue #36), each figure one aggregate SQL query over the
// rows, so the same numbers come out at 50 units or 50,000 and a test can recompute them.

const tehranMidnight = (iso: string) => Prisma.sql`(${iso}::date::timestamp at time zone 'Asia/Tehran')`;
const tehranDate = (column: Prisma.Sql) => Prisma.sql`(${column} at time zone 'Asia/Tehran')::date`;
const OPEN = Prisma.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);

// ─── Stalled resolutions ────────────────────────────────────────────────────

/** The day `days` working days before `today` (Fridays and the province's holidays skipped). */
export async function workingDaysBefore(provinceId: string | null, today: string, days: number) {
  // A generous window: N working days never span more than 2N + 30 calendar days here.
  const holidays = holidaySet(
    await holidaysBetween(provinceId, addDays(today, -(2 * days + 30)), today, "fa"),
  );
  let d = today;
  for (let counted = 0; counted < days;) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) counted++;
  }
  return d;
}

/**
 * The province's stalled threshold: its number of working days and the last day a report may
 * date from for an open resolution to count as stalled today. The dashboard's figure and the
 * register's export (its "stalled" column) both read it.
 */
export async function stalledSince(provinceId: string | null, today = todayInTehran()) {
  const days = await stalledDays(provinceId);
  return { days, since: await workingDaysBefore(provinceId, today, days) };
}

/**
 * Stalled: open, not overdue (that is its own figure), and nothing reported for the
 * province's number of working days — counted from the last report, or from the day the
 * resolution was recorded when it has none.
 */
export async function stalledFigure(actor: Actor, today = todayInTehran()) {
  authorize(actor, "dashboard.view");
  const { days, since } = await stalledSince(actor.provinceId, today);
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from "Resolution" r
    where r.status in ${OPEN} and r.deadline >= ${today}::date
      ${actor.provinceId !== null ? Prisma.sql`and r."provinceId" = ${actor.provinceId}` : Prisma.empty}
      and ${tehranDate(Prisma.sql`coalesce((select max(p."createdAt") from "ProgressReport" p where p."resolutionId" = r.id), r."createdAt")`)} <= ${since}::date`;
  return { days, since, count: Number(row?.n ?? 0) };
}

// ─── Money per bank per month ───────────────────────────────────────────────

export type MoneyRow = {
  agencyId: string;
  provinceId: string;
  province: { nameFa: string; nameEn: string };
  nameFa: string;
  nameEn: string;
  /** Index into the months (0 = the oldest shown). */
  month: number;
  requested: bigint;
  approved: bigint;
  rescheduled: bigint;
  released: bigint;
  guaranteed: bigint;
};

export type MoneyTotals = Omit<
  MoneyRow,
  "agencyId" | "provinceId" | "province" | "nameFa" | "nameEn" | "month"
>;
const ZERO: MoneyTotals = { requested: 0n, approved: 0n, rescheduled: 0n, released: 0n, guaranteed: 0n };
export const moved = (m: MoneyTotals) => m.rescheduled + m.released + m.guaranteed;

/**
 * Requested vs approved vs moved, per bank (an agency of kind BANK) and Jalali month, for the
 * last `count` months:
 * - requested: the amounts of the obstacles a bank's resolutions answer, each obstacle once
 *   per bank, in the month its first such resolution was recorded;
 * - approved: the amount a resolution approved, in the month it was recorded;
 * - rescheduled / released / guaranteed: as the bank reported them, in the month of the action.
 * Cancelled resolutions ask and approve nothing.
 */
export async function moneyByBank(actor: Actor, count = 12, today = todayInTehran()) {
  authorize(actor, "dashboard.view");
  const months = jalaliMonths(today, count);
  const first = months[0]?.start ?? today;
  const end = months.at(-1)?.end ?? today;
  const bounds = Prisma.sql`${[...months.map((m) => m.start), end]}::date[]`;
  const inProvince =
    actor.provinceId !== null ? Prisma.sql`and a."provinceId" = ${actor.provinceId}` : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      agency_id: string;
      bucket: number;
      provinceId: string;
      provinceFa: string;
      provinceEn: string;
      nameFa: string;
      nameEn: string;
      requested: bigint;
      approved: bigint;
      rescheduled: bigint;
      released: bigint;
      guaranteed: bigint;
    }[]
  >`
    with bank as (select a.id, a."provinceId", a."nameFa", a."nameEn" from "Agency" a where a.kind = 'BANK' ${inProvince}),
    res as (
      select r.id, r."responsibleAgencyId" as agency_id, r."approvedAmountRials" as approved,
        width_bucket(${tehranDate(Prisma.sql`r."createdAt"`)}, ${bounds}) as bucket
      from "Resolution" r join bank b on b.id = r."responsibleAgencyId"
      where r.status <> 'CANCELLED' and r."createdAt" >= ${tehranMidnight(first)} and r."createdAt" < ${tehranMidnight(end)}
    ),
    asked as (
      select res.agency_id, o.id, min(res.bucket) as bucket, max(o."amountRials") as amount
      from res join "ResolutionObstacle" ro on ro."resolutionId" = res.id
      join "Obstacle" o on o.id = ro."obstacleId"
      where o."amountRials" is not null
      group by 1, 2
    ),
    requested as (select agency_id, bucket, sum(amount) as n from asked group by 1, 2),
    approved as (select agency_id, bucket, sum(approved) as n from res where approved is not null group by 1, 2),
    moved as (
      select r."responsibleAgencyId" as agency_id, width_bucket(p."moneyOn", ${bounds}) as bucket,
        coalesce(sum(p."amountRials") filter (where p."moneyMovement" = 'RESCHEDULED'), 0) as rescheduled,
        coalesce(sum(p."amountRials") filter (where p."moneyMovement" = 'RELEASED'), 0) as released,
        coalesce(sum(p."amountRials") filter (where p."moneyMovement" = 'GUARANTEED'), 0) as guaranteed
      from "ProgressReport" p join "Resolution" r on r.id = p."resolutionId"
      join bank b on b.id = r."responsibleAgencyId"
      where p."moneyMovement" is not null and p."moneyOn" >= ${first}::date and p."moneyOn" < ${end}::date
      group by 1, 2
    ),
    keys as (
      select agency_id, bucket from requested union select agency_id, bucket from approved
      union select agency_id, bucket from moved
    )
    select k.agency_id, k.bucket, b."provinceId", pr."nameFa" as "provinceFa", pr."nameEn" as "provinceEn", b."nameFa", b."nameEn",
      coalesce(rq.n, 0)::bigint as requested, coalesce(ap.n, 0)::bigint as approved,
      coalesce(mv.rescheduled, 0)::bigint as rescheduled, coalesce(mv.released, 0)::bigint as released,
      coalesce(mv.guaranteed, 0)::bigint as guaranteed
    from keys k join bank b on b.id = k.agency_id join "Province" pr on pr.id = b."provinceId"
    left join requested rq on rq.agency_id = k.agency_id and rq.bucket = k.bucket
    left join approved ap on ap.agency_id = k.agency_id and ap.bucket = k.bucket
    left join moved mv on mv.agency_id = k.agency_id and mv.bucket = k.bucket
    where k.bucket between 1 and ${months.length}
    order by b."nameFa", b.id, k.bucket`;
  const list: MoneyRow[] = rows.map((r) => ({
    agencyId: r.agency_id,
    provinceId: r.provinceId,
    province: { nameFa: r.provinceFa, nameEn: r.provinceEn },
    nameFa: r.nameFa,
    nameEn: r.nameEn,
    month: Number(r.bucket) - 1,
    requested: BigInt(r.requested),
    approved: BigInt(r.approved),
    rescheduled: BigInt(r.rescheduled),
    released: BigInt(r.released),
    guaranteed: BigInt(r.guaranteed),
  }));
  return { months, rows: list };
}

/** Sums rows into totals, by a key (a bank, a province, a month) or all together. */
export function sumMoney<K>(rows: MoneyRow[], key: (r: MoneyRow) => K): Map<K, MoneyTotals> {
  const out = new Map<K, MoneyTotals>();
  for (const r of rows) {
    const t = out.get(key(r)) ?? { ...ZERO };
    t.requested += r.requested;
    t.approved += r.approved;
    t.rescheduled += r.rescheduled;
    t.released += r.released;
    t.guaranteed += r.guaranteed;
    out.set(key(r), t);
  }
  return out;
}

/** Money a bank moved between two Tehran days (inclusive), per bank: the weekly report's lines. */
export async function moneyMovedBetween(provinceId: string, from: string, to: string) {
  const rows = await db.$queryRaw<
    {
      id: string;
      nameFa: string;
      nameEn: string;
      rescheduled: bigint;
      released: bigint;
      guaranteed: bigint;
    }[]
  >`
    select a.id, a."nameFa", a."nameEn",
      coalesce(sum(p."amountRials") filter (where p."moneyMovement" = 'RESCHEDULED'), 0)::bigint as rescheduled,
      coalesce(sum(p."amountRials") filter (where p."moneyMovement" = 'RELEASED'), 0)::bigint as released,
      coalesce(sum(p."amountRials") filter (where p."moneyMovement" = 'GUARANTEED'), 0)::bigint as guaranteed
    from "ProgressReport" p join "Resolution" r on r.id = p."resolutionId"
    join "Agency" a on a.id = r."responsibleAgencyId"
    where p."moneyMovement" is not null and p."moneyOn" between ${from}::date and ${to}::date
      and a."provinceId" = ${provinceId} and a.kind = 'BANK'
    group by 1, 2, 3
    order by 2`;
  return rows.map((r) => ({
    ...r,
    rescheduled: BigInt(r.rescheduled),
    released: BigInt(r.released),
    guaranteed: BigInt(r.guaranteed),
  }));
}

// ─── Units back in production, and jobs ─────────────────────────────────────

/** Units returned and jobs, per month, per province and per obstacle category (the unit's). */
export async function returnsToProduction(actor: Actor, count = 12, today = todayInTehran()) {
  authorize(actor, "dashboard.view");
  return returnsFigures(actor.provinceId !== null ? [actor.provinceId] : null, count, today);
}

/**
 * The figures behind returnsToProduction for a set of provinces (null: all), unchecked: the
 * public figures page asks for the provinces whose admins published them. Counts only; the
 * names in it are of provinces and obstacle categories, never of a unit or a person.
 */
export async function returnsFigures(provinceIds: string[] | null, count = 12, today = todayInTehran()) {
  const months = jalaliMonths(today, count);
  const bounds = Prisma.sql`${[...months.map((m) => m.start), months.at(-1)?.end ?? today]}::date[]`;
  const returns = returnsSql(provinceIds);
  const [perMonth, perProvince, perCategory, closures] = await Promise.all([
    db.$queryRaw<{ bucket: number; units: bigint; kept: bigint; created: bigint }[]>`
      with ret as (${returns})
      select width_bucket(changed_on, ${bounds}) as bucket, count(*) as units, sum(kept) as kept, sum(created) as created
      from ret group by 1`,
    db.$queryRaw<
      { id: string; nameFa: string; nameEn: string; units: bigint; kept: bigint; created: bigint }[]
    >`
      with ret as (${returns})
      select p.id, p."nameFa", p."nameEn", count(*) as units, sum(kept) as kept, sum(created) as created
      from ret join "Province" p on p.id = ret.province_id group by 1, 2, 3 order by units desc, p."nameFa"`,
    // A unit with obstacles in two categories counts in each.
    db.$queryRaw<
      { code: string; nameFa: string; nameEn: string; units: bigint; kept: bigint; created: bigint }[]
    >`
      with ret as (${returns}),
      pairs as (select distinct ret.unit_id, o."categoryId" as category_id, ret.kept, ret.created
                from ret join "Obstacle" o on o."unitId" = ret.unit_id)
      select c.code, c."nameFa", c."nameEn", count(*) as units, sum(kept) as kept, sum(created) as created
      from pairs join "ObstacleCategory" c on c.id = pairs.category_id
      group by c.id, 1, 2, 3 order by units desc, c."sortOrder"`,
    // How the closed cases ended: each unit's newest closure.
    db.$queryRaw<{ outcome: string; n: bigint }[]>`
      select outcome::text as outcome, count(*) as n from (
        select distinct on ("unitId") "unitId", outcome from "CaseClosure"
        ${provinceIds !== null ? Prisma.sql`where "provinceId" = any(${provinceIds})` : Prisma.empty}
        order by "unitId", "createdAt" desc, id desc) latest
      group by 1`,
  ]);
  const byBucket = new Map(perMonth.map((r) => [Number(r.bucket), r]));
  const num = (v: bigint | null | undefined) => Number(v ?? 0);
  const total = perMonth.reduce(
    (acc, r) => ({
      units: acc.units + num(r.units),
      kept: acc.kept + num(r.kept),
      created: acc.created + num(r.created),
    }),
    { units: 0, kept: 0, created: 0 },
  );
  return {
    months: months.map((m, i) => {
      const r = byBucket.get(i + 1);
      return { ...m, units: num(r?.units), kept: num(r?.kept), created: num(r?.created) };
    }),
    byProvince: perProvince.map((r) => ({
      id: r.id,
      nameFa: r.nameFa,
      nameEn: r.nameEn,
      units: num(r.units),
      kept: num(r.kept),
      created: num(r.created),
    })),
    byCategory: perCategory.map((r) => ({
      code: r.code,
      nameFa: r.nameFa,
      nameEn: r.nameEn,
      units: num(r.units),
      kept: num(r.kept),
      created: num(r.created),
    })),
    total,
    closures: Object.fromEntries(
      CASE_OUTCOMES.map((o) => [o, num(closures.find((c) => c.outcome === o)?.n)]),
    ) as Record<(typeof CASE_OUTCOMES)[number], number>,
  };
}
