import "server-only";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

/**
 * The one rule for dates in every export, spreadsheet or CSV (docs/decisions/102): Jalali
 * "۱۴۰۴/۰۳/۱۰" text in the reader's digits (Latin in English). Zero-padded, so it sorts as
 * text in either script; Excel has no Jalali date cells a reader could trust.
 *
 * Returns a formatter that remembers each day it has formatted: a national register repeats
 * a few thousand deadlines over 200,000 rows, and Intl work per row is most of an export's cost.
 */
export function exportDate(locale: Locale): (date: Date) => string {
  const seen = new Map<number, string>();
  return (date) => {
    const key = date.getTime();
    let text = seen.get(key);
    if (text === undefined) {
      text = formatDate(date, locale, { style: "short" });
      seen.set(key, text);
    }
    return text;
  };
}
