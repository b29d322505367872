import { z } from "zod";
import { parseJalaliDate } from "@/lib/i18n/format";
import { parseLocalizedNumber, tidyText } from "@/lib/i18n/normalize";
import { toLatinDigits } from "@/lib/i18n/format";
import { normalizeMobile } from "@/lib/sms/rules";
import type { MessageKey } from "@/lib/i18n/messages";

// Zod fields shared by every domain's schema (client and server alike). Messages are message
// keys, translated where they are shown (lib/forms.ts).

// C0 control characters and DEL, except tab and line breaks; and the C1 range. NUL cannot be
// stored in PostgreSQL text at all (it used to surface as "unexpected error"), and none of
// these belongs in a name, a description or a search.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAKS_AND_TABS = /[\t\r\n]/g;

/** Text without control characters; line breaks and tabs only when `multiline`. */
export function cleanText(value: string, { multiline = false } = {}): string {
  const cleaned = value.replace(CONTROL, "");
  return multiline ? cleaned : cleaned.replace(LINE_BREAKS_AND_TABS, " ");
}

/**
 * The one string field for anything a person or a URL sends: a single line with control
 * characters removed, ready for `.trim().min().max()`. Every text field, query parameter,
 * record id and file name goes through it (or `multilineText`).
 */
export const text = () => z.string().overwrite((v) => cleanText(v));

/** Like `text`, keeping line breaks and tabs: descriptions, notes, resolution texts. */
export const multilineText = () => z.string().overwrite((v) => cleanText(v, { multiline: true }));

/**
 * Optimistic concurrency: the version of the record the form was filled in from. An edit
 * whose version is no longer the record's is refused with one conflict message
 * (lib/mutation.ts `conflictError`), so two people saving one form cannot both win.
 */
export const versionField = () =>
  z.coerce
    .number("validation.invalidInput")
    .int("validation.invalidInput")
    .min(1, "validation.invalidInput")
    .max(2_147_483_647, "validation.invalidInput");

/**
 * The version of a stored setting the form was drawn from: 0 when it had never been saved
 * (lib/settings/mutations.ts `writeSetting` compares and sets).
 */
export const settingVersionField = () =>
  z.coerce.number("validation.invalidInput").int("validation.invalidInput").min(0).max(2_147_483_647);

/**
 * A whole number typed in any digits ("۸" or "8") from `min` to `max`; anything else, an
 * empty field included, is refused with `message`.
 */
export const wholeNumberInAnyDigits = (min: number, max: number, message: MessageKey) =>
  text()
    .trim()
    .transform((v) => Number(toLatinDigits(v) || "x"))
    .pipe(z.number(message).int(message).min(min, message).max(max, message));

/** The most pages any list offers; a larger `?page=` (say 1e308) is a hand-made URL. */
export const MAX_PAGE = 100_000;

/** A `?page=` value: a whole number from 1 to MAX_PAGE, anything else means page 1. */
export const pageField = () => z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1);

/** A Jalali year in a URL filter (sessions are numbered within one), else no filter. */
export const jalaliYearParam = (value: unknown): number | undefined =>
  z.coerce
    .number()
    .int()
    .min(1300)
    .max(1600)
    .optional()
    .catch(undefined)
    .parse(value || undefined);

/** The same, for pages that read one search parameter without a schema. */
export const pageNumber = (value: unknown): number => pageField().parse(value);

/** Optional free text: an empty field becomes null. */
export const optionalText = (max = 300, { multiline = false } = {}) =>
  (multiline ? multilineText() : text())
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => v || null);

/**
 * A required name or title (of a unit, agency, obstacle, body), stored tidied: Persian ی/ک,
 * one space between words, trimmed (tidyText). Length is checked on the tidied text.
 */
export const nameText = (min: number, max: number, minMessage: MessageKey = "validation.nameMin") =>
  z
    .string()
    .transform((v) => tidyText(cleanText(v)))
    .pipe(z.string().min(min, minMessage).max(max, "validation.tooLong"));

/** An optional name (a head's or manager's), tidied like nameText; empty becomes null. */
export const optionalName = (max = 200) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? tidyText(cleanText(v)) : ""))
    .pipe(z.string().max(max, "validation.tooLong"))
    .transform((v) => v || null);

/** An optional phone number, stored with Latin digits so it can be dialled and searched. */
/**
 * An optional Iranian mobile, typed in any digit script and with any prefix (+98, 0098, 0), kept
 * as "09xxxxxxxxx": the one form the SMS gateways take (lib/sms/rules.ts). Empty becomes null.
 */
export const optionalMobile = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ? cleanText(v).trim() : ""))
    .refine((v) => v === "" || normalizeMobile(v) !== null, "validation.mobile")
    .transform((v) => normalizeMobile(v));

export const optionalPhone = (max = 40) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? toLatinDigits(cleanText(v)).replace(/\s+/g, " ").trim() : ""))
    .pipe(z.string().max(max, "validation.tooLong"))
    .transform((v) => v || null);

/**
 * An optional whole number typed in any digit script ("۱۲٬۰۰۰", "12,000") as a bigint; empty
 * becomes null, anything unreadable or above `max` is refused with `invalidMessage`.
 */
export const optionalWholeNumber = (max: bigint, invalidMessage: MessageKey) =>
  text()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = parseLocalizedNumber(v);
      if (n === null || n > max) {
        ctx.addIssue({ code: "custom", message: invalidMessage });
        return z.NEVER;
      }
      return n;
    });

/**
 * A required Jalali calendar date typed in any digits ("۱۴۰۴/۰۳/۱۰", "1404-3-10") ⇒ Gregorian
 * "YYYY-MM-DD". Empty ⇒ "validation.required"; malformed or non-existent ⇒ `invalidMessage`.
 */
export const jalaliDateField = (invalidMessage: MessageKey) =>
  text()
    .trim()
    .min(1, "validation.required")
    .transform((value, ctx) => {
      const iso = parseJalaliDate(value);
      if (iso === null) {
        ctx.addIssue({ code: "custom", message: invalidMessage });
        return z.NEVER;
      }
      return iso;
    });

/**
 * An optional Jalali date in a URL filter ⇒ Gregorian "YYYY-MM-DD" or undefined. Anything
 * malformed is dropped rather than refused: a hand-edited or stale link still opens.
 */
export const optionalJalaliDateField = () =>
  text()
    .trim()
    .optional()
    .transform((v) => (v ? (parseJalaliDate(v) ?? undefined) : undefined))
    .catch(undefined);
