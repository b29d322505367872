// Locale-aware formatting shared by client and server. Calendars, digits and
// separators all come from Intl so we never maintain our own Jalali arithmetic.

import type { Locale } from "./messages";

export type { Locale };

export interface DateFormatOptions {
  style?: "long" | "short";
}

export interface RialsFormatOptions {
  unit?: "rial" | "toman";
}

export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

const TIME_ZONE = "Asia/Tehran";
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Explicit numbering systems: "fa" must never fall back to Latin digits and
// "en" must never pick up a host default.
const DATE_LOCALES: Record<Locale, string> = {
  fa: "fa-IR-u-ca-persian-nu-arabext",
  en: "en-US-u-ca-persian-nu-latn",
};
const NUMBER_LOCALES: Record<Locale, string> = {
  fa: "fa-IR-u-nu-arabext",
  en: "en-US-u-nu-latn",
};

// Constructing Intl formatters is comparatively expensive; lists render many dates.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

const numberFormatters = new Map<Locale, Intl.NumberFormat>();
function numberFormatter(locale: Locale): Intl.NumberFormat {
  let formatter = numberFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(NUMBER_LOCALES[locale]);
    numberFormatters.set(locale, formatter);
  }
  return formatter;
}

function partsOf(
  formatter: Intl.DateTimeFormat,
  date: Date,
): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const result: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(date)) result[part.type] = part.value;
  return result;
}

/** Parses a strict "YYYY-MM-DD" Gregorian calendar date to UTC midnight, or null. */
function parseIsoDate(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC silently rolls over (Feb 30 ⇒ Mar 2); a round trip rejects that.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return time;
}

function toIsoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * A date-only string names a calendar day, not an instant, so it is pinned to
 * noon UTC: Tehran has always been UTC+3:25…+4:30, so noon UTC is the same
 * calendar day there. Prisma `@db.Date` values (UTC midnight) are likewise the
 * same day in Tehran, so Dates need no special casing.
 */
function toInstant(date: Date | string): Date {
  if (typeof date === "string") {
    // Date-only strings bypass `new Date`, which would roll "02-30" over to March.
    const result = ISO_DATE.test(date) ? new Date((parseIsoDate(date) ?? NaN) + DAY_MS / 2) : new Date(date);
    if (Number.isNaN(result.getTime())) throw new RangeError(`Invalid date: ${date}`);
    return result;
  }
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date");
  return date;
}

/** Jalali date, e.g. fa "شنبه ۱۰ خرداد ۱۴۰۴" / "۱۴۰۴/۰۳/۱۰", en "Saturday 10 Khordad 1404" / "1404/03/10". */
export function formatDate(date: Date | string, locale: Locale, opts: DateFormatOptions = {}): string {
  const instant = toInstant(date);
  const tag = DATE_LOCALES[locale];
  if (opts.style === "short") {
    const p = partsOf(dateFormatter(tag, { year: "numeric", month: "2-digit", day: "2-digit" }), instant);
    return `${p.year}/${p.month}/${p.day}`;
  }
  // ICU's own patterns ("۱۴۰۴ خرداد ۱۰, شنبه", "Saturday, Khordad 10, 1404 AP") are not
  // what Iranian readers expect, so we assemble the parts in the conventional order.
  const p = partsOf(
    dateFormatter(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric" }),
    instant,
  );
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** Jalali date plus 24-hour Tehran time, e.g. "۱۴۰۴/۰۳/۱۰ ۱۴:۰۵" or "شنبه ۱۰ خرداد ۱۴۰۴، ساعت ۱۴:۰۵". */
export function formatDateTime(date: Date | string, locale: Locale, opts: DateFormatOptions = {}): string {
  const instant = toInstant(date);
  const p = partsOf(
    dateFormatter(DATE_LOCALES[locale], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    instant,
  );
  const time = `${p.hour}:${p.minute}`;
  const day = formatDate(instant, locale, opts);
  if (opts.style === "short") return `${day} ${time}`;
  return locale === "fa" ? `${day}، ساعت ${time}` : `${day}, ${time}`;
}

/** Numeric Jalali year/month/day of the date as seen in Tehran. */
export function jalaliParts(date: Date | string): JalaliDate {
  const p = partsOf(
    dateFormatter("en-US-u-ca-persian-nu-latn", { year: "numeric", month: "numeric", day: "numeric" }),
    toInstant(date),
  );
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

function jalaliDayOfYear(month: number, day: number): number {
  return month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
}

/** Years this system can mean: Intl's persian calendar is exact here, and dates stay ISO-shaped. */
export const JALALI_YEAR_RANGE = { min: 1300, max: 1500 } as const;

function tryJalaliToGregorian(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  // A typo such as 9999 would otherwise become year 10620, which is not an ISO date and
  // which PostgreSQL refuses: an error page instead of a message on the field.
  if (year < JALALI_YEAR_RANGE.min || year > JALALI_YEAR_RANGE.max) return null;
  if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  const target = year * 400 + jalaliDayOfYear(month, day);
  // Nowruz falls within a day or two of 20 March, so this guess is off by a few
  // days at most; Intl then tells us which way to step. A non-existent date
  // (Esfand 30 of a common year) makes the walk oscillate and fall through.
  let time = Date.UTC(year + 621, 2, 20) + (jalaliDayOfYear(month, day) - 1) * DAY_MS;
  for (let step = 0; step < 8; step++) {
    const p = jalaliParts(new Date(time + DAY_MS / 2));
    const diff = target - (p.year * 400 + jalaliDayOfYear(p.month, p.day));
    if (diff === 0) return toIsoDate(time);
    time += Math.sign(diff) * DAY_MS;
  }
  return null;
}

/** Gregorian ISO date ("YYYY-MM-DD") of a Jalali date; throws RangeError if it does not exist. */
export function jalaliToGregorian(year: number, month: number, day: number): string {
  const iso = tryJalaliToGregorian(year, month, day);
  if (iso === null) throw new RangeError(`Invalid Jalali date: ${year}/${month}/${day}`);
  return iso;
}

/** "1404/03/10", "۱۴۰۴-۰۳-۱۰" ⇒ "2025-05-31"; null when malformed or non-existent. */
export function parseJalaliDate(input: string): string | null {
  const match = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(toLatinDigits(input.trim()));
  if (!match) return null;
  return tryJalaliToGregorian(Number(match[1]), Number(match[3]), Number(match[4]));
}

/** Today's Gregorian calendar date in Tehran as "YYYY-MM-DD". */
export function todayInTehran(now: Date = new Date()): string {
  const p = partsOf(
    dateFormatter("en-US-u-ca-gregory-nu-latn", { year: "numeric", month: "2-digit", day: "2-digit" }),
    toInstant(now),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The value to store in (or compare with) a `@db.Date` column for a calendar day: UTC midnight
 * of "YYYY-MM-DD", which is how PostgreSQL dates come back through Prisma. Throws RangeError on
 * a malformed or non-existent date.
 */
export function calendarDate(iso: string): Date {
  const time = parseIsoDate(iso);
  if (time === null) throw new RangeError(`Invalid ISO date: ${iso}`);
  return new Date(time);
}

/** Calendar arithmetic on "YYYY-MM-DD" strings (no time zone involved). */
export function addDays(iso: string, days: number): string {
  const time = parseIsoDate(iso);
  if (time === null) throw new RangeError(`Invalid ISO date: ${iso}`);
  if (!Number.isInteger(days)) throw new RangeError(`Days must be an integer: ${days}`);
  return toIsoDate(time + days * DAY_MS);
}

/** fa "۱٬۲۳۴٬۵۶۷", en "1,234,567". */
export function formatNumber(n: number | bigint, locale: Locale): string {
  return numberFormatter(locale).format(n);
}

function toBigInt(amount: bigint | number | string): bigint {
  if (typeof amount === "bigint") return amount;
  if (typeof amount === "number") {
    // Rial amounts are integral; above 2^53 a number has already lost precision.
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a safe integer amount: ${amount}`);
    return BigInt(amount);
  }
  const text = toLatinDigits(amount.trim());
  if (!/^-?\d+$/.test(text)) throw new RangeError(`Invalid amount: ${amount}`);
  return BigInt(text);
}

/** "۱۲٬۵۰۰٬۰۰۰ ریال" / "12,500,000 rials"; toman = rial / 10, kept exact (e.g. "1,234.5 tomans"). */
export function formatRials(
  amount: bigint | number | string,
  locale: Locale,
  opts: RialsFormatOptions = {},
): string {
  const rials = toBigInt(amount);
  const nf = numberFormatter(locale);
  let text: string;
  let plural: boolean;
  if (opts.unit === "toman") {
    const abs = rials < 0n ? -rials : rials;
    text = nf.format(abs / 10n);
    const tenths = abs % 10n;
    if (tenths !== 0n) {
      const decimal = nf.formatToParts(0.5).find((part) => part.type === "decimal")?.value ?? ".";
      text += decimal + nf.format(tenths);
    }
    // Borrow the locale's sign placement (fa uses LRM + U+2212) instead of hard-coding "-".
    if (rials < 0n) text = nf.format(-1n).replace(nf.format(1n), text);
    plural = abs !== 10n;
  } else {
    text = nf.format(rials);
    plural = rials !== 1n && rials !== -1n;
  }
  const unit =
    locale === "fa"
      ? opts.unit === "toman"
        ? "تومان"
        : "ریال"
      : `${opts.unit === "toman" ? "toman" : "rial"}${plural ? "s" : ""}`;
  return `${text} ${unit}`;
}

const FA_ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"];
const FA_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"];
const FA_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"];
const FA_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"];

/** Persian cardinal words for 1–999. */
function faCardinal(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) words.push(FA_HUNDREDS[hundreds] ?? "");
  if (rest >= 10 && rest < 20) words.push(FA_TEENS[rest - 10] ?? "");
  else {
    if (rest >= 20) words.push(FA_TENS[Math.floor(rest / 10)] ?? "");
    if (rest % 10) words.push(FA_ONES[rest % 10] ?? "");
  }
  return words.join(" و ");
}

const enOrdinalRules = new Intl.PluralRules("en-US", { type: "ordinal" });
const EN_SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: "st", two: "nd", few: "rd" };

/** Session ordinals: fa "اول", "بیست و سوم", "سی‌ام"; en "1st", "22nd", "11th". */
export function formatOrdinal(n: number, locale: Locale): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Ordinal needs a positive integer: ${n}`);
  if (locale === "en") return `${formatNumber(n, "en")}${EN_SUFFIX[enOrdinalRules.select(n)] ?? "th"}`;
  if (n === 1) return "اول";
  if (n > 999) return `${formatNumber(n, "fa")}ام`;
  const cardinal = faCardinal(n);
  if (cardinal.endsWith("سه")) return `${cardinal.slice(0, -2)}سوم`;
  // A final ی would merge with the suffix, so "سی" takes a ZWNJ and "ام".
  if (cardinal.endsWith("سی")) return `${cardinal}\u200cام`;
  return `${cardinal}م`;
}

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

/** Latin and Arabic-Indic digits ⇒ Persian digits. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9\u0660-\u0669]/g, (d) =>
    String.fromCharCode(PERSIAN_ZERO + (d <= "9" ? d.charCodeAt(0) - 48 : d.charCodeAt(0) - ARABIC_ZERO)),
  );
}

/** Persian and Arabic-Indic digits ⇒ Latin digits. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_ZERO);
  });
}

/** The Jalali month of a date, e.g. fa "خرداد ۱۴۰۴", en "Khordad 1404". */
export function formatJalaliMonth(date: Date | string, locale: Locale): string {
  const p = partsOf(dateFormatter(DATE_LOCALES[locale], { month: "long", year: "numeric" }), toInstant(date));
  return `${p.month} ${p.year}`;
}

/** A record's name in the reader's language (reference data keeps both). */
export const localName = (o: { nameFa: string; nameEn: string }, locale: Locale): string =>
  locale === "fa" ? o.nameFa : o.nameEn;

/** "الف، ب و ج" / "a, b, and c": the locale's own separators and conjunction. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "conjunction", style: "long" }).format(items);
}

/** 45.6 → "۴۵٫۶٪" / "45.6%": the value is a percentage already (0–100), as SQL computes it. */
export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(value / 100);
}

/** Right-to-left for Persian: sheets, charts and documents follow the page. */
export const isRtl = (locale: Locale): boolean => locale === "fa";

/** "الف، ب": clauses of one line, without a conjunction. */
export function formatParts(parts: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(parts);
}

/**
 * The comma between the items of a list in the reader's language ("، " / ", "), as
 * Intl.ListFormat writes it, less the bidi mark ICU puts after the Persian comma (the text
 * around it sets the direction; stored and exported text stays free of invisible marks).
 */
export function listSeparator(locale: Locale): string {
  const parts = new Intl.ListFormat(locale, { type: "unit", style: "short" }).formatToParts(["a", "b", "c"]);
  return (parts.find((p) => p.type === "literal")?.value ?? ", ").replace(/[\u200e\u200f]/g, "");
}

/** Items joined by the reader's comma, without a conjunction: column names, sample values. */
export const joinItems = (items: readonly string[], locale: Locale): string =>
  items.join(listSeparator(locale));

const CLAUSE_SEPARATOR: Record<Locale, string> = { fa: "؛ ", en: "; " };

/** "الف؛ ب" / "a; b": independent clauses on one line (a row's notes, a day's holidays). */
export const joinClauses = (clauses: readonly string[], locale: Locale): string =>
  clauses.join(CLAUSE_SEPARATOR[locale]);

const NUMBERING_SYSTEM: Record<Locale, "arabext" | "latn"> = { fa: "arabext", en: "latn" };

/** The numbering system of the reader's digits, for a widget that takes one (the date picker). */
export const numberingSystem = (locale: Locale) => NUMBERING_SYSTEM[locale];

/** Digits one by one in the reader's script, for ids and phone numbers (not quantities). */
export const formatDigits = (s: string, locale: Locale): string =>
  locale === "fa" ? toPersianDigits(s) : toLatinDigits(s);
