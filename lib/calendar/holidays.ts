import "server-only";
// Iran's days off for a province: the official list (./official.ts), corrected by the
// administrators' additions and removals (lunar dates follow the moon-sighting announcement).
import { db } from "@/lib/db";
import { calendarDate, jalaliParts, todayInTehran } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { jalaliYearRange, type Holiday } from "./working-days";
import { officialHolidays } from "./official";

export type HolidaySource = "official" | "national" | "province";
export type CalendarDay = Holiday & { source: HolidaySource; removed?: string };

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Every day of the period as the province's calendar has it, with where each entry comes
 * from; removed official days are kept (with `removed`) so the admin page can show them.
 */
export async function calendarDays(
  provinceId: string | null,
  from: string,
  to: string,
  locale: Locale,
): Promise<CalendarDay[]> {
  const overrides = await db.holidayOverride.findMany({
    where: {
      date: { gte: calendarDate(from), lte: calendarDate(to) },
      OR: [{ provinceId: null }, ...(provinceId ? [{ provinceId }] : [])],
    },
    // National rows first, so the province's correction of the same day is applied last.
    orderBy: [{ provinceId: { sort: "asc", nulls: "first" } }, { date: "asc" }],
  });
  const days = new Map<string, CalendarDay>(
    officialHolidays(from, to, locale).map((h) => [h.date, { ...h, source: "official" }]),
  );
  for (const o of overrides) {
    const date = isoOf(o.date);
    const source: HolidaySource = o.provinceId ? "province" : "national";
    const existing = days.get(date);
    if (o.kind === "ADD") days.set(date, { date, name: o.name, source });
    else if (existing) days.set(date, { ...existing, removed: o.name });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The days off of a period: what working-day arithmetic and the picker need. */
export async function holidaysBetween(
  provinceId: string | null,
  from: string,
  to: string,
  locale: Locale,
): Promise<Holiday[]> {
  const days = await calendarDays(provinceId, from, to, locale);
  return days.filter((d) => !d.removed).map(({ date, name }) => ({ date, name }));
}

/**
 * The days off the browser gets with a form: last Jalali year to next, a few dozen dates.
 * Dates the picker shows outside the window are marked only when they are Fridays.
 */
export async function holidayWindow(provinceId: string | null, locale: Locale): Promise<Holiday[]> {
  const year = jalaliParts(todayInTehran()).year;
  return holidaysBetween(provinceId, jalaliYearRange(year - 1).from, jalaliYearRange(year + 1).to, locale);
}
