import "server-only";
// Working days inside SQL aggregates (docs/decisions/103-working-days-in-sql-figures.md). The
// official list lives in `date-holidays` (JavaScript), the corrections in HolidayOverride
// rows: the official days of the range go in as one date[] parameter and the corrections are
// read where they are, per province, so a national figure counts each resolution with its
// own province's calendar — the same days ./holidays.ts resolves for one province.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { calendarDate } from "@/lib/i18n/format";
import { officialHolidays } from "./official";

/** The pieces a query needs to count working days between two dates of each row. */
export type WorkingDaySql = {
  /** `working_calendars as (…)`, to be listed in the query's WITH. */
  cte: Prisma.Sql;
  /** Joins the row's province's calendar (`provinceColumn`, e.g. r."provinceId"). */
  joins: (provinceColumn: Prisma.Sql) => Prisma.Sql;
  /** Working days after `from` up to and including `to` (both SQL dates within the range). */
  between: (from: Prisma.Sql, to: Prisma.Sql) => Prisma.Sql;
};

/**
 * Working-day numbering for the days `from`..`to`: `working_calendars (province_id, n)`,
 * where n[i] counts the working days from `from` up to and including its i-th day, so the
 * working days after a up to and including b are n[b − from + 1] − n[a − from + 1] — two
 * array look-ups per row instead of a generate_series per resolution (200,000 nationally).
 * One calendar for the country (official list and national corrections; province_id null)
 * and one more only for each province that has corrections of its own in the range (a
 * province's row wins over a national one, as in calendarDays()); a day is off when it is a
 * Friday or the corrections, else the official list, say so. Measured against one calendar
 * per province and against a numbered table joined on (province, day): those were 2–3× the
 * cost, and planned badly enough to wake PostgreSQL's JIT (docs/decisions/103).
 */
export function workingDaySql(provinceId: string | null, from: string, to: string): WorkingDaySql {
  // Only the dates are needed (the names differ by language, the dates do not).
  const official = officialHolidays(from, to, "fa").map((h) => h.date);
  const cte = Prisma.sql`working_calendars as (
    select c.province_id, w.n
    from (
      select null::text as province_id
      union all
      select distinct "provinceId" from "HolidayOverride"
      where "provinceId" is not null and date between ${from}::date and ${to}::date
        ${provinceId !== null ? Prisma.sql`and "provinceId" = ${provinceId}` : Prisma.empty}
    ) c
    cross join lateral (
      select array_agg(x.n order by x.day) as n from (
        select d.day, count(*) filter (where extract(isodow from d.day) <> 5
            and coalesce(po.kind::text, nat.kind::text, case when o.day is not null then 'ADD' end) is distinct from 'ADD')
          over (order by d.day)::int as n
        from (select g::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') g) d
        left join unnest(${official}::date[]) as o(day) on o.day = d.day
        left join "HolidayOverride" nat on nat."provinceId" is null and nat.date = d.day
        left join "HolidayOverride" po on po."provinceId" = c.province_id and po.date = d.day
      ) x
    ) w
  )`;
  const number = (day: Prisma.Sql) =>
    Prisma.sql`(coalesce(wc_province.n, wc_national.n))[${day} - ${from}::date + 1]`;
  return {
    cte,
    joins: (provinceColumn) => Prisma.sql`
      cross join (select n from working_calendars where province_id is null) wc_national
      left join working_calendars wc_province on wc_province.province_id = ${provinceColumn}`,
    between: (a, b) => Prisma.sql`(${number(b)} - ${number(a)})`,
  };
}

/**
 * The first day a delay in scope can start from: the earliest deadline before today of the
 * province's (or the country's) resolutions — one look-up on the deadline index. Today when
 * nothing is late, so the calendars above are one day long.
 */
export async function earliestLateDeadline(provinceId: string | null, today: string): Promise<string> {
  const { _min } = await db.resolution.aggregate({
    where: { deadline: { lt: calendarDate(today) }, ...(provinceId ? { provinceId } : {}) },
    _min: { deadline: true },
  });
  return _min.deadline ? _min.deadline.toISOString().slice(0, 10) : today;
}
