import { z } from "zod";
import { parseJalaliDate } from "@/lib/i18n/format";
import { parseLocalizedNumber } from "@/lib/i18n/normalize";
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
