import "server-only";
import { db } from "@/lib/db";
import { calendarDate } from "@/lib/i18n/format";

/** The corrections an administrator may withdraw: their own scope's, in one Jalali year. */
export async function listHolidayOverrides(provinceId: string | null, from: string, to: string) {
  return db.holidayOverride.findMany({
    where: { provinceId, date: { gte: calendarDate(from), lte: calendarDate(to) } },
    orderBy: { date: "asc" },
    select: { id: true, date: true, kind: true, name: true },
  });
}
