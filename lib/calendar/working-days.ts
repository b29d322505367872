// The Iranian working week: Saturday to Thursday (Thursday is a half day in many offices but
// still a working day for deadlines); Friday and official holidays are off. Pure functions on
// "YYYY-MM-DD" strings, shared by the date picker in the browser and the server's queries, so
// the holiday list is data passed in (computed on the server, see ./holidays.ts).
import { addDays, calendarDate, jalaliToGregorian } from "@/lib/i18n/format";

/** How a delay is counted: calendar days, or working days (Fridays and days off skipped). */
export type LateCount = "calendar" | "working";

/** One day off, as the picker and the warnings show it. */
export type Holiday = { date: string; name: string };

/** The days off of a period, by ISO date: what every function here needs. */
export type HolidaySet = ReadonlyMap<string, string>;

export const holidaySet = (holidays: readonly Holiday[]): HolidaySet =>
  new Map(holidays.map((h) => [h.date, h.name]));

const FRIDAY = 5;

export function isFriday(iso: string): boolean {
  return calendarDate(iso).getUTCDay() === FRIDAY;
}

/** Why a day is not a working day: Friday, a holiday's name, or null for a working day. */
export function dayOff(
  iso: string,
  holidays: HolidaySet,
): { friday: boolean; holiday: string | null } | null {
  const friday = isFriday(iso);
  const holiday = holidays.get(iso) ?? null;
  return friday || holiday ? { friday, holiday } : null;
}

export function isWorkingDay(iso: string, holidays: HolidaySet): boolean {
  return dayOff(iso, holidays) === null;
}

// Nowruz (four days) plus the Friday next to it, or Tasua–Ashura beside a Friday, is the
// longest run of days off; a fortnight is a generous bound that still stops a bad list.
const MAX_DAYS_OFF_IN_A_ROW = 14;

/** The day itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(iso: string, holidays: HolidaySet): string {
  let day = iso;
  for (let i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++) {
    if (isWorkingDay(day, holidays)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${iso}`);
}

/**
 * A deadline "n days from" a date: n calendar days (the working group's resolutions count
 * calendar days), moved forward to the next working day when it falls on a Friday or holiday,
 * as an office would read a deadline that lands on a closed day.
 */
export function deadlineAfter(from: string, days: number, holidays: HolidaySet): string {
  return nextWorkingDay(addDays(from, days), holidays);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`): how
 * many days an office had, e.g. how late a resolution is in working days.
 */
export function workingDaysBetween(from: string, to: string, holidays: HolidaySet): number {
  const start = calendarDate(from).getTime();
  const end = calendarDate(to).getTime();
  if (end <= start) return 0;
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, holidays)) count++;
  }
  return count;
}

/** The Gregorian days of a Jalali year: 1 Farvardin to the last day of Esfand. */
export function jalaliYearRange(year: number): { from: string; to: string } {
  return { from: jalaliToGregorian(year, 1, 1), to: addDays(jalaliToGregorian(year + 1, 1, 1), -1) };
}
