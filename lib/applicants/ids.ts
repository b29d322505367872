// Iranian identity numbers an applicant states, each with its check digit (issue #32).
// Pure functions shared by the sign-up form's schema and the server: typed in Persian,
// Arabic-Indic or Latin digits, with or without separators, they are compared and stored
// as Latin digits only.
import { toLatinDigits } from "@/lib/i18n/format";

/** Digits only, in Latin script: "۰۰۱۲-۳۴۵ ۶۷۸" → "0012345678". Anything else stays put. */
export function normalizeIdDigits(value: string): string {
  return toLatinDigits(value).replace(/[\s\-_.\u200c\u200f\u200e]/g, "");
}

/**
 * کد ملی of a person: ten digits, the last a check digit. With s = Σ dᵢ·(10−i) over the first
 * nine and r = s mod 11, the check digit is r when r < 2, else 11 − r. Codes of one repeated
 * digit pass that sum but are never issued, so they are refused too.
 */
export function isValidNationalCode(raw: string): boolean {
  const code = normalizeIdDigits(raw);
  if (!/^\d{10}$/.test(code) || /^(\d)\1{9}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code[i]) * (10 - i);
  const r = sum % 11;
  const check = Number(code[9]);
  return r < 2 ? check === r : check === 11 - r;
}

const LEGAL_ENTITY_WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17] as const;

/**
 * شناسه ملی of a legal entity (a company or cooperative): eleven digits, the last a check
 * digit. The tenth digit plus two is added to each of the first ten before weighting by
 * 29, 27, 23, 19, 17 (twice over); the sum mod 11 (10 counting as 0) is the check digit.
 * Rule of the national registry of legal entities (ثبت اسناد و املاک کشور).
 */
export function isValidLegalEntityId(raw: string): boolean {
  const id = normalizeIdDigits(raw);
  if (!/^\d{11}$/.test(id) || /^0{11}$/.test(id)) return false;
  const shift = Number(id[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(id[i]) + shift) * (LEGAL_ENTITY_WEIGHTS[i] ?? 0);
  const r = sum % 11 === 10 ? 0 : sum % 11;
  return Number(id[10]) === r;
}

/** The check digit that completes ten digits to a valid legal-entity id (tests, demo data). */
export function legalEntityCheckDigit(first10: string): string {
  for (let d = 0; d <= 9; d++) if (isValidLegalEntityId(`${first10}${d}`)) return String(d);
  throw new Error("no check digit");
}

/** The check digit that completes nine digits to a valid national code (tests, demo data). */
export function nationalCodeCheckDigit(first9: string): string {
  for (let d = 0; d <= 9; d++) if (isValidNationalCode(`${first9}${d}`)) return String(d);
  throw new Error("no check digit");
}
