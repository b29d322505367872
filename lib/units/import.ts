import "server-only";
import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { recordAudit, recordAudits, type AuditEntry } from "@/lib/audit/record";
import type { FormState } from "@/lib/forms";
import {
  calendarDate,
  formatNumber,
  isRtl,
  joinClauses,
  joinItems,
  localName,
  todayInTehran,
} from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";
import { mutation, UserFacingError } from "@/lib/mutation";
import { writeWorkbook, type Cell } from "@/lib/reports/xlsx";
import { OPERATING_STATUSES, SECTORS } from "./schema";
import {
  columnLetter,
  FIELD_LABEL,
  IMPORT_FIELDS,
  mappingProblems,
  REQUIRED_FIELDS,
  type ImportField,
  type Mapping,
} from "./import-fields";
import {
  amountScaleOfHeader,
  headerSignatureText,
  isVerdictHeader,
  proposeMapping,
  VERDICT_HEADERS,
} from "./import-headers";
import { planRows, referenceData, type Note, type Outcome, type Plan, type RowVerdict } from "./import-plan";
import { readSheet, UnreadableSheetError, type SheetRow } from "./spreadsheet";
import { errorFields, log } from "@/lib/observability/log";

// Importing a sheet in three steps (docs/decisions/040–043):
//   1. upload: the file is read and kept on the server (ImportBatch); its columns come back
//      with a proposed field each (a saved mapping for a sheet of the same shape, else the
//      headers' synonyms);
//   2. check: the user's mapping is validated, each row gets a verdict; nothing is written;
//   3. import: the browser asks for the next chunk until done; each chunk is checked again
//      and written in its own transaction together with the batch's cursor, so rows are
//      written whole, exactly once, and the progress bar is the cursor.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
/** Rows per import transaction: bounds how long one request holds the event loop (bench/import.ts). */
export const IMPORT_CHUNK_ROWS = 100;
/** Rows shown in the page after a check; every row is in the verdict sheet. */
export const SHOWN_ROWS = 300;
/** Staging data is removed this long after upload. */
const BATCH_RETENTION_DAYS = 7;

export type ImportColumnInfo = {
  index: number;
  letter: string;
  header: string;
  samples: string[];
  proposed: ImportField | null;
  /** A verdict column of an earlier check, left out of the mapping. */
  verdictColumn: boolean;
  /** Amounts in this column are multiplied by this (header «میلیون ریال»), as digits. */
  amountScale: string;
};
export type UploadState = FormState & {
  batchId?: string;
  fileName?: string;
  rowCount?: number;
  blankRows?: number;
  columns?: ImportColumnInfo[];
  /** The proposal is a mapping saved for a sheet of the same shape. */
  reused?: boolean;
};
export type ShownRow = {
  line: number;
  name: string;
  outcome: Outcome;
  obstacle: boolean;
  messages: string[];
};
export type ImportCounts = Record<Outcome, number> & { obstacles: number; unitsUpdated: number };
export type CheckState = FormState & {
  batchId?: string;
  counts?: ImportCounts;
  rows?: ShownRow[];
  total?: number;
};
export type ProgressState = FormState & {
  batchId?: string;
  done?: number;
  total?: number;
  finished?: boolean;
  summary?: {
    unitsCreated: number;
    unitsUpdated: number;
    obstaclesAdded: number;
    rowsUnchanged: number;
    rowsRefused: number;
  };
};

export const renderNote = (note: Note, t: Translate, locale: Locale) =>
  t(
    note.key,
    Object.fromEntries(
      Object.entries(note.values ?? {}).map(([k, v]) => [
        k,
        typeof v === "number" ? formatNumber(v, locale) : v,
      ]),
    ),
  );

const signatureOf = (headers: readonly string[]) =>
  createHash("sha256").update(headerSignatureText(headers)).digest("hex");

/** A saved mapping lists fields for the non-verdict columns, in order. */
const withoutVerdictColumns = (headers: readonly string[], mapping: Mapping) =>
  mapping.filter((_, i) => !isVerdictHeader(headers[i] ?? ""));
function onColumns(headers: readonly string[], saved: readonly (ImportField | null)[]): Mapping {
  let next = 0;
  return headers.map((h) => (isVerdictHeader(h) ? null : (saved[next++] ?? null)));
}

async function readUpload(file: File | null, t: Translate) {
  const fileError = (key: Parameters<Translate>[0]) => new UserFacingError(t(key), { file: [t(key)] });
  if (!file || file.size === 0 || !/\.(xlsx|csv|xls)$/i.test(file.name))
    throw fileError("unitImport.fileRequired");
  if (file.size > MAX_IMPORT_BYTES) throw fileError("unitImport.fileTooLarge");
  try {
    return await readSheet(await file.arrayBuffer(), file.name);
  } catch (err) {
    if (!(err instanceof UnreadableSheetError)) throw err;
    throw fileError(
      err.reason === "xls"
        ? "unitImport.fileXls"
        : err.reason === "empty"
          ? "unitImport.fileEmpty"
          : "unitImport.fileUnreadable",
    );
  }
}

/** Step 1: read the file, keep it, and propose a field for each column. Writes no unit. */
export async function uploadImport(
  actor: Actor | null,
  file: File | null,
  t: Translate,
): Promise<UploadState> {
  let state: UploadState = { ok: false };
  const result = await mutation(t, async () => {
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const sheet = await readUpload(file, t);
    if (sheet.rows.length === 0)
      throw new UserFacingError(t("unitImport.noRows"), { file: [t("unitImport.noRows")] });
    if (sheet.rows.length > MAX_IMPORT_ROWS) throw new UserFacingError(t("unitImport.tooManyRows"));
    const saved = await db.importMapping.findUnique({
      where: { provinceId_signature: { provinceId, signature: signatureOf(sheet.headers) } },
      select: { mapping: true },
    });
    const proposal = saved
      ? onColumns(sheet.headers, mappingSchema.parse(saved.mapping))
      : proposeMapping(sheet.headers);
    // Old batches go when new ones come: staging data never piles up, no scheduler needed.
    await db.importBatch.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - BATCH_RETENTION_DAYS * 86_400_000) } },
    });
    const batch = await db.importBatch.create({
      data: {
        provinceId,
        createdById: actor.id,
        fileName: (file?.name ?? "").slice(0, 200),
        headers: sheet.headers,
        rows: sheet.rows,
      },
      select: { id: true },
    });
    state = {
      ok: true,
      batchId: batch.id,
      fileName: file?.name,
      rowCount: sheet.rows.length,
      blankRows: sheet.blankRows,
      reused: Boolean(saved),
      columns: sheet.headers.map((header, index) => ({
        index,
        letter: columnLetter(index),
        header,
        samples: [...new Set(sheet.rows.map((r) => r.cells[index] ?? "").filter(Boolean))].slice(0, 3),
        proposed: proposal[index] ?? null,
        verdictColumn: isVerdictHeader(header),
        amountScale: amountScaleOfHeader(header).toString(),
      })),
    };
    return state;
  });
  return result.ok ? state : result;
}

const mappingSchema = z.array(z.enum(IMPORT_FIELDS).nullable()).max(500);
export const checkInputSchema = z.object({
  batchId: z.string().min(1).max(40),
  /** One entry per column: a field, or "" for a column to ignore. */
  mapping: z
    .array(z.union([z.enum(IMPORT_FIELDS), z.literal("")]).transform((v) => (v === "" ? null : v)))
    .max(500),
  remember: z.boolean().default(true),
});

async function ownBatch(tx: Tx, actor: Actor, provinceId: string, batchId: string, t: Translate) {
  const batch = await tx.importBatch.findUnique({ where: { id: batchId } });
  // Another user's batch is as good as missing: its cells are theirs.
  if (!batch || batch.provinceId !== provinceId || batch.createdById !== actor.id)
    throw new UserFacingError(t("unitImport.batchMissing"));
  return batch;
}

const rowsOf = (json: unknown) => json as SheetRow[];
const verdictsOf = (json: unknown) => (json ?? []) as RowVerdict[];

function countsOf(verdicts: RowVerdict[], plan?: Pick<Plan, "updates">): ImportCounts {
  const counts: ImportCounts = {
    create: 0,
    update: 0,
    append: 0,
    unchanged: 0,
    refused: 0,
    obstacles: 0,
    unitsUpdated: 0,
  };
  for (const v of verdicts) {
    counts[v.outcome] += 1;
    if (v.obstacle) counts.obstacles += 1;
  }
  counts.unitsUpdated = new Set(plan?.updates.map((u) => u.unitId)).size;
  return counts;
}

/** Step 2: apply the user's mapping and say what each row would do. Writes no unit. */
export async function checkImport(
  actor: Actor | null,
  input: unknown,
  t: Translate,
  locale: Locale = "fa",
): Promise<CheckState> {
  let state: CheckState = { ok: false };
  const result = await mutation(t, async () => {
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const parsed = checkInputSchema.safeParse(input);
    if (!parsed.success) throw new UserFacingError(t("validation.invalidInput"));
    const { batchId, mapping, remember } = parsed.data;
    const batch = await ownBatch(db, actor, provinceId, batchId, t);
    if (batch.status === "IMPORTING" || batch.status === "DONE")
      throw new UserFacingError(t("unitImport.alreadyImported"));
    const headers = batch.headers as string[];
    if (mapping.length !== headers.length) throw new UserFacingError(t("validation.invalidInput"));
    const problems = mappingProblems(mapping);
    if (problems.length > 0)
      throw new UserFacingError(
        problems
          .map((p) =>
            p.kind === "missing"
              ? t("unitImport.requiredUnmapped", { field: t(FIELD_LABEL[p.field]) })
              : t("unitImport.fieldTwice", {
                  field: t(FIELD_LABEL[p.field]),
                  columns: joinItems(
                    p.columns.map((c) => headers[c] || columnLetter(c)),
                    locale,
                  ),
                }),
          )
          .join(" "),
        { mapping: problems.map((p) => p.field) },
      );
    const rows = rowsOf(batch.rows);
    const ref = await referenceData(db, provinceId);
    // The event loop is let go every few hundred rows, so other requests on this instance are
    // served while 5,000 rows are checked (bench/import.ts measures the longest stall).
    const plan = await planRows(db, provinceId, headers, mapping, rows, ref, yieldToEventLoop);
    await db.$transaction(async (tx) => {
      await tx.importBatch.update({
        where: { id: batchId },
        data: { mapping, verdicts: plan.verdicts, status: "CHECKED" },
      });
      if (remember) {
        const signature = signatureOf(headers);
        const saved = withoutVerdictColumns(headers, mapping);
        const stored = await tx.importMapping.upsert({
          where: { provinceId_signature: { provinceId, signature } },
          create: { provinceId, signature, mapping: saved, updatedById: actor.id },
          update: { mapping: saved, updatedById: actor.id },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId,
          action: "unit.import.mapping",
          entityType: "ImportMapping",
          entityId: stored.id,
          after: { headers, mapping: saved },
        });
      }
    });
    const counts = countsOf(plan.verdicts, plan);
    // Refused rows first: they are what the clerk has to act on.
    const shown = [
      ...plan.verdicts.filter((v) => v.outcome === "refused"),
      ...plan.verdicts.filter((v) => v.outcome !== "refused"),
    ]
      .slice(0, SHOWN_ROWS)
      .sort((a, b) => a.line - b.line);
    state = {
      ok: true,
      batchId,
      total: rows.length,
      counts,
      message: t("unitImport.checkSummary", {
        create: formatNumber(counts.create, locale),
        units: formatNumber(counts.unitsUpdated, locale),
        obstacles: formatNumber(counts.obstacles, locale),
        unchanged: formatNumber(counts.unchanged, locale),
        refused: formatNumber(counts.refused, locale),
      }),
      rows: shown.map((v) => ({
        line: v.line,
        name: v.name,
        outcome: v.outcome,
        obstacle: v.obstacle,
        messages: v.notes.map((n) => renderNote(n, t, locale)),
      })),
    };
    return state;
  });
  return result.ok ? state : result;
}

/** Step 3: write the next chunk of rows; the browser calls again until `finished`. */
export async function importNextChunk(
  actor: Actor | null,
  batchId: string,
  t: Translate,
  locale: Locale = "fa",
): Promise<ProgressState> {
  let state: ProgressState = { ok: false };
  const result = await mutation(t, async () => {
    authorize(actor, "unit.write");
    const provinceId = writeProvince(actor, "unit.write");
    const today = calendarDate(todayInTehran());
    try {
      state = await db.$transaction(
        (tx) => importChunk(tx, actor, provinceId, batchId, today, IMPORT_CHUNK_ROWS, t),
        {
          timeout: 60_000,
          maxWait: 10_000,
        },
      );
    } catch (err) {
      if (err instanceof UserFacingError) throw err;
      // Something changed under the chunk (a national id registered meanwhile, say): write
      // its rows one transaction each, so one row's failure refuses that row only.
      log.warn(errorFields(err), "import chunk failed, retrying row by row");
      for (let i = 0; i < IMPORT_CHUNK_ROWS; i++) {
        try {
          state = await db.$transaction((tx) => importChunk(tx, actor, provinceId, batchId, today, 1, t), {
            timeout: 30_000,
          });
        } catch (rowErr) {
          if (rowErr instanceof UserFacingError) throw rowErr;
          state = await db.$transaction((tx) => refuseNextRow(tx, actor, provinceId, batchId, t));
        }
        if (state.finished) break;
      }
    }
    if (state.finished && state.summary)
      state.message = t("unitImport.done", {
        created: formatNumber(state.summary.unitsCreated, locale),
        updated: formatNumber(state.summary.unitsUpdated, locale),
        obstacles: formatNumber(state.summary.obstaclesAdded, locale),
        unchanged: formatNumber(state.summary.rowsUnchanged, locale),
        refused: formatNumber(state.summary.rowsRefused, locale),
      });
    return state;
  });
  return result.ok ? state : result;
}

type LockedBatch = {
  id: string;
  provinceId: string;
  createdById: string;
  fileName: string;
  status: string;
  cursor: number;
  headers: string[];
  mapping: unknown;
  total: number;
  unitsCreated: number;
  unitsUpdated: number;
  obstaclesAdded: number;
  rowsUnchanged: number;
  rowsRefused: number;
  /** The next `size` rows and their verdicts from the check (same order, same length). */
  rows: SheetRow[] | null;
  verdicts: RowVerdict[] | null;
};

/**
 * Locks the batch row, so two tabs (or a double click) never write the same chunk twice, and
 * reads only the next `size` rows: the whole sheet's JSON is never parsed or rewritten per chunk.
 */
async function lockBatch(
  tx: Tx,
  actor: Actor,
  provinceId: string,
  batchId: string,
  size: number,
  t: Translate,
) {
  const [batch] = await tx.$queryRaw<LockedBatch[]>`
    SELECT id, "provinceId", "createdById", "fileName", status::text AS status, cursor, headers, mapping,
           jsonb_array_length(rows) AS total, "unitsCreated", "unitsUpdated", "obstaclesAdded",
           "rowsUnchanged", "rowsRefused",
           (SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(rows) WITH ORDINALITY AS r(e, n)
             WHERE n > cursor AND n <= cursor + ${size}) AS rows,
           (SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(COALESCE(verdicts, '[]')) WITH ORDINALITY AS v(e, n)
             WHERE n > cursor AND n <= cursor + ${size}) AS verdicts
    FROM "ImportBatch" WHERE id = ${batchId} FOR UPDATE`;
  if (!batch || batch.provinceId !== provinceId || batch.createdById !== actor.id)
    throw new UserFacingError(t("unitImport.batchMissing"));
  if (batch.status === "UPLOADED" || !batch.mapping) throw new UserFacingError(t("unitImport.checkFirst"));
  return { ...batch, total: Number(batch.total), rows: batch.rows ?? [], verdicts: batch.verdicts ?? [] };
}

function progressOf(batch: {
  id: string;
  cursor: number;
  status: string;
  total: number;
  unitsCreated: number;
  unitsUpdated: number;
  obstaclesAdded: number;
  rowsUnchanged: number;
  rowsRefused: number;
}): ProgressState {
  return {
    ok: true,
    batchId: batch.id,
    done: Math.min(batch.cursor, batch.total),
    total: batch.total,
    finished: batch.status === "DONE",
    summary: {
      unitsCreated: batch.unitsCreated,
      unitsUpdated: batch.unitsUpdated,
      obstaclesAdded: batch.obstaclesAdded,
      rowsUnchanged: batch.rowsUnchanged,
      rowsRefused: batch.rowsRefused,
    },
  };
}

/**
 * Moves the cursor past `slice` and stores the verdicts that changed since the check (a row
 * that became unchanged, or refused, at import time). On the last chunk the unchanged and
 * refused rows are counted from the verdicts, in SQL, and the import is audited.
 */
async function advance(
  tx: Tx,
  actor: Actor,
  batch: LockedBatch,
  changed: { index: number; verdict: RowVerdict }[],
  written: { unitsCreated: number; unitsUpdated: number; obstaclesAdded: number },
): Promise<ProgressState> {
  if (changed.length > 0) {
    // One rewrite of the verdicts for the whole chunk, in SQL.
    const byIndex = JSON.stringify(Object.fromEntries(changed.map((c) => [String(c.index), c.verdict])));
    await tx.$executeRaw`
      UPDATE "ImportBatch" SET verdicts = (
        SELECT jsonb_agg(COALESCE(${byIndex}::jsonb -> (n - 1)::text, e) ORDER BY n)
        FROM jsonb_array_elements(verdicts) WITH ORDINALITY AS v(e, n))
      WHERE id = ${batch.id}`;
  }
  const cursor = batch.cursor + (batch.rows?.length ?? 0);
  const finished = cursor >= batch.total;
  let outcomes = { unchanged: batch.rowsUnchanged, refused: batch.rowsRefused };
  if (finished) {
    const [counted] = await tx.$queryRaw<{ unchanged: bigint; refused: bigint }[]>`
      SELECT count(*) FILTER (WHERE e->>'outcome' = 'unchanged') AS unchanged,
             count(*) FILTER (WHERE e->>'outcome' = 'refused') AS refused
      FROM "ImportBatch", jsonb_array_elements(verdicts) e WHERE id = ${batch.id}`;
    outcomes = { unchanged: Number(counted?.unchanged ?? 0), refused: Number(counted?.refused ?? 0) };
  }
  const updated = await tx.importBatch.update({
    where: { id: batch.id },
    data: {
      cursor,
      status: finished ? "DONE" : "IMPORTING",
      finishedAt: finished ? new Date() : null,
      unitsCreated: { increment: written.unitsCreated },
      unitsUpdated: { increment: written.unitsUpdated },
      obstaclesAdded: { increment: written.obstaclesAdded },
      rowsUnchanged: outcomes.unchanged,
      rowsRefused: outcomes.refused,
    },
    select: {
      id: true,
      cursor: true,
      status: true,
      unitsCreated: true,
      unitsUpdated: true,
      obstaclesAdded: true,
      rowsUnchanged: true,
      rowsRefused: true,
    },
  });
  if (finished)
    await recordAudit(tx, {
      actorId: actor.id,
      provinceId: batch.provinceId,
      action: "unit.import",
      entityType: "ImportBatch",
      entityId: batch.id,
      after: { fileName: batch.fileName, rows: batch.total, ...updated, id: undefined, status: undefined },
    });
  return progressOf({ ...updated, total: batch.total });
}

/** Verdicts compared by content: jsonb gives keys back in its own order. */
const verdictText = (v: RowVerdict) =>
  JSON.stringify([
    v.outcome,
    v.obstacle,
    v.notes.map((n) => [n.key, Object.entries(n.values ?? {}).sort(([a], [b]) => a.localeCompare(b))]),
  ]);
const sameVerdict = (a: RowVerdict, b: RowVerdict) => verdictText(a) === verdictText(b);

async function importChunk(
  tx: Tx,
  actor: Actor,
  provinceId: string,
  batchId: string,
  today: Date,
  size: number,
  t: Translate,
): Promise<ProgressState> {
  const batch = await lockBatch(tx, actor, provinceId, batchId, size, t);
  if (batch.status === "DONE") return progressOf(batch);
  const slice = batch.rows ?? [];
  const checked = batch.verdicts ?? [];
  // Rows the check refused stay refused: the clerk saw that verdict before confirming.
  const toWrite = slice.filter((_, i) => checked[i]?.outcome !== "refused");
  const mapping = mappingSchema.parse(batch.mapping);
  const plan = await planRows(
    tx,
    provinceId,
    batch.headers,
    mapping,
    toWrite,
    await referenceData(tx, provinceId),
  );
  const unitsUpdated = await writePlan(tx, actor, provinceId, batchId, plan, today, t);
  const byLine = new Map(plan.verdicts.map((v) => [v.line, v]));
  const changed = slice.flatMap((row, i) => {
    const now = byLine.get(row.line);
    const before = checked[i];
    return now && before && !sameVerdict(now, before) ? [{ index: batch.cursor + i, verdict: now }] : [];
  });
  return advance(tx, actor, batch, changed, {
    unitsCreated: plan.newUnits.length,
    unitsUpdated,
    obstaclesAdded: plan.obstacles.length,
  });
}

/** The row the import could not write even alone: refused with a message, the rest goes on. */
async function refuseNextRow(tx: Tx, actor: Actor, provinceId: string, batchId: string, t: Translate) {
  const batch = await lockBatch(tx, actor, provinceId, batchId, 1, t);
  if (batch.status === "DONE") return progressOf(batch);
  const [row] = batch.rows ?? [];
  const verdict: RowVerdict = {
    line: row?.line ?? 0,
    name: batch.verdicts?.[0]?.name ?? "",
    outcome: "refused",
    obstacle: false,
    notes: [{ key: "unitImport.rowFailed" }],
  };
  return advance(tx, actor, batch, [{ index: batch.cursor, verdict }], {
    unitsCreated: 0,
    unitsUpdated: 0,
    obstaclesAdded: 0,
  });
}

/** Writes a chunk's plan with one multi-row insert per table; returns units updated for the first time by this batch. */
async function writePlan(
  tx: Tx,
  actor: Actor,
  provinceId: string,
  batchId: string,
  plan: Plan,
  today: Date,
  t: Translate,
): Promise<number> {
  const audits: AuditEntry[] = [];
  if (plan.newUnits.length > 0) {
    const units = plan.newUnits.map(({ line: _line, sector, status, ...u }) => {
      // The plan refuses a new unit without both; the database would too.
      if (!sector || !status) throw new Error("new unit without sector or status");
      return {
        ...u,
        sector,
        status,
        provinceId,
        nameNormalized: normalizeText(u.name),
        employeesAtRegistration: u.employees ?? null,
      };
    });
    await tx.productionUnit.createMany({ data: units });
    await tx.unitStatusChange.createMany({
      data: units.map((u) => ({
        unitId: u.id,
        toStatus: u.status,
        changedOn: today,
        reason: t("units.import"),
        cause: "IMPORT" as const,
        userId: actor.id,
      })),
    });
    for (const [i, u] of units.entries())
      audits.push({
        actorId: actor.id,
        provinceId,
        action: "unit.import.create",
        entityType: "ProductionUnit",
        entityId: u.id,
        after: { ...u, batchId, line: plan.newUnits[i]?.line },
      });
  }
  // Several rows may fill different cells of one unit: one update per unit.
  const updates = new Map<string, { lines: number[]; changes: Record<string, unknown> }>();
  for (const u of plan.updates) {
    const entry = updates.get(u.unitId) ?? { lines: [], changes: {} };
    entry.lines.push(u.line);
    Object.assign(entry.changes, u.changes);
    updates.set(u.unitId, entry);
  }
  const newIds = new Set(plan.newUnits.map((u) => u.id));
  for (const [unitId, { lines, changes }] of updates) {
    const current = await tx.productionUnit.findUniqueOrThrow({
      where: { id: unitId },
      select: UNIT_VALUES_SELECT,
    });
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, current[k as keyof typeof current]]),
    );
    await tx.productionUnit.update({ where: { id: unitId }, data: changes });
    const toStatus = changes.status as (typeof OPERATING_STATUSES)[number] | undefined;
    if (toStatus && toStatus !== current.status)
      await tx.unitStatusChange.create({
        data: {
          unitId,
          fromStatus: current.status,
          toStatus,
          changedOn: today,
          reason: t("units.import"),
          cause: "IMPORT",
          userId: actor.id,
        },
      });
    audits.push({
      actorId: actor.id,
      provinceId,
      action: "unit.import.update",
      entityType: "ProductionUnit",
      entityId: unitId,
      before,
      after: { ...changes, batchId, lines },
    });
  }
  if (plan.obstacles.length > 0) {
    await tx.obstacle.createMany({
      data: plan.obstacles.map((o) => ({
        id: o.id,
        provinceId,
        unitId: o.unitId,
        categoryId: o.categoryId,
        subCategoryId: o.subCategoryId,
        description: o.description,
        descriptionNormalized: normalizeText(o.description),
        amountRials: o.amountRials,
        createdById: actor.id,
      })),
    });
    const links = plan.obstacles.flatMap((o) =>
      o.agencyIds.map((agencyId) => ({ obstacleId: o.id, agencyId })),
    );
    if (links.length > 0) await tx.obstacleAgency.createMany({ data: links });
    for (const { id, line, ...o } of plan.obstacles)
      audits.push({
        actorId: actor.id,
        provinceId,
        action: "obstacle.import",
        entityType: "Obstacle",
        entityId: id,
        after: { ...o, batchId, line },
      });
  }
  // "Units updated" counts units, not rows: a unit this batch created, or updated in an
  // earlier chunk, is not counted again.
  const updatedExisting = [...updates.keys()].filter((id) => !newIds.has(id));
  const earlier = updatedExisting.length
    ? await tx.auditEvent.findMany({
        where: {
          entityType: "ProductionUnit",
          entityId: { in: updatedExisting },
          action: { in: ["unit.import.update", "unit.import.create"] },
          after: { path: ["batchId"], equals: batchId },
        },
        select: { entityId: true },
      })
    : [];
  await recordAudits(tx, audits);
  const counted = new Set(earlier.map((e) => e.entityId));
  return updatedExisting.filter((id) => !counted.has(id)).length;
}

const UNIT_VALUES_SELECT = {
  nationalId: true,
  sector: true,
  activity: true,
  industrialPark: true,
  status: true,
  employees: true,
  capacityUsePct: true,
  managerName: true,
  phone: true,
} as const;

const OUTCOME_KEY = {
  create: "unitImport.outcome.create",
  update: "unitImport.outcome.update",
  append: "unitImport.outcome.append",
  unchanged: "unitImport.outcome.unchanged",
  refused: "unitImport.outcome.refused",
} as const;

export function outcomeText(v: Pick<RowVerdict, "outcome" | "obstacle">, t: Translate): string {
  const text = t(OUTCOME_KEY[v.outcome]);
  return v.obstacle && v.outcome !== "append" ? `${text} ${t("unitImport.withObstacle")}` : text;
}

/**
 * The sheet as uploaded with two columns more, the verdict and the messages of each row, so
 * the clerk fixes the refused rows in place and uploads the same file again (the two columns
 * are recognised then and ignored).
 */
export async function verdictWorkbook(actor: Actor | null, batchId: string, locale: Locale) {
  const t = translator(locale);
  authorize(actor, "unit.write");
  const provinceId = writeProvince(actor, "unit.write");
  const batch = await ownBatch(db, actor, provinceId, batchId, t);
  const headers = (batch.headers as string[]).filter((h) => !isVerdictHeader(h));
  const keep = (batch.headers as string[]).map((h) => !isVerdictHeader(h));
  const verdicts = new Map(verdictsOf(batch.verdicts).map((v) => [v.line, v]));
  const rows: Cell[][] = rowsOf(batch.rows).map((r) => {
    const v = verdicts.get(r.line);
    return [
      ...r.cells.filter((_, i) => keep[i]),
      v ? outcomeText(v, t) : t("unitImport.notChecked"),
      v
        ? joinClauses(
            v.notes.map((n) => renderNote(n, t, locale)),
            locale,
          )
        : "",
    ];
  });
  return {
    bytes: await writeWorkbook(
      [
        {
          name: t("unitImport.verdictSheet"),
          columns: [
            ...headers.map((h, i) => ({ header: h || columnLetter(i) })),
            { header: t(VERDICT_HEADERS[0]), width: 24 },
            { header: t(VERDICT_HEADERS[1]), width: 80, wrap: true },
          ],
          rows,
        },
      ],
      { rtl: isRtl(locale) },
    ),
    fileName: `${batch.fileName.replace(/\.(xlsx|csv|xls)$/i, "") || "import"}-verdict.xlsx`,
  };
}

const TEMPLATE_FILE_NAME: Record<Locale, string> = {
  fa: "tashil-import-template.xlsx",
  en: "tashil-import-template-en.xlsx",
};

/** An empty sheet with the expected headers, and a second sheet of the accepted values. */
export async function templateWorkbook(actor: Actor | null, locale: Locale) {
  const t = translator(locale);
  authorize(actor, "unit.write");
  const provinceId = writeProvince(actor, "unit.write");
  const [counties, categories, agencies] = await Promise.all([
    db.county.findMany({ where: { provinceId }, orderBy: { nameFa: "asc" } }),
    db.obstacleCategory.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { nameFa: "asc" }],
    }),
    db.agency.findMany({ where: { provinceId, active: true }, orderBy: { nameFa: "asc" } }),
  ]);
  const name = (o: { nameFa: string; nameEn: string }) => localName(o, locale);
  const required = new Set<ImportField>(REQUIRED_FIELDS);
  const lists: [string, string[]][] = [
    [t("units.sector"), SECTORS.map((s) => t(`sector.${s}`))],
    [t("units.status"), OPERATING_STATUSES.map((s) => t(`operatingStatus.${s}`))],
    [t("units.county"), counties.map(name)],
    [t("obstacles.category"), categories.filter((c) => !c.parentId).map(name)],
    [
      t("obstacles.subCategory"),
      categories
        .filter((c) => c.parentId)
        .map((c) => `${name(categories.find((p) => p.id === c.parentId) ?? c)} / ${name(c)}`),
    ],
    [t("obstacles.agencies"), agencies.map(name)],
    [t("obstacles.amount"), [t("unitImport.templateAmountHint")]],
  ];
  const height = Math.max(...lists.map(([, values]) => values.length));
  return {
    bytes: await writeWorkbook(
      [
        {
          name: t("unitImport.templateSheet"),
          columns: IMPORT_FIELDS.map((f) => ({
            header: t(FIELD_LABEL[f]),
            width: required.has(f) ? 18 : 16,
          })),
          rows: [],
        },
        {
          name: t("unitImport.templateValues"),
          columns: lists.map(([header]) => ({ header, width: 30 })),
          rows: Array.from({ length: height }, (_, i) => lists.map(([, values]) => values[i] ?? null)),
        },
      ],
      { rtl: isRtl(locale) },
    ),
    fileName: TEMPLATE_FILE_NAME[locale],
  };
}
