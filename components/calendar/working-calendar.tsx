import { getCurrentUser } from "@/lib/auth/session";
import { holidayWindow } from "@/lib/calendar/holidays";
import { getLocale } from "@/lib/locale";
import { HolidaysProvider } from "@/components/ui/jalali-date-input";

/**
 * Gives the date pickers below the reader's province's days off (a few dozen dates around
 * today), so they mark holidays and warn about them without shipping the holiday library.
 * Wrap only the parts of the app that pick dates: it reads the corrections table.
 */
export async function WorkingCalendar({ children }: { children: React.ReactNode }) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  const holidays = user ? await holidayWindow(user.provinceId, locale) : [];
  return <HolidaysProvider holidays={holidays}>{children}</HolidaysProvider>;
}
