// Canonical forms for Persian text typed on different keyboards (Persian,
// Arabic, mobile) so search and uniqueness checks compare what readers see.

import { toLatinDigits } from "./format";

const LETTER_MAP: Record<string, string> = {
  ي: "ی", // U+064A Arabic yeh
  ى: "ی", // U+0649 alef maksura
  ك: "ک", // U+0643 Arabic kaf
  ة: "ه", // U+0629 teh marbuta
  ۀ: "ه", // U+06C0 heh with hamza; "هٔ" (ه + U+0654) ends up the same once marks go
  ھ: "ه", // U+06BE heh doachashmee, emitted by some Arabic/Urdu layouts
  أ: "ا",
  إ: "ا",
  ٱ: "ا", // U+0671 alef wasla
};

// Zero-width characters are removed (not turned into spaces) so "شرکتهای" and
// "شرکت‌های" match; bidi controls and soft hyphens are invisible copy-paste noise.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Tatweel, harakat (incl. hamza above/below and madda as combining marks) and superscript alef.
const DECORATION = /[\u0640\u064b-\u065f\u0670]/g;

/**
 * Canonical form for search and uniqueness comparison; not for display. Word breaks are
 * dropped altogether: people type "فرآورده‌ها" with a zero-width non-joiner, with a space or
 * with nothing, and all three must find each other (docs/decisions/030). Stored in the
 * `*Normalized` columns; a search looks for the normalised query inside them.
 */
export function normalizeText(s: string): string {
  return toLatinDigits(
    s
      // NFKC folds Arabic presentation forms (common in PDF copy-paste) and keeps
      // آ precomposed, so stripping combining madda below cannot break it.
      .normalize("NFKC")
      .replace(INVISIBLE, "")
      .replace(DECORATION, "")
      .replace(/[يىكةۀھأإٱ]/g, (c) => LETTER_MAP[c] ?? c),
  )
    .toLowerCase()
    .replace(/\s+/g, "");
}

// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) come from PDF copy-paste; NFKC
// turns them into ordinary letters. Only they are folded, so nothing else a user typed changes.
const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]+/g;

/**
 * The form a name or title is stored and shown in: Persian ی and ک instead of the Arabic
 * letters an Arabic keyboard gives (ي ى ك), presentation forms folded, runs of spaces made one
 * and the ends trimmed. The zero-width non-joiner and everything else stay as typed.
 */
export function tidyText(s: string): string {
  return s
    .replace(PRESENTATION_FORMS, (m) => m.normalize("NFKC"))
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

/**
 * Integer from user input in any digit script with thousands separators
 * (",", "٬", "،", spaces) between digits. Decimal points ("." or "٫"),
 * signs and anything else make it null, since amounts are whole rials.
 */
export function parseLocalizedNumber(s: string): bigint | null {
  const text = toLatinDigits(s.trim());
  if (!/^\d+(?:[,\u066c\u060c\s]+\d+)*$/.test(text)) return null;
  return BigInt(text.replace(/[^\d]/g, ""));
}
