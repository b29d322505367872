import { z } from "zod";
import { parseJalaliDate } from "@/lib/i18n/format";
import { parseLocalizedNumber, tidyText } from "@/lib/i18n/normalize";
import { toLatinDigits } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/messages";

// Zod fields shared by every domain's schema (client and server alike). Messages are message
// keys, translated where they are shown (lib/forms.ts).

/** Optional free text: an empty field becomes null. */
export const optionalText = (max = 300) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => v || null);

/**
 * A required name or title (of a unit, agency, obstacle, body), stored tidied: Persian ی/ک,
 * one space between words, trimmed (tidyText). Length is checked on the tidied text.
 */
export const nameText = (min: number, max: number, minMessage: MessageKey = "validation.nameMin") =>
  z.string().transform(tidyText).pipe(z.string().min(min, minMessage).max(max, "validation.tooLong"));

/** An optional name (a head's or manager's), tidied like nameText; empty becomes null. */
export const optionalName = (max = 200) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? tidyText(v) : ""))
    .pipe(z.string().max(max, "validation.tooLong"))
    .transform((v) => v || null);

/** An optional phone number, stored with Latin digits so it can be dialled and searched. */
export const optionalPhone = (max = 40) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? toLatinDigits(v).replace(/\s+/g, " ").trim() : ""))
    .pipe(z.string().max(max, "validation.tooLong"))
    .transform((v) => v || null);

/**
 * An optional whole number typed in any digit script ("۱۲٬۰۰۰", "12,000") as a bigint; empty
 * becomes null, anything unreadable or above `max` is refused with `invalidMessage`.
 */
export const optionalWholeNumber = (max: bigint, invalidMessage: MessageKey) =>
  z
    .string()
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
  z
    .string()
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
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? (parseJalaliDate(v) ?? undefined) : undefined))
    .catch(undefined);
