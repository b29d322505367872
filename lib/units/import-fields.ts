// The fields a sheet's columns can feed, and what a mapping needs. Pure and client-safe: the
// mapping step in the browser shows the same rules the server enforces (docs/decisions/041).
// How headers are recognised is ./import-headers.ts (it needs both languages' catalogues).
import type { MessageKey } from "@/lib/i18n/messages";
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

export type Mapping = (ImportField | null)[];

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
