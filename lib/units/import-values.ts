// Reading the values clerks type: enum words with their synonyms, counts, and amounts in
// any digits, with separators or in words (میلیون، میلیارد). Pure, unit-tested; a value that
// cannot be read deliberately is refused with a reason, never turned into 0 or a default
// (docs/decisions/042).
import { toLatinDigits } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import type { OperatingStatus, Sector } from "@/lib/generated/prisma/enums";
import { matchKey } from "./import-fields";

const SECTOR_WORDS: Record<Sector, string[]> = {
  INDUSTRIAL: ["صنعتی", "صنعت", "صنایع", "تولیدی صنعتی", "industrial", "industry"],
  MINING: ["معدنی", "معدن", "معادن", "صنایع معدنی", "mining", "mine", "mines"],
  AGRICULTURAL: [
    "کشاورزی",
    "کشاورزی و دامپروری",
    "دامپروری",
    "کشت و صنعت",
    "agricultural",
    "agriculture",
    "farm",
    "farming",
  ],
  SERVICES: ["خدماتی", "خدمات", "service", "services"],
};

const STATUS_WORDS: Record<OperatingStatus, string[]> = {
  ACTIVE: ["فعال", "در حال فعالیت", "دایر", "active", "operating", "working"],
  SEMI_ACTIVE: [
    "نیمه فعال",
    "نیمه‌فعال",
    "نیمه تعطیل",
    "کم کار",
    "semi active",
    "partly active",
    "semi-active",
  ],
  IDLE: ["راکد", "غیرفعال", "غیر فعال", "متوقف", "idle", "inactive", "stopped"],
  CLOSED: ["تعطیل", "تعطیل شده", "بسته", "بسته شده", "closed", "shut", "shut down"],
  UNDER_CONSTRUCTION: [
    "در حال ساخت",
    "در دست احداث",
    "در حال احداث",
    "در حال تکمیل",
    "نیمه تمام",
    "طرح در دست اجرا",
    "under construction",
    "being built",
  ],
};

function lookup<T extends string>(words: Record<T, string[]>, label: (v: T) => string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, list] of Object.entries(words) as [T, string[]][])
    for (const w of [value, ...label(value), ...list]) map.set(matchKey(w), value);
  return map;
}
const fa = translator("fa");
const en = translator("en");
const SECTOR_BY_WORD = lookup(SECTOR_WORDS, (v) => [fa(`sector.${v}`), en(`sector.${v}`)]);
const STATUS_BY_WORD = lookup(STATUS_WORDS, (v) => [fa(`operatingStatus.${v}`), en(`operatingStatus.${v}`)]);

export const sectorOf = (text: string): Sector | null => SECTOR_BY_WORD.get(matchKey(text)) ?? null;
export const statusOf = (text: string): OperatingStatus | null => STATUS_BY_WORD.get(matchKey(text)) ?? null;

/** A county as clerks write it: with or without «شهرستان», Arabic or Persian letters. */
export const countyKey = (text: string) => matchKey(text.replace(/^\s*(شهرستان|county( of)?)\s+/iu, ""));

/** Agencies listed in one cell: «بانک ملی، گمرک» or one per line. */
export const splitList = (text: string): string[] =>
  text
    .split(/[،,;؛\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

// Amounts are read by the shared parser (also used by the forms that take an amount).
export { parseAmount, type NumberReading, type NumberRefusal } from "@/lib/i18n/amount";

/** A whole count (employees) or a percentage («۸۵٪»): digits and thousands separators only. */
export function parseCount(input: string, max: number): number | null {
  const text = toLatinDigits(input.normalize("NFKC"))
    .replace(/[\u066c\u060c,\s]/g, "")
    .replace(/[%\u066a]$/, "");
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}
