import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { MessageKey } from "@/lib/i18n/messages";
import { normalizeText, tidyText } from "@/lib/i18n/normalize";
import type { OperatingStatus, Sector } from "@/lib/generated/prisma/enums";
import { nationalIdField } from "./schema";
import { columnLetter, matchKey, type ImportField, type Mapping } from "./import-fields";
import { amountScaleOfHeader } from "./import-headers";
import { countyKey, parseAmount, parseCount, sectorOf, splitList, statusOf } from "./import-values";
import type { SheetRow } from "./spreadsheet";

// Row by row, what a sheet would do to the registry, without writing (docs/decisions/040).
// The check runs it over the whole sheet; the import runs it again over each chunk inside
// the chunk's transaction, so what is written is what the registry allows at that moment.

/** A message with its values; translated where shown (page, verdict sheet) in the reader's language. */
export type Note = { key: MessageKey; values?: Record<string, string | number> };
export type Outcome = "create" | "update" | "append" | "unchanged" | "refused";
export type RowVerdict = {
  line: number;
  name: string;
  outcome: Outcome;
  /** The row adds an obstacle. */
  obstacle: boolean;
  notes: Note[];
};

type UnitValues = {
  nationalId: string | null;
  sector: Sector | null;
  activity: string | null;
  industrialPark: string | null;
  status: OperatingStatus | null;
  employees: number | null;
  capacityUsePct: number | null;
  managerName: string | null;
  phone: string | null;
};
type UnitValueField = keyof UnitValues;
const UNIT_VALUE_FIELDS: UnitValueField[] = [
  "nationalId",
  "sector",
  "activity",
  "industrialPark",
  "status",
  "employees",
  "capacityUsePct",
  "managerName",
  "phone",
];

export type NewUnit = UnitValues & { id: string; name: string; countyId: string; line: number };
export type PlannedObstacle = {
  id: string;
  line: number;
  unitId: string;
  categoryId: string;
  subCategoryId: string | null;
  description: string;
  amountRials: bigint | null;
  agencyIds: string[];
};
export type UnitUpdate = { unitId: string; line: number; changes: Partial<UnitValues> };
export type Plan = {
  verdicts: RowVerdict[];
  newUnits: NewUnit[];
  updates: UnitUpdate[];
  obstacles: PlannedObstacle[];
};

type KnownObstacle = {
  line: number | null;
  subCategoryId: string | null;
  amountRials: bigint | null;
  agencyIds: string[];
};
type UnitState = {
  id: string;
  existing: boolean;
  name: string;
  countyId: string;
  values: UnitValues;
  /** The sheet line that set each value, and the cell as written; a value from the registry has none. */
  setOnLine: Partial<Record<UnitValueField, number>>;
  setText: Partial<Record<UnitValueField, string>>;
  obstacles: Map<string, KnownObstacle>;
};

/**
 * Ids made here rather than by the database, so a chunk's units, obstacles, their agencies and
 * audit events go in with one multi-row insert each. Same shape as Prisma's cuid (c + base36).
 */
export function newId(): string {
  return `c${Date.now().toString(36)}${BigInt(`0x${randomBytes(10).toString("hex")}`).toString(36)}`.slice(
    0,
    25,
  );
}

type Category = { id: string; parentId: string | null; nameFa: string };
type Reference = {
  countyByKey: Map<string, { id: string; nameFa: string; nameEn: string }>;
  topCategoryByKey: Map<string, Category>;
  subCategoriesByKey: Map<string, Category[]>;
  categoryById: Map<string, Category>;
  agencyByKey: Map<string, { id: string; nameFa: string }>;
};

export async function referenceData(tx: Tx, provinceId: string): Promise<Reference> {
  const [counties, categories, agencies] = await Promise.all([
    tx.county.findMany({ where: { provinceId }, select: { id: true, nameFa: true, nameEn: true } }),
    tx.obstacleCategory.findMany({
      where: { active: true },
      select: { id: true, parentId: true, code: true, nameFa: true, nameEn: true },
    }),
    tx.agency.findMany({
      where: { provinceId, active: true },
      select: { id: true, nameFa: true, nameEn: true, nameNormalized: true },
    }),
  ]);
  const countyByKey = new Map(
    counties.flatMap((c) => [countyKey(c.nameFa), countyKey(c.nameEn)].map((k) => [k, c])),
  );
  const topCategoryByKey = new Map<string, Category>();
  const subCategoriesByKey = new Map<string, Category[]>();
  const ambiguousTop = new Set<string>();
  for (const c of categories) {
    for (const key of new Set([matchKey(c.nameFa), matchKey(c.nameEn), matchKey(c.code)])) {
      if (c.parentId !== null) subCategoriesByKey.set(key, [...(subCategoriesByKey.get(key) ?? []), c]);
      else if (topCategoryByKey.has(key)) ambiguousTop.add(key);
      else topCategoryByKey.set(key, c);
    }
  }
  // A name two categories share picks neither: the row is refused rather than filed by chance.
  for (const key of ambiguousTop) topCategoryByKey.delete(key);
  // Agencies by their Persian or English name; a name two agencies share matches neither.
  const agencyByKey = new Map<string, { id: string; nameFa: string }>();
  const ambiguous = new Set<string>();
  for (const a of agencies)
    for (const key of new Set([matchKey(a.nameFa), matchKey(a.nameEn)])) {
      const other = agencyByKey.get(key);
      if (other && other.id !== a.id) ambiguous.add(key);
      else agencyByKey.set(key, a);
    }
  for (const key of ambiguous) agencyByKey.delete(key);
  return {
    countyByKey,
    topCategoryByKey,
    subCategoriesByKey,
    categoryById: new Map(categories.map((c) => [c.id, c])),
    agencyByKey,
  };
}

type FoundUnit = UnitValues & {
  id: string;
  provinceId: string;
  countyId: string;
  name: string;
  nameNormalized: string;
  archivedAt: Date | null;
};
type FoundObstacle = {
  unitId: string;
  categoryId: string;
  subCategoryId: string | null;
  descriptionNormalized: string;
  amountRials: bigint | number | string | null;
  agencyIds: string[];
};

/** Text limits of the unit form (lib/units/schema.ts), so an import cannot store more than the form. */
const TEXT_LIMITS = { activity: 200, industrialPark: 200, managerName: 120, phone: 40 } as const;

const YIELD_EVERY = 250;

/**
 * The agencies a cell lists. Names may hold the separators themselves («سازمان صنعت، معدن و
 * تجارت»), so the longest run of pieces that names an agency wins; a piece that names none
 * comes back as text, to be reported.
 */
function agenciesIn(text: string, ref: Reference): ({ id: string } | string)[] {
  const parts = splitList(text);
  const out: ({ id: string } | string)[] = [];
  for (let i = 0; i < parts.length;) {
    let found: { id: string } | undefined;
    let j = parts.length;
    for (; j > i; j--) {
      found = ref.agencyByKey.get(matchKey(parts.slice(i, j).join(" ")));
      if (found) break;
    }
    if (found) {
      out.push(found);
      i = j;
    } else out.push(parts[i++] ?? "");
  }
  return out;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

// planRows() in named steps: the sheet's columns, the registry units the rows may name, then
// each row — its unit cells, its obstacle, which unit it is, what it changes, whether its
// obstacle is new — and, accepted, what it writes, which later rows compare with.

/** The mapped columns of a sheet: a row's cell by field, and a field's column name for notes. */
function sheetColumns(headers: readonly string[], mapping: Mapping) {
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f) columnOf.set(f, i);
  });
  return {
    // Cells are taken tidied, as a form stores text (docs/decisions/030): a sheet typed on an
    // Arabic keyboard must not store ي/ك in names and descriptions.
    cell(row: SheetRow, f: ImportField): string {
      const i = columnOf.get(f);
      return i === undefined ? "" : tidyText(row.cells[i] ?? "");
    },
    columnName(f: ImportField): string {
      const i = columnOf.get(f) ?? 0;
      return headers[i] || columnLetter(i);
    },
    amountScale: columnOf.has("amount")
      ? amountScaleOfHeader(headers[columnOf.get("amount") ?? 0] ?? "")
      : 1n,
  };
}
type Columns = ReturnType<typeof sheetColumns>;

type Registry = {
  byNid: Map<string, FoundUnit>;
  byName: Map<string, FoundUnit>;
  obstaclesByUnit: Map<string, FoundObstacle[]>;
};

/**
 * Everything the rows may refer to, in two queries: units by national id or by name, then
 * those units' obstacles (so a sheet imported twice adds nothing).
 */
async function registryUnits(
  tx: Tx,
  provinceId: string,
  rows: readonly SheetRow[],
  cols: Columns,
): Promise<Registry> {
  const nids = rows.flatMap((r) => {
    const p = nationalIdField.safeParse(cols.cell(r, "nationalId"));
    return p.success && p.data ? [p.data] : [];
  });
  const names = [...new Set(rows.map((r) => normalizeText(cols.cell(r, "name"))).filter(Boolean))];
  // Arrays as one parameter each (= ANY): thousands of names in an IN list cost seconds in the
  // query builder; this way the lookup of a 5,000-row sheet is one short query.
  const found = await tx.$queryRaw<FoundUnit[]>`
    SELECT id, "provinceId", "countyId", name, "nameNormalized", "nationalId", sector::text AS sector,
           activity, "industrialPark", status::text AS status, employees, "capacityUsePct",
           "managerName", phone, "archivedAt"
    FROM "ProductionUnit"
    WHERE "nationalId" = ANY(${nids}::text[])
       OR ("provinceId" = ${provinceId} AND "nameNormalized" = ANY(${names}::text[]) AND "archivedAt" IS NULL)`;
  const foundObstacles = found.length
    ? await tx.$queryRaw<FoundObstacle[]>`
        SELECT o."unitId", o."categoryId", o."subCategoryId", o."descriptionNormalized", o."amountRials",
               COALESCE(array_agg(oa."agencyId") FILTER (WHERE oa."agencyId" IS NOT NULL), '{}') AS "agencyIds"
        FROM "Obstacle" o LEFT JOIN "ObstacleAgency" oa ON oa."obstacleId" = o.id
        WHERE o."unitId" = ANY(${found.map((u) => u.id)}::text[])
        GROUP BY o.id`
    : [];
  const obstaclesByUnit = new Map<string, FoundObstacle[]>();
  for (const o of foundObstacles)
    obstaclesByUnit.set(o.unitId, [...(obstaclesByUnit.get(o.unitId) ?? []), o]);
  return {
    byNid: new Map(found.flatMap((u) => (u.nationalId ? [[u.nationalId, u]] : []))),
    byName: new Map(
      found
        .filter((u) => u.provinceId === provinceId && !u.archivedAt)
        .map((u) => [`${u.countyId}|${u.nameNormalized}`, u]),
    ),
    obstaclesByUnit,
  };
}

/** The units the sheet has met so far: registry units as they were, sheet units as written. */
class UnitBook {
  readonly states = new Map<string, UnitState>(); // by unit id
  readonly byNid = new Map<string, UnitState>();
  readonly byName = new Map<string, UnitState>();
  constructor(readonly registry: Registry) {}

  /** A registry unit's state, made the first time a row names it. */
  stateOf(u: FoundUnit): UnitState {
    let s = this.states.get(u.id);
    if (!s) {
      s = {
        id: u.id,
        existing: true,
        name: u.name,
        countyId: u.countyId,
        values: {
          nationalId: u.nationalId,
          sector: u.sector,
          activity: u.activity,
          industrialPark: u.industrialPark,
          status: u.status,
          employees: u.employees,
          capacityUsePct: u.capacityUsePct,
          managerName: u.managerName,
          phone: u.phone,
        },
        setOnLine: {},
        setText: {},
        obstacles: new Map(
          (this.registry.obstaclesByUnit.get(u.id) ?? []).map((o) => [
            `${o.categoryId}|${o.descriptionNormalized}`,
            {
              line: null,
              subCategoryId: o.subCategoryId,
              amountRials: o.amountRials === null ? null : BigInt(o.amountRials),
              agencyIds: o.agencyIds,
            },
          ]),
        ),
      };
      this.states.set(u.id, s);
    }
    return s;
  }
}

/** One row's notes: refusals (the row is not imported) and warnings (it is, and says so). */
function rowNotes(row: SheetRow, cols: Columns) {
  const notes: Note[] = [];
  const warnings: Note[] = [];
  const refuse = (key: MessageKey, f: ImportField, extra: Record<string, string | number> = {}) =>
    notes.push({ key, values: { column: cols.columnName(f), value: cols.cell(row, f), ...extra } });
  return { notes, warnings, refuse };
}
type RowNotes = ReturnType<typeof rowNotes>;

/** A row's unit cells, each read or refused. */
function readUnitCells(row: SheetRow, cols: Columns, ref: Reference, { refuse }: RowNotes) {
  const cell = (f: ImportField) => cols.cell(row, f);
  const name = cell("name");
  if (!name) refuse("unitImport.missingValue", "name");
  else if (name.length < 2 || name.length > 200) refuse("unitImport.badText", "name");
  const countyText = cell("county");
  const county = countyText ? ref.countyByKey.get(countyKey(countyText)) : undefined;
  if (!countyText) refuse("unitImport.missingValue", "county");
  else if (!county) refuse("unitImport.unknownValue", "county");
  const nid = nationalIdField.safeParse(cell("nationalId"));
  if (!nid.success) refuse("unitImport.badNationalId", "nationalId");

  const sheet: Partial<UnitValues> = {};
  if (nid.success && nid.data) sheet.nationalId = nid.data;
  const sectorText = cell("sector");
  if (sectorText) {
    const v = sectorOf(sectorText);
    if (v) sheet.sector = v;
    else refuse("unitImport.unknownValue", "sector");
  }
  const statusText = cell("status");
  if (statusText) {
    const v = statusOf(statusText);
    if (v) sheet.status = v;
    else refuse("unitImport.unknownValue", "status");
  }
  for (const [f, max] of [
    ["employees", 1_000_000],
    ["capacityUsePct", 100],
  ] as const) {
    const text = cell(f);
    if (!text) continue;
    const n = parseCount(text, max);
    if (n === null) refuse(f === "employees" ? "unitImport.badCount" : "unitImport.badPercent", f);
    else sheet[f] = n;
  }
  for (const [f, max] of Object.entries(TEXT_LIMITS) as [keyof typeof TEXT_LIMITS, number][]) {
    const text = cell(f);
    if (!text) continue;
    if (text.length > max) refuse("unitImport.badText", f);
    else sheet[f] = text;
  }
  return { name, countyText, county, sheet, sectorText, statusText };
}
type UnitCells = ReturnType<typeof readUnitCells>;
type RowObstacle = Omit<PlannedObstacle, "id" | "line" | "unitId">;

/** A row's obstacle: every cell it has is read, or the row is refused. Null when it has none. */
function readObstacle(
  row: SheetRow,
  cols: Columns,
  ref: Reference,
  { notes, refuse }: RowNotes,
): RowObstacle | null {
  const cell = (f: ImportField) => cols.cell(row, f);
  const obstacleCells = (["category", "subCategory", "description", "amount", "agencies"] as const).some(
    (f) => cell(f) !== "",
  );
  if (!obstacleCells) return null;
  const categoryText = cell("category");
  const subText = cell("subCategory");
  let category: Category | undefined;
  let sub: Category | null = null;
  if (!categoryText) refuse("unitImport.missingValue", "category");
  else {
    category = ref.topCategoryByKey.get(matchKey(categoryText));
    if (!category) {
      // A sub-category written in the category column («امهال تسهیلات») says its parent too.
      const subs = ref.subCategoriesByKey.get(matchKey(categoryText)) ?? [];
      const only = subs.length === 1 ? subs[0] : undefined;
      if (only?.parentId) {
        sub = only;
        category = ref.categoryById.get(only.parentId);
      }
    }
    if (!category) refuse("unitImport.unknownValue", "category");
  }
  if (subText && category) {
    const candidate = (ref.subCategoriesByKey.get(matchKey(subText)) ?? []).find(
      (c) => c.parentId === category.id,
    );
    if (!candidate || (sub && sub.id !== candidate.id))
      refuse("unitImport.unknownSubCategory", "subCategory", { category: category.nameFa });
    else sub = candidate;
  }
  const description = cell("description");
  if (!description) refuse("unitImport.missingValue", "description");
  else if (description.length < 5 || description.length > 4000)
    refuse("unitImport.badDescription", "description");
  let amountRials: bigint | null = null;
  const amountText = cell("amount");
  if (amountText) {
    const a = parseAmount(amountText, cols.amountScale);
    if (a.ok) amountRials = a.value;
    else refuse(`unitImport.amount.${a.reason}`, "amount");
  }
  const agencyIds: string[] = [];
  for (const item of agenciesIn(cell("agencies"), ref)) {
    if (typeof item === "string")
      notes.push({
        key: "unitImport.unknownValue",
        values: { column: cols.columnName("agencies"), value: item },
      });
    else if (!agencyIds.includes(item.id)) agencyIds.push(item.id);
  }
  if (!category || !description) return null;
  return { categoryId: category.id, subCategoryId: sub?.id ?? null, description, amountRials, agencyIds };
}

/**
 * Which unit a row is: the same national id, else the same name in the same county; a unit
 * met earlier in the sheet is the same unit again. Undefined: a new unit (or none, refused).
 */
function matchUnit(
  book: UnitBook,
  provinceId: string,
  unit: UnitCells,
  cols: Columns,
  { notes, warnings }: RowNotes,
): UnitState | undefined {
  const { name, county, countyText } = unit;
  if (!county || !name) return undefined;
  const nationalId = unit.sheet.nationalId ?? null;
  const nameKey = normalizeText(name);
  const nameRef = `${county.id}|${nameKey}`;
  let state = (nationalId ? book.byNid.get(nationalId) : undefined) ?? book.byName.get(nameRef);
  if (!state) {
    const match =
      (nationalId ? book.registry.byNid.get(nationalId) : undefined) ?? book.registry.byName.get(nameRef);
    if (match && match.provinceId !== provinceId) notes.push({ key: "units.nationalIdTakenElsewhere" });
    else if (match?.archivedAt) notes.push({ key: "unitImport.unitArchived", values: { name: match.name } });
    else if (match) state = book.stateOf(match);
  }
  if (state && nationalId && state.values.nationalId && state.values.nationalId !== nationalId)
    notes.push({
      key: "unitImport.otherNationalId",
      values: {
        column: cols.columnName("nationalId"),
        value: nationalId,
        registered: state.values.nationalId,
      },
    });
  if (state && normalizeText(state.name) !== nameKey)
    warnings.push({
      key: "unitImport.nameKept",
      values: { column: cols.columnName("name"), value: name, kept: state.name },
    });
  if (state && state.countyId !== county.id)
    warnings.push({
      key: "unitImport.countyKept",
      values: { column: cols.columnName("county"), value: countyText },
    });
  return state;
}

/** What a row changes on a unit already met; a value an earlier row set otherwise is the clerk's call. */
function unitChanges(
  state: UnitState,
  sheet: Partial<UnitValues>,
  row: SheetRow,
  cols: Columns,
  { notes }: RowNotes,
): Partial<UnitValues> {
  const changes: Partial<UnitValues> = {};
  for (const f of UNIT_VALUE_FIELDS) {
    const value = sheet[f];
    if (value === undefined || value === state.values[f]) continue;
    const line = state.setOnLine[f];
    if (line !== undefined)
      notes.push({
        key: "unitImport.conflictsWithRow",
        values: {
          column: cols.columnName(f),
          value: cols.cell(row, f),
          row: line,
          other: state.setText[f] ?? String(state.values[f]),
        },
      });
    else (changes as Record<string, unknown>)[f] = value;
  }
  return changes;
}

/** Whether a row's obstacle is new to its unit; the same one again is noted, a differing one refused. */
function isNewObstacle(
  obstacle: RowObstacle,
  state: UnitState | undefined,
  { notes, warnings }: RowNotes,
): boolean {
  const known = state?.obstacles.get(`${obstacle.categoryId}|${normalizeText(obstacle.description)}`);
  if (!known) return true;
  const differs =
    (obstacle.subCategoryId !== null && obstacle.subCategoryId !== known.subCategoryId) ||
    (obstacle.amountRials !== null && obstacle.amountRials !== known.amountRials) ||
    (obstacle.agencyIds.length > 0 && !sameSet(obstacle.agencyIds, known.agencyIds));
  if (differs)
    notes.push(
      known.line === null
        ? { key: "unitImport.obstacleDiffersFromRegistry" }
        : { key: "unitImport.obstacleDiffersFromRow", values: { row: known.line } },
    );
  else
    warnings.push(
      known.line === null
        ? { key: "unitImport.obstacleRegistered" }
        : { key: "unitImport.obstacleRepeatsRow", values: { row: known.line } },
    );
  return false;
}

/** A new unit from an accepted row: its values as written, each bound to this line. */
function newUnitState(unit: UnitCells, countyId: string, row: SheetRow, cols: Columns): UnitState {
  const { sheet } = unit;
  const values: UnitValues = {
    nationalId: sheet.nationalId ?? null,
    sector: sheet.sector ?? null,
    activity: sheet.activity ?? null,
    industrialPark: sheet.industrialPark ?? null,
    status: sheet.status ?? null,
    employees: sheet.employees ?? null,
    capacityUsePct: sheet.capacityUsePct ?? null,
    managerName: sheet.managerName ?? null,
    phone: sheet.phone ?? null,
  };
  const stated = UNIT_VALUE_FIELDS.filter((f) => values[f] !== null);
  return {
    id: newId(),
    existing: false,
    name: unit.name,
    countyId,
    values,
    setOnLine: Object.fromEntries(stated.map((f) => [f, row.line])),
    setText: Object.fromEntries(stated.map((f) => [f, cols.cell(row, f)])),
    obstacles: new Map(),
  };
}

/** An accepted row: what it writes goes into the plan and becomes what later rows compare with. */
function acceptRow(
  plan: Plan,
  book: UnitBook,
  row: SheetRow,
  cols: Columns,
  unit: UnitCells & { county: { id: string } },
  matched: UnitState | undefined,
  changes: Partial<UnitValues>,
  obstacle: RowObstacle | null,
  obstacleIsNew: boolean,
  warnings: Note[],
) {
  let state = matched;
  let outcome: Outcome;
  if (!state) {
    state = newUnitState(unit, unit.county.id, row, cols);
    book.states.set(state.id, state);
    plan.newUnits.push({
      ...state.values,
      id: state.id,
      name: unit.name,
      countyId: unit.county.id,
      line: row.line,
    });
    outcome = "create";
  } else {
    // Every cell this row states binds later rows, changed or not: the same sheet imported
    // twice must meet the same conflicts the second time.
    for (const f of UNIT_VALUE_FIELDS)
      if (unit.sheet[f] !== undefined && state.setOnLine[f] === undefined) {
        state.setOnLine[f] = row.line;
        state.setText[f] = cols.cell(row, f);
      }
    for (const [f, v] of Object.entries(changes)) (state.values as Record<string, unknown>)[f] = v;
    if (Object.keys(changes).length > 0) {
      plan.updates.push({ unitId: state.id, line: row.line, changes });
      outcome = "update";
    } else outcome = obstacleIsNew ? "append" : "unchanged";
  }
  const nationalId = unit.sheet.nationalId ?? null;
  if (nationalId) book.byNid.set(nationalId, state);
  book.byName.set(`${unit.county.id}|${normalizeText(unit.name)}`, state);
  if (obstacle && obstacleIsNew) {
    plan.obstacles.push({ ...obstacle, id: newId(), line: row.line, unitId: state.id });
    state.obstacles.set(`${obstacle.categoryId}|${normalizeText(obstacle.description)}`, {
      line: row.line,
      subCategoryId: obstacle.subCategoryId,
      amountRials: obstacle.amountRials,
      agencyIds: obstacle.agencyIds,
    });
  }
  plan.verdicts.push({ line: row.line, name: unit.name, outcome, obstacle: obstacleIsNew, notes: warnings });
}

/** One row: read, matched, checked, then refused or accepted into the plan. */
function planRow(
  plan: Plan,
  book: UnitBook,
  row: SheetRow,
  cols: Columns,
  ref: Reference,
  provinceId: string,
) {
  const rowNoted = rowNotes(row, cols);
  const unit = readUnitCells(row, cols, ref, rowNoted);
  const obstacle = readObstacle(row, cols, ref, rowNoted);
  const state = matchUnit(book, provinceId, unit, cols, rowNoted);
  let changes: Partial<UnitValues> = {};
  if (state) changes = unitChanges(state, unit.sheet, row, cols, rowNoted);
  else if (unit.name && unit.county) {
    // An unreadable cell is refused above already; an empty one is never filled with a default.
    if (!unit.sectorText) rowNoted.refuse("unitImport.requiredForNewUnit", "sector");
    if (!unit.statusText) rowNoted.refuse("unitImport.requiredForNewUnit", "status");
  }
  const obstacleIsNew = obstacle ? isNewObstacle(obstacle, state, rowNoted) : false;
  const { county } = unit;
  if (rowNoted.notes.length > 0 || !county) {
    plan.verdicts.push({
      line: row.line,
      name: unit.name,
      outcome: "refused",
      obstacle: false,
      notes: rowNoted.notes,
    });
    return;
  }
  acceptRow(
    plan,
    book,
    row,
    cols,
    { ...unit, county },
    state,
    changes,
    obstacle,
    obstacleIsNew,
    rowNoted.warnings,
  );
}

export async function planRows(
  tx: Tx,
  provinceId: string,
  headers: readonly string[],
  mapping: Mapping,
  rows: readonly SheetRow[],
  ref: Reference,
  /** Called every YIELD_EVERY rows, e.g. to let the event loop serve other requests. */
  pause?: () => Promise<unknown>,
): Promise<Plan> {
  const cols = sheetColumns(headers, mapping);
  const book = new UnitBook(await registryUnits(tx, provinceId, rows, cols));
  const plan: Plan = { verdicts: [], newUnits: [], updates: [], obstacles: [] };
  for (const [index, row] of rows.entries()) {
    if (pause && index > 0 && index % YIELD_EVERY === 0) await pause();
    planRow(plan, book, row, cols, ref, provinceId);
  }
  return plan;
}
