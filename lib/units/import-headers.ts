// How a sheet's headers are read: which field a header names (normalised text and synonyms in
// Persian and English), the verdict sheet's own columns, and a header row's signature
// (docs/decisions/041). Uses both languages' full catalogues, so it stays off the client.
import { translator } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";
import { FIELD_LABEL, IMPORT_FIELDS, matchKey, type ImportField, type Mapping } from "./import-fields";

/** A header without its parenthesised note: «مبلغ (میلیون ریال)» is the amount column. */
const headerKey = (header: string) => matchKey(header.replace(/\([^)]*\)|\[[^\]]*\]/g, " "));

// How clerks word the headers, in Persian and English, singular and plural. The labels of
// FIELD_LABEL (both languages) are added below, so an exported sheet maps itself.
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: [
    "نام واحد",
    "نام واحد تولیدی",
    "واحد",
    "واحد تولیدی",
    "واحدهای تولیدی",
    "نام شرکت",
    "شرکت",
    "نام بنگاه",
    "بنگاه",
    "عنوان واحد",
    "نام",
    "unit",
    "unit name",
    "units",
    "production unit",
    "company",
    "company name",
    "name",
  ],
  nationalId: ["شناسه ملی", "شناسه", "شناسه ملی شرکت", "شناسه ملی واحد", "national id", "nationalid"],
  sector: ["بخش", "بخش اقتصادی", "حوزه", "نوع واحد", "sector"],
  activity: ["فعالیت", "نوع فعالیت", "زمینه فعالیت", "محصول", "محصولات", "activity", "product", "products"],
  county: ["شهرستان", "شهر", "محل استقرار", "شهرستان محل استقرار", "county", "city"],
  industrialPark: ["شهرک صنعتی", "شهرک", "ناحیه صنعتی", "شهرک یا ناحیه صنعتی", "industrial park", "park"],
  status: [
    "وضعیت",
    "وضعیت بهره برداری",
    "وضعیت واحد",
    "وضعیت فعالیت",
    "وضعیت فعلی",
    "status",
    "operating status",
    "unit status",
  ],
  employees: [
    "تعداد کارکنان",
    "کارکنان",
    "اشتغال",
    "تعداد اشتغال",
    "شاغلین",
    "تعداد شاغلین",
    "تعداد کارگران",
    "نیروی انسانی",
    "employees",
    "staff",
    "jobs",
    "employment",
  ],
  capacityUsePct: [
    "درصد ظرفیت",
    "ظرفیت",
    "درصد استفاده از ظرفیت",
    "ظرفیت مورد استفاده",
    "capacity",
    "capacity use",
  ],
  managerName: [
    "مدیرعامل",
    "مدیر عامل",
    "نام مدیر",
    "نام مدیرعامل",
    "مدیر",
    "manager",
    "ceo",
    "manager name",
  ],
  phone: [
    "تلفن",
    "تلفن تماس",
    "شماره تماس",
    "تماس",
    "موبایل",
    "همراه",
    "phone",
    "telephone",
    "mobile",
    "contact",
  ],
  category: [
    "دسته",
    "دسته مانع",
    "دسته مشکل",
    "نوع مانع",
    "نوع مشکل",
    "نوع موانع",
    "نوع مشکلات",
    "گروه مانع",
    "گروه مشکل",
    "موضوع",
    "موضوع مانع",
    "موضوع مشکل",
    "category",
    "obstacle category",
    "obstacle type",
    "problem type",
  ],
  subCategory: ["زیردسته", "زیرگروه", "زیر دسته مانع", "sub category", "subcategory"],
  description: [
    "شرح مانع",
    "شرح مشکل",
    "شرح موانع",
    "شرح مشکلات",
    "مانع",
    "موانع",
    "مشکل",
    "مشکلات",
    "شرح",
    "توضیحات",
    "توضیح",
    "مشکلات واحد",
    "موانع واحد",
    "description",
    "obstacle",
    "obstacles",
    "problem",
    "problems",
    "issue",
    "details",
  ],
  amount: [
    "مبلغ",
    "مبلغ مانع",
    "مبلغ مشکل",
    "مبلغ تسهیلات",
    "مبلغ درخواستی",
    "مبلغ بدهی",
    "ارزش",
    "amount",
    "sum",
    "value",
  ],
  agencies: [
    "دستگاه",
    "دستگاه ها",
    "دستگاه مرتبط",
    "دستگاه های مرتبط",
    "دستگاه اجرایی",
    "دستگاه اجرایی مرتبط",
    "دستگاه مسئول",
    "دستگاه ذیربط",
    "دستگاه های ذیربط",
    "مرجع",
    "مرجع رسیدگی",
    "بانک",
    "بانک عامل",
    "agency",
    "agencies",
    "related agency",
    "related agencies",
    "responsible agency",
    "bank",
  ],
};

const FIELD_BY_HEADER: Map<string, ImportField> = (() => {
  const map = new Map<string, ImportField>();
  const fa = translator("fa");
  const en = translator("en");
  for (const field of IMPORT_FIELDS) {
    for (const text of [fa(FIELD_LABEL[field]), en(FIELD_LABEL[field]), field, ...HEADER_SYNONYMS[field]]) {
      const key = headerKey(text);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
})();

/** The field a header most likely means, or null. */
export function fieldForHeader(header: string): ImportField | null {
  const found = FIELD_BY_HEADER.get(headerKey(header));
  if (found) return found;
  // «مبلغ به میلیون ریال», «amount in rials»: the unit words say how to read the cells
  // (amountScaleOfHeader), not which field the column is.
  const bare = header.replace(
    /(^|\s)(به|در|in|ریال|تومان|میلیون|میلیارد|هزار|rials?|tomans?|million|billion|thousand)(?=\s|$)/giu,
    " ",
  );
  return FIELD_BY_HEADER.get(headerKey(bare)) ?? null;
}

/** The two columns the verdict sheet adds; recognised on re-upload and left out of the mapping. */
export const VERDICT_HEADERS = ["unitImport.verdictColumn", "unitImport.messagesColumn"] as const;
const VERDICT_KEYS = new Set(
  VERDICT_HEADERS.flatMap((k) => [headerKey(translator("fa")(k)), headerKey(translator("en")(k))]),
);
export const isVerdictHeader = (header: string) => header !== "" && VERDICT_KEYS.has(headerKey(header));

/** One field per column: the first column whose header names a field gets it. */
export function proposeMapping(headers: readonly string[]): Mapping {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    if (isVerdictHeader(h)) return null;
    const field = fieldForHeader(h);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The header row's shape, so a mapping is reused only for a sheet of the same columns. */
export function headerSignatureText(headers: readonly string[]): string {
  return headers
    .filter((h) => !isVerdictHeader(h))
    .map(headerKey)
    .join("|");
}

/** How many header cells name some field: picks the header row under a title row or two. */
export function headerScore(cells: readonly string[]): number {
  return cells.filter((c) => c && fieldForHeader(c)).length;
}

/**
 * A header's unit for amounts: «مبلغ (میلیون ریال)» means each cell is in millions of rials,
 * «(هزار تومان)» in thousands of tomans. Taken deliberately from the header, never guessed.
 */
export function amountScaleOfHeader(header: string): bigint {
  const text = normalizeText(header);
  let scale = 1n;
  if (/میلیارد|billion/.test(text)) scale *= 1_000_000_000n;
  else if (/میلیون|million/.test(text)) scale *= 1_000_000n;
  else if (/هزار|thousand/.test(text)) scale *= 1_000n;
  if (/تومان|toman/.test(text)) scale *= 10n;
  return scale;
}
