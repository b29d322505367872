import { holidaysBetween } from "@/lib/calendar/holidays";
import { dayOff, holidaySet } from "@/lib/calendar/working-days";
import type { Locale, Translate } from "@/lib/i18n/messages";

/**
 * Says so when a session or deadline falls on a Friday or an official holiday of the
 * province (e.g. a lunar holiday announced after the session was planned).
 */
export async function DayOffWarning({
  date,
  provinceId,
  locale,
  t,
}: {
  /** "YYYY-MM-DD" as seen in Tehran. */
  date: string;
  provinceId: string | null;
  locale: Locale;
  t: Translate;
}) {
  const off = dayOff(date, holidaySet(await holidaysBetween(provinceId, date, date, locale)));
  if (!off) return null;
  return (
    <span className="inline-block rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
      <span aria-hidden="true">⚠ </span>
      {off.holiday ? t("calendar.holidayWarning", { name: off.holiday }) : t("calendar.fridayWarning")}
    </span>
  );
}
