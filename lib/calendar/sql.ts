import "server-only";
// Working days inside SQL aggregates (docs/decisions/103-working-days-in-sql-figures.md). The
// official list lives in `date-holidays` (JavaScript), the corrections in HolidayOverride
// rows: the official days of the range go in as one date[] parameter and the corrections are
// read where they are, per province, so a national figure counts each resolution with its
// own province's calendar — the same days ./holidays.ts resolves for one province.
import { dbRead as db } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { officialHolidays } from "./official";

/**
 * A CTE body, `working_day_index (province_id, day, n)`: for every province in scope and
 * every day from `from` to `to`, n = the working days from `from` up to and including that
 * day. Working days after a up to and including b are then n(b) − n(a), two hash-join
 * look-ups per row instead of a generate_series per resolution (200,000 rows nationally).
 * A day is off when it is a Friday, or when the province's correction, else the national
 * one, else the official list says so (a province's row wins over a national one, as in
 * calendarDays()).
 */
export function workingDayIndex(provinceId: string | null, from: string, to: string): Prisma.Sql {
  // The Persian names are not needed here, only the dates (the same in both languages).
  const official = officialHolidays(from, to, "fa").map((h) => h.date);
  return Prisma.sql`
    select p.id as province_id, d.day,
      count(*) filter (where extract(isodow from d.day) <> 5
        and coalesce(po.kind::text, nat.kind::text, case when o.day is not null then 'ADD' end) is distinct from 'ADD')
        over (partition by p.id order by d.day) as n
    from "Province" p
    cross join (select g::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') g) d
    left join unnest(${official}::date[]) as o(day) on o.day = d.day
    left join "HolidayOverride" nat on nat."provinceId" is null and nat.date = d.day
    left join "HolidayOverride" po on po."provinceId" = p.id and po.date = d.day
    ${provinceId !== null ? Prisma.sql`where p.id = ${provinceId}` : Prisma.empty}`;
}

/**
 * The first day a delay in scope can start from: the earliest deadline before today of the
 * province's (or the country's) resolutions — one look-up on the deadline index. Today when
 * nothing is late, so the index above is one day long.
 */
export async function earliestLateDeadline(provinceId: string | null, today: string): Promise<string> {
  const { _min } = await db.resolution.aggregate({
    where: { deadline: { lt: new Date(`${today}T00:00:00Z`) }, ...(provinceId ? { provinceId } : {}) },
    _min: { deadline: true },
  });
  return _min.deadline ? _min.deadline.toISOString().slice(0, 10) : today;
}
