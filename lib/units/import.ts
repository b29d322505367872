import "server-only";
import { assertNotSubmitted, claimSubmission, rememberAnswer } from "@/lib/idempotency";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { FormState } from "@/lib/forms";
import { calendarDate, formatNumber, todayInTehran } from "@/lib/i18n/format";
import { translator, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";
import { normalizeText, parseLocalizedNumber } from "@/lib/i18n/normalize";
import { isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import type { OperatingStatus, Sector } from "@/lib/generated/prisma/enums";
import { nationalIdField, OPERATING_STATUSES, SECTORS } from "./schema";
import {
  recordsOf,
  readSheet,
  UnreadableSheetError,
  type ImportColumn,
  type ImportRecord,
} from "./spreadsheet";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export type PreviewRow = {
  line: number;
  name: string;
  action: "create" | "update";
  withObstacle: boolean;
  errors: string[];
};
export type ImportState = FormState & { rows?: PreviewRow[]; payload?: string; validCount?: number };

/** What a valid row will write. */
type PlannedRow = {
  line: number;
  unitKey: string;
  existingUnitId: string | null;
  unit: {
    name: string;
    nationalId: string | null;
    sector: Sector | null;
    activity: string | null;
    countyId: string;
    industrialPark: string | null;
    status: OperatingStatus | null;
    employees: number | null;
    managerName: string | null;
    phone: string | null;
  };
  obstacle: {
    categoryId: string;
    subCategoryId: string | null;
    description: string;
    amountRials: bigint | null;
  } | null;
};

// Enum values may be typed as the Persian or English label, or the code itself.
function enumLookup<T extends string>(values: readonly T[], label: (v: T) => MessageKey): Map<string, T> {
  const fa = translator("fa");
  const en = translator("en");
  return new Map(
    values.flatMap((v): [string, T][] => [
      [normalizeText(fa(label(v))), v],
      [normalizeText(en(label(v))), v],
      [normalizeText(v), v],
    ]),
  );
}
const SECTOR_BY_NAME = enumLookup(SECTORS, (v) => `sector.${v}`);
const STATUS_BY_NAME = enumLookup(OPERATING_STATUSES, (v) => `operatingStatus.${v}`);

async function referenceData(tx: Tx, provinceId: string) {
  const [counties, categories] = await Promise.all([
    tx.county.findMany({ where: { provinceId }, select: { id: true, nameFa: true, nameEn: true } }),
    tx.obstacleCategory.findMany({
      where: { active: true },
      select: { id: true, parentId: true, code: true, nameFa: true, nameEn: true },
    }),
  ]);
  const countyByName = new Map(
    counties.flatMap((c) => [
      [normalizeText(c.nameFa), c.id],
      [normalizeText(c.nameEn), c.id],
    ]),
  );
  const categoryByName = (parentId: string | null) =>
    new Map(
      categories
        .filter((c) => c.parentId === parentId)
        .flatMap((c) => [
          [normalizeText(c.nameFa), c.id],
          [normalizeText(c.nameEn), c.id],
          [normalizeText(c.code), c.id],
        ]),
    );
  return { countyByName, categoryByName };
}

/**
 * Checks every row against the registry without writing anything. Used for the preview and
 * again inside the import's transaction, so what is written is what was checked.
 */
async function planImport(
  tx: Tx,
  provinceId: string,
  records: { line: number; record: ImportRecord }[],
  t: Translate,
  locale: Locale,
) {
  const { countyByName, categoryByName } = await referenceData(tx, provinceId);
  const topCategories = categoryByName(null);
  const nationalIds = records
    .map((r) => nationalIdField.safeParse(r.record.nationalId))
    .flatMap((p) => (p.success && p.data ? [p.data] : []));
  const names = records.flatMap((r) => (r.record.name ? [normalizeText(r.record.name)] : []));
  const existing = await tx.productionUnit.findMany({
    where: {
      OR: [
        { nationalId: { in: nationalIds } },
        { provinceId, nameNormalized: { in: names }, archivedAt: null },
      ],
    },
    select: { id: true, provinceId: true, nationalId: true, countyId: true, nameNormalized: true },
  });
  const seen = new Map<string, number>();
  const preview: PreviewRow[] = [];
  const planned: PlannedRow[] = [];
  for (const { line, record } of records) {
    const errors: string[] = [];
    const value = (c: ImportColumn) => record[c] ?? "";
    const name = value("name");
    if (!name) errors.push(t("unitImport.missingName"));
    const nid = nationalIdField.safeParse(record.nationalId);
    if (!nid.success) errors.push(t("unitImport.badNationalId", { value: value("nationalId") }));
    const countyId = countyByName.get(normalizeText(value("county")));
    if (!countyId) errors.push(t("unitImport.unknownCounty", { value: value("county") }));
    const sector = record.sector ? SECTOR_BY_NAME.get(normalizeText(record.sector)) : null;
    if (sector === undefined) errors.push(t("unitImport.unknownSector", { value: value("sector") }));
    const status = record.status ? STATUS_BY_NAME.get(normalizeText(record.status)) : null;
    if (status === undefined) errors.push(t("unitImport.unknownStatus", { value: value("status") }));
    const number = (column: "employees" | "amount") => {
      if (!record[column]) return null;
      const n = parseLocalizedNumber(record[column]);
      if (n === null || (column === "employees" && n > 1_000_000n)) {
        errors.push(
          t("unitImport.badNumber", {
            value: value(column),
            column: t(column === "employees" ? "units.employees" : "obstacles.amount"),
          }),
        );
        return null;
      }
      return n;
    };
    const employees = number("employees");
    const amountRials = number("amount");
    const withObstacle = Boolean(
      record.category || record.description || record.subCategory || record.amount,
    );
    let obstacle: PlannedRow["obstacle"] = null;
    if (withObstacle) {
      const categoryId = topCategories.get(normalizeText(value("category")));
      const subCategoryId =
        categoryId && record.subCategory
          ? categoryByName(categoryId).get(normalizeText(record.subCategory))
          : null;
      if (!categoryId) errors.push(t("unitImport.unknownCategory", { value: value("category") }));
      else if (subCategoryId === undefined)
        errors.push(t("unitImport.unknownCategory", { value: value("subCategory") }));
      const description = value("description");
      if (description.length < 5) errors.push(t("unitImport.descriptionMissing"));
      if (categoryId && subCategoryId !== undefined)
        obstacle = { categoryId, subCategoryId, description, amountRials };
    }

    const nationalId = nid.success ? nid.data : null;
    const nameKey = normalizeText(name);
    const match = existing.find(
      (u) =>
        (nationalId !== null && u.nationalId === nationalId) ||
        (u.provinceId === provinceId && u.countyId === countyId && u.nameNormalized === nameKey),
    );
    if (match && match.provinceId !== provinceId) errors.push(t("units.nationalIdTakenElsewhere"));
    const unitKey = nationalId ?? `${countyId}|${nameKey}`;
    // Several rows may carry several obstacles of one unit; the same unit with the same
    // obstacle (or with none) twice is a copy-paste mistake.
    const rowKey = `${unitKey}|${normalizeText(value("description"))}`;
    const earlier = seen.get(rowKey);
    if (earlier !== undefined)
      errors.push(t("unitImport.duplicateRow", { row: formatNumber(earlier, locale) }));
    else seen.set(rowKey, line);

    const action = match || planned.some((p) => p.unitKey === unitKey) ? "update" : "create";
    preview.push({ line, name, action, withObstacle, errors });
    if (errors.length === 0 && countyId) {
      planned.push({
        line,
        unitKey,
        existingUnitId: match?.id ?? null,
        unit: {
          name,
          nationalId,
          sector: sector ?? null,
          activity: record.activity ?? null,
          countyId,
          industrialPark: record.industrialPark ?? null,
          status: status ?? null,
          employees: employees === null ? null : Number(employees),
          managerName: record.managerName ?? null,
          phone: record.phone ?? null,
        },
        obstacle,
      });
    }
  }
  return { preview, planned };
}

async function recordsFromFile(file: File | null, t: Translate) {
  if (!file || file.size === 0 || !/\.(xlsx|csv)$/i.test(file.name))
    throw new UserFacingError(t("unitImport.fileRequired"), { file: [t("unitImport.fileRequired")] });
  if (file.size > MAX_IMPORT_BYTES)
    throw new UserFacingError(t("unitImport.fileTooLarge"), { file: [t("unitImport.fileTooLarge")] });
  let rows: string[][];
  try {
    rows = await readSheet(await file.arrayBuffer(), file.name);
  } catch (err) {
    if (err instanceof UnreadableSheetError)
      throw new UserFacingError(t("unitImport.fileUnreadable"), { file: [t("unitImport.fileUnreadable")] });
    throw err;
  }
  const { headersFound, records } = recordsOf(rows);
  if (!headersFound)
    throw new UserFacingError(t("unitImport.headersMissing"), { file: [t("unitImport.headersMissing")] });
  if (records.length > MAX_IMPORT_ROWS) throw new UserFacingError(t("unitImport.tooManyRows"));
  return records;
}

/** Step 1: read the file and say, row by row, what would happen. Writes nothing. */
export async function previewImport(
  actor: Actor | null,
  file: File | null,
  t: Translate,
  locale: Locale = "fa",
): Promise<ImportState> {
  let state: ImportState = { ok: false };
  const result = await mutation(t, async () => {
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const records = await recordsFromFile(file, t);
    const { preview, planned } = await planImport(db, provinceId, records, t, locale);
    const invalidCount = preview.filter((r) => r.errors.length > 0).length;
    state = {
      ok: true,
      message: t("unitImport.summary", {
        valid: formatNumber(planned.length, locale),
        invalid: formatNumber(invalidCount, locale),
      }),
      rows: preview,
      validCount: planned.length,
      // The checked records go back to the browser and return on confirmation; the server
      // checks them again then, so nothing from the browser is trusted.
      payload: JSON.stringify(records),
    };
    return state;
  });
  return result.ok ? state : result;
}

const payloadSchema = z
  .array(z.object({ line: z.number().int().min(2), record: z.record(z.string(), z.string().max(4000)) }))
  .max(MAX_IMPORT_ROWS);

/** Step 2: write every valid row in one transaction, or nothing at all. */
export async function confirmImport(
  actor: Actor | null,
  payload: string,
  t: Translate,
  locale: Locale = "fa",
  /** The confirm form's idempotency key (lib/idempotency.ts): a repeat imports nothing. */
  key: string | null = null,
): Promise<ImportState> {
  return mutation(t, async () => {
    authorize(actor, "unit.write");
    await assertNotSubmitted(key);
    const provinceId = writeProvince(actor, "unit.write");
    let parsed: z.infer<typeof payloadSchema>;
    try {
      parsed = payloadSchema.parse(JSON.parse(payload));
    } catch {
      throw new UserFacingError(t("unitImport.fileRequired"));
    }
    const records = parsed.map(({ line, record }) => ({ line, record: record as ImportRecord }));
    const today = calendarDate(todayInTehran());
    return writeRows(actor, provinceId, records, today, t, locale, key).catch((err: unknown) => {
      // Someone registered the same national id between the check and the write.
      if (isUniqueViolation(err, "nationalId"))
        throw new UserFacingError(t("units.nationalIdTakenElsewhere"));
      throw err;
    });
  });
}

async function writeRows(
  actor: Actor,
  provinceId: string,
  records: { line: number; record: ImportRecord }[],
  today: Date,
  t: Translate,
  locale: Locale,
  key: string | null,
): Promise<ImportState> {
  return db.$transaction(
    async (tx) => {
      await claimSubmission(tx, key, actor.id);
      const { planned } = await planImport(tx, provinceId, records, t, locale);
      if (planned.length === 0) throw new UserFacingError(t("unitImport.nothingValid"));
      const unitIds = new Map<string, string>();
      for (const row of planned) {
        let unitId = unitIds.get(row.unitKey) ?? row.existingUnitId;
        const { sector, status, ...fields } = row.unit;
        if (!unitId) {
          const created = await tx.productionUnit.create({
            data: {
              ...fields,
              provinceId,
              nameNormalized: normalizeText(fields.name),
              sector: sector ?? "INDUSTRIAL",
              status: status ?? "ACTIVE",
            },
            select: { id: true, status: true },
          });
          await tx.unitStatusChange.create({
            data: { unitId: created.id, toStatus: created.status, changedOn: today, userId: actor.id },
          });
          await recordAudit(tx, {
            actorId: actor.id,
            provinceId,
            action: "unit.import.create",
            entityType: "ProductionUnit",
            entityId: created.id,
            after: { ...row.unit, line: row.line },
          });
          unitId = created.id;
        } else if (!unitIds.has(row.unitKey)) {
          const before = await tx.productionUnit.findUniqueOrThrow({
            where: { id: unitId },
            select: {
              status: true,
              name: true,
              employees: true,
              managerName: true,
              phone: true,
              activity: true,
              industrialPark: true,
            },
          });
          // Only cells that hold a value overwrite what the registry has.
          const changes = Object.fromEntries(
            Object.entries({ ...fields, sector, status }).filter(
              ([k, v]) => v !== null && k !== "countyId" && k !== "name",
            ),
          );
          await tx.productionUnit.update({ where: { id: unitId }, data: changes });
          if (status && status !== before.status)
            await tx.unitStatusChange.create({
              data: {
                unitId,
                fromStatus: before.status,
                toStatus: status,
                changedOn: today,
                reason: t("units.import"),
                userId: actor.id,
              },
            });
          await recordAudit(tx, {
            actorId: actor.id,
            provinceId,
            action: "unit.import.update",
            entityType: "ProductionUnit",
            entityId: unitId,
            before,
            after: { ...changes, line: row.line },
          });
        }
        unitIds.set(row.unitKey, unitId);
        if (row.obstacle) {
          const obstacle = await tx.obstacle.create({
            data: {
              ...row.obstacle,
              provinceId,
              unitId,
              descriptionNormalized: normalizeText(row.obstacle.description),
              createdById: actor.id,
            },
            select: { id: true },
          });
          await recordAudit(tx, {
            actorId: actor.id,
            provinceId,
            action: "obstacle.import",
            entityType: "Obstacle",
            entityId: obstacle.id,
            after: { ...row.obstacle, unitId, line: row.line },
          });
        }
      }
      return rememberAnswer(tx, key, {
        ok: true,
        message: t("unitImport.done", { count: formatNumber(planned.length, locale) }),
      });
    },
    // A few thousand rows take longer than Prisma's default 5 s interactive transaction.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
