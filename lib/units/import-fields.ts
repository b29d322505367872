// The fields a sheet's columns can feed, and how a header is recognised as one of them.
// Pure and client-safe: the mapping step in the browser shows the same rules the server
// enforces (docs/decisions/041).
import { translator, type MessageKey } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";

export const IMPORT_FIELDS = [
  "name",
  "nationalId",
  "sector",
  "activity",
  "county",
  "industrialPark",
  "status",
  "employees",
  "capacityUsePct",
  "managerName",
  "phone",
  "category",
  "subCategory",
  "description",
  "amount",
  "agencies",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Each field's label; also the template's and the export's header. */
export const FIELD_LABEL = {
  name: "units.name",
  nationalId: "units.nationalId",
  sector: "units.sector",
  activity: "units.activity",
  county: "units.county",
  industrialPark: "units.industrialPark",
  status: "units.status",
  employees: "units.employees",
  capacityUsePct: "units.capacityUsePct",
  managerName: "units.managerName",
  phone: "units.phone",
  category: "obstacles.category",
  subCategory: "obstacles.subCategory",
  description: "obstacles.description",
  amount: "obstacles.amount",
  agencies: "obstacles.agencies",
} as const satisfies Record<ImportField, MessageKey>;

/** Without these a row cannot say which unit it is, nor create one (sector and status are required). */
export const REQUIRED_FIELDS: readonly ImportField[] = ["name", "county", "sector", "status"];
export const OBSTACLE_FIELDS: readonly ImportField[] = [
  "category",
  "subCategory",
  "description",
  "amount",
  "agencies",
];
/** Once any obstacle column is mapped, an obstacle needs these two. */
export const OBSTACLE_REQUIRED: readonly ImportField[] = ["category", "description"];

/**
 * Comparison key for headers and looked-up values: normalised text without spaces, ZWNJ or
 * punctuation, so «وضعیت بهره‌برداری», «وضعیت بهره برداری» and «وضعيت‌بهره‌برداري:» agree.
 */
export function matchKey(s: string): string {
  let key = matchKeys.get(s);
  if (key === undefined) {
    key = normalizeText(s).replace(/[\s\p{P}\p{S}]+/gu, "");
    // A sheet repeats the same few counties, statuses and categories thousands of times.
    if (matchKeys.size > 20_000) matchKeys.clear();
    matchKeys.set(s, key);
  }
  return key;
}
const matchKeys = new Map<string, string>();

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

export type Mapping = (ImportField | null)[];

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

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export type MappingProblem =
  { kind: "missing"; field: ImportField } | { kind: "twice"; field: ImportField; columns: number[] };

/** What stops a mapping: a required field without a column, or a field fed by two columns. */
export function mappingProblems(mapping: Mapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const columnsOf = new Map<ImportField, number[]>();
  mapping.forEach((f, i) => {
    if (f) columnsOf.set(f, [...(columnsOf.get(f) ?? []), i]);
  });
  for (const [field, columns] of columnsOf)
    if (columns.length > 1) problems.push({ kind: "twice", field, columns });
  const required = [...REQUIRED_FIELDS];
  if (OBSTACLE_FIELDS.some((f) => columnsOf.has(f))) required.push(...OBSTACLE_REQUIRED);
  for (const field of required) if (!columnsOf.has(field)) problems.push({ kind: "missing", field });
  return problems;
}
