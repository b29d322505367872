import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

/** "۱۲/۱۴۰۵": the number within its year, as Iranian letters are numbered. */
export function noticeNumberLabel(n: { number: number; jalaliYear: number }, locale: Locale): string {
  return `${formatNumber(n.number, locale)}/${formatNumber(n.jalaliYear, locale).replace(/[٬,]/g, "")}`;
}
