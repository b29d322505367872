// «کد رهگیری»: what an applicant writes down, reads over the telephone and types into the
// public status page. Ten random digits and one check character (ISO 7064 MOD 11-2, the
// check of ISBN-10 style codes: 0–9 or X), so a mistyped or swapped digit is caught before
// any lookup. Shown in groups, "1234-5678-90X"; typed in any digits and with any separators.
import { toLatinDigits } from "@/lib/i18n/format";

/** ISO 7064 MOD 11-2 check character of a string of digits. */
export function trackingCheckCharacter(digits: string): string {
  let p = 0;
  for (const d of digits) p = ((p + Number(d)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? "X" : String(c);
}

/** A new tracking code from ten random digits (crypto: codes must not be guessable in order). */
export function newTrackingCode(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  // Rejection sampling keeps every digit equally likely (256 is not a multiple of 10).
  let digits = "";
  while (digits.length < 10)
    for (const b of random(16)) if (b < 250 && digits.length < 10) digits += String(b % 10);
  return digits + trackingCheckCharacter(digits);
}

/** As typed ("۱۲۳۴-۵۶۷۸-۹۰x", with spaces) → stored form "1234567890X", or null if not one. */
export function parseTrackingCode(raw: string): string | null {
  const code = toLatinDigits(raw)
    .replace(/[\s\-_.\u200c]/g, "")
    .toUpperCase();
  if (!/^\d{10}[\dX]$/.test(code)) return null;
  return trackingCheckCharacter(code.slice(0, 10)) === code[10] ? code : null;
}

/** Grouped for reading: "1234-5678-90X". */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
