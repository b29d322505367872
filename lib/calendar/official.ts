import "server-only";
// Iran's official days off from `date-holidays` (solar holidays exact, lunar ones computed
// from the tabular calendar). The library and its data are large, so it stays on the server:
// pages hand the browser the few dozen dates it needs (components/calendar/working-calendar.tsx).
import Holidays from "date-holidays";
import { joinClauses } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import type { Holiday } from "./working-days";

const library = new Holidays("IR");
const officialByYear = new Map<string, Holiday[]>();

/**
 * The library's public holidays of a Gregorian year in one language. Its Persian names carry
 * Arabic presentation forms (U+FB50–U+FEFF), which search and comparison would miss: NFKC
 * turns them into ordinary letters. Two occasions on one day become one entry.
 */
function officialOfYear(year: number, locale: Locale): Holiday[] {
  const key = `${year}|${locale}`;
  const cached = officialByYear.get(key);
  if (cached) return cached;
  const byDate = new Map<string, string[]>();
  for (const h of library.getHolidays(year, locale)) {
    if (h.type !== "public") continue;
    // `date` is the local calendar day ("2026-03-21 00:00:00"), what an office reads.
    const date = h.date.slice(0, 10);
    const names = byDate.get(date) ?? [];
    const name = h.name.normalize("NFKC");
    if (!names.includes(name)) names.push(name);
    byDate.set(date, names);
  }
  const list = [...byDate].map(([date, names]) => ({
    date,
    name: joinClauses(names, locale),
  }));
  officialByYear.set(key, list);
  return list;
}

/** Official days off between two ISO dates (inclusive), one entry per day. */
export function officialHolidays(from: string, to: string, locale: Locale): Holiday[] {
  const out: Holiday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    out.push(...officialOfYear(y, locale).filter((h) => h.date >= from && h.date <= to));
  return out;
}
