// Amounts of money as people type them: Persian, Arabic-Indic or Latin digits, separators,
// «میلیون/میلیارد» and «تومان». Shared by the spreadsheet import (docs/decisions/042) and the
// forms that take an amount, so a bank's report reads «۲۵ میلیارد» exactly as the importer
// does. Pure; a value that cannot be read deliberately is refused with a reason, never
// turned into 0.
import { toLatinDigits } from "./format";

export type NumberRefusal =
  | "words" // spelled out (پانصد میلیون): refused, the clerk writes digits
  | "decimal" // a fraction of a rial, or "1.5" with no unit
  | "zero"
  | "format" // signs, letters, mixed separators, scientific notation
  | "tooLarge";
export type NumberReading = { ok: true; value: bigint } | { ok: false; reason: NumberRefusal };

const MULTIPLIER: Record<string, bigint> = {
  هزار: 1_000n,
  میلیون: 1_000_000n,
  میلیارد: 1_000_000_000n,
  thousand: 1_000n,
  million: 1_000_000n,
  billion: 1_000_000_000n,
  // همت: «هزار میلیارد تومان» in the press; in rials ×10 is applied by the toman rule.
  همت: 1_000_000_000_000n,
};
const NUMBER_WORDS =
  /(^|\s)(یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|یکصد|دویست|سیصد|چهارصد|پانصد|ششصد|هفتصد|هشتصد|نهصد|نیم|one|two|three|four|five|six|seven|eight|nine|ten|hundred)(?=\s|$)/iu;
const MULTIPLIER_WORDS = new RegExp(Object.keys(MULTIPLIER).join("|"), "gu");
/** «۲٫۵ میلیارد», «500,000», «۱۲۰ هزار میلیارد»: digits, then unit words. */
const AMOUNT_PART = new RegExp(
  `^(\\d[\\d,. ]*(?:\\/\\d+)?)\\s*((?:(?:${Object.keys(MULTIPLIER).join("|")})\\s*)*)$`,
  "u",
);
/** Largest amount a BIGINT column holds, with room: 10^18 rials. */
const MAX_AMOUNT = 1_000_000_000_000_000_000n;

/** "2.5" × 10^6 exactly, with no floating point: null when the result is not whole. */
function scaleDecimal(digits: string, scale: bigint): bigint | null {
  const [whole = "", frac = ""] = digits.split(".");
  const denominator = 10n ** BigInt(frac.length);
  const numerator = BigInt(whole + frac || "0") * scale;
  return numerator % denominator === 0n ? numerator / denominator : null;
}

/**
 * A whole number of rials from a cell: Persian, Arabic-Indic or Latin digits; «٬» «،» «,» or
 * spaces between thousands (also «.» when every group after the first has three digits,
 * 1.500.000); «ریال» is dropped and «تومان» multiplies by ten; «۲٫۵ میلیارد», «۱ میلیارد و ۲۰۰
 * میلیون», «500 million» are read exactly. `scale` comes from the header («میلیون ریال»).
 */
export function parseAmount(input: string, scale: bigint = 1n): NumberReading {
  let text = toLatinDigits(input.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\u200c\u200f\u200e]/g, " ")
    .replace(/\u066b/g, ".") // Arabic decimal separator
    .replace(/[\u066c\u060c]/g, ",") // Arabic thousands separator, Arabic comma
    .replace(/\s+/g, " ")
    .trim();
  let factor = scale;
  if (/(^|\s)(تومان|toman|tomans)$/.test(text)) factor *= 10n;
  text = text.replace(/(^|\s)(ریال|rial|rials|rls|تومان|toman|tomans)$/, "").trim();
  if (!text) return { ok: false, reason: "format" };
  if (NUMBER_WORDS.test(text)) return { ok: false, reason: "words" };

  const parts = text.split(/\s+(?:و|and)\s+/u);
  let total = 0n;
  let previousMultiplier: bigint | null = null;
  for (const p of parts) {
    const m = AMOUNT_PART.exec(p.trim());
    if (!m) {
      // Letters left once the unit words are gone are words for numbers («حدود», «دویست»).
      const rest = p.replace(MULTIPLIER_WORDS, "");
      return { ok: false, reason: /[a-z]{2,}|[\u0600-\u06ff]{2,}/u.test(rest) ? "words" : "format" };
    }
    const [, number = "", multiplierText = ""] = m;
    const multiplier = multiplierText
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .reduce((acc, w) => acc * (MULTIPLIER[w] ?? 1n), 1n);
    const hasWords = multiplierText.trim() !== "";
    // «۱ میلیارد و ۲۰۰ میلیون»: each part names its unit, largest first; a bare trailing number
    // («۲ میلیون و ۵۰۰») would be a guess.
    if (parts.length > 1 && (!hasWords || (previousMultiplier !== null && multiplier >= previousMultiplier)))
      return { ok: false, reason: "format" };
    previousMultiplier = multiplier;
    const digits = readDigits(number.replace("/", "."), hasWords || factor > 1n);
    if (digits === "ambiguous") return { ok: false, reason: "decimal" };
    if (digits === null) return { ok: false, reason: "format" };
    const value = scaleDecimal(digits, multiplier * factor);
    if (value === null) return { ok: false, reason: "decimal" };
    total += value;
  }
  if (total === 0n) return { ok: false, reason: "zero" };
  if (total > MAX_AMOUNT) return { ok: false, reason: "tooLarge" };
  return { ok: true, value: total };
}

/**
 * Digits with thousands separators → plain digits with at most one ".": null when the
 * grouping is inconsistent. A single "." is a decimal point only when `decimalAllowed`
 * (a unit word or a scaled header follows); else "1.500" is ambiguous and refused.
 */
function readDigits(number: string, decimalAllowed: boolean): string | "ambiguous" | null {
  const s = number.trim();
  if (/^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/.test(s))
    return decimalAllowed || !s.includes(".") ? s.replace(/[, ]/g, "") : "ambiguous";
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) return s.replace(/\./g, "");
  if (/^\d+$/.test(s)) return s;
  if (/^\d+\.\d+$/.test(s)) return decimalAllowed ? s : "ambiguous";
  return null;
}
