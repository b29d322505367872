"use client";
import { useActionState, useState } from "react";
import { checkImportAction, importChunkAction, uploadImportAction } from "@/lib/units/actions";
import type { CheckState, ProgressState, UploadState } from "@/lib/units/import";
import {
  FIELD_LABEL,
  IMPORT_FIELDS,
  mappingProblems,
  REQUIRED_FIELDS,
  type ImportField,
} from "@/lib/units/import-fields";
import { formatNumber, joinItems } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { useT } from "@/components/ui/messages";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileInput } from "@/components/ui/file-input";
import { TableHead } from "@/components/ui/table-head";

/**
 * Upload, map the columns, check, import: nothing is written until the user has seen each
 * column's use and each row's fate (docs/decisions/040).
 */
export function ImportForm({ locale }: { locale: Locale }) {
  const t = useT();
  const [upload, uploadAction] = useActionState(uploadImportAction, { ok: false } as UploadState);
  return (
    <div className="space-y-6">
      <form action={uploadAction} className="flex flex-wrap items-end gap-3">
        <Field label={t("unitImport.file")} errors={upload.fieldErrors?.file}>
          {(p) => <FileInput {...p} name="file" accept=".xlsx,.csv" required />}
        </Field>
        <SubmitButton variant="secondary" pendingLabel={t("unitImport.uploading")}>
          {t("unitImport.upload")}
        </SubmitButton>
        <a className={buttonClass("ghost")} href="/api/units/import/template" download>
          {t("unitImport.template")}
        </a>
      </form>
      {!upload.ok && <FormMessage state={upload} />}
      {upload.ok && upload.batchId && <MappingStep key={upload.batchId} upload={upload} locale={locale} />}
    </div>
  );
}

function MappingStep({ upload, locale }: { upload: UploadState; locale: Locale }) {
  const t = useT();
  const columns = upload.columns ?? [];
  const [mapping, setMapping] = useState<(ImportField | "")[]>(columns.map((c) => c.proposed ?? ""));
  const [check, checkAction] = useActionState(checkImportAction, { ok: false } as CheckState);
  // A result checked with another mapping is hidden until checked again.
  const [checkedWith, setCheckedWith] = useState<string | null>(null);
  const current = mapping.join("|");
  const headerOf = (i: number) =>
    columns[i]?.header || t("unitImport.column", { letter: columns[i]?.letter ?? "" });
  const ignored = columns.filter((c) => !c.verdictColumn && !mapping[c.index]).map((c) => headerOf(c.index));
  const problems = mappingProblemText(mapping, headerOf, t, locale);
  return (
    <section aria-labelledby="mapping-title" className="space-y-4">
      <h2 id="mapping-title" className="text-lg font-semibold">
        {t("unitImport.mappingTitle")}
      </h2>
      <UploadSummary upload={upload} locale={locale} />
      <form action={checkAction} onSubmit={() => setCheckedWith(current)} className="space-y-4">
        <input type="hidden" name="batchId" value={upload.batchId} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead labels={[t("unitImport.sheetColumn"), t("unitImport.field")]} />
            <tbody>
              {columns.map((c) => (
                <MappingRow
                  key={c.index}
                  column={c}
                  header={headerOf(c.index)}
                  field={mapping[c.index] ?? ""}
                  onField={(field) => setMapping((m) => m.map((f, i) => (i === c.index ? field : f)))}
                  locale={locale}
                />
              ))}
            </tbody>
          </table>
        </div>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {ignored.length > 0
            ? t("unitImport.willBeIgnored", { columns: joinItems(ignored, locale) })
            : t("unitImport.noneIgnored")}
        </p>
        {problems.length > 0 && (
          <ul
            role="alert"
            className="list-inside list-disc rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remember" defaultChecked />
          {t("unitImport.remember")}
        </label>
        <SubmitButton variant="secondary" pendingLabel={t("unitImport.checking")}>
          {t("unitImport.check")}
        </SubmitButton>
      </form>
      {checkedWith === current &&
        (check.ok ? (
          <CheckResult key={`${check.batchId}-${current}`} check={check} locale={locale} />
        ) : (
          <FormMessage state={check} />
        ))}
    </section>
  );
}

/** What was read from the file, and whether the mapping is the one remembered from last time. */
function UploadSummary({ upload, locale }: { upload: UploadState; locale: Locale }) {
  const t = useT();
  return (
    <>
      <p className="text-sm text-slate-700">
        {t("unitImport.rowsRead", {
          rows: formatNumber(upload.rowCount ?? 0, locale),
          file: upload.fileName ?? "",
        })}{" "}
        {(upload.blankRows ?? 0) > 0 &&
          t("unitImport.blankRows", { count: formatNumber(upload.blankRows ?? 0, locale) })}
      </p>
      <p className="text-sm text-slate-700">
        {upload.reused ? t("unitImport.mappingReused") : t("unitImport.mappingIntro")}
      </p>
    </>
  );
}

/** Why the mapping cannot be checked yet: a required field without a column, a field twice. */
function mappingProblemText(
  mapping: (ImportField | "")[],
  headerOf: (i: number) => string,
  t: Translate,
  locale: Locale,
): string[] {
  return mappingProblems(mapping.map((f) => f || null)).map((p) =>
    p.kind === "missing"
      ? t("unitImport.requiredUnmapped", { field: t(FIELD_LABEL[p.field]) })
      : t("unitImport.fieldTwice", {
          field: t(FIELD_LABEL[p.field]),
          columns: joinItems(p.columns.map(headerOf), locale),
        }),
  );
}

const REQUIRED = new Set<ImportField>(REQUIRED_FIELDS);
type UploadColumn = NonNullable<UploadState["columns"]>[number];

/** One column of the sheet: its header and samples, and the field it fills (or ignored). */
function MappingRow({
  column: c,
  header,
  field,
  onField,
  locale,
}: {
  column: UploadColumn;
  header: string;
  field: ImportField | "";
  onField: (field: ImportField | "") => void;
  locale: Locale;
}) {
  const t = useT();
  return (
    <tr className="border-b border-slate-100 align-top">
      <th scope="row" className="p-2 text-start font-normal">
        <span className="font-medium">{c.header || t("unitImport.noHeader")}</span>{" "}
        <span className="text-slate-500">({t("unitImport.column", { letter: c.letter })})</span>
        {c.samples.length > 0 && (
          <span className="block text-xs text-slate-500">
            {t("unitImport.samples", { values: joinItems(c.samples, locale) })}
          </span>
        )}
      </th>
      <td className="p-2">
        {c.verdictColumn ? (
          <>
            <input type="hidden" name="mapping" value="" />
            <span className="text-slate-500">{t("unitImport.verdictColumns")}</span>
          </>
        ) : (
          <>
            <select
              name="mapping"
              aria-label={t("unitImport.fieldFor", { header })}
              value={field}
              onChange={(e) => onField(e.target.value as ImportField | "")}
              className="w-full rounded-md border border-slate-300 bg-white px-2 py-1"
            >
              <option value="">{t("unitImport.ignore")}</option>
              {IMPORT_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(FIELD_LABEL[f])}
                  {REQUIRED.has(f) ? " *" : ""}
                </option>
              ))}
            </select>
            {field === "amount" && c.amountScale !== "1" && (
              <span className="mt-1 block text-xs text-slate-600">
                {t("unitImport.amountScale", {
                  scale: formatNumber(BigInt(c.amountScale), locale),
                })}
              </span>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function outcomeLabel(r: { outcome: keyof typeof OUTCOMES; obstacle: boolean }, t: Translate) {
  const text = t(OUTCOMES[r.outcome]);
  return r.obstacle && r.outcome !== "append" ? `${text} ${t("unitImport.withObstacle")}` : text;
}
const OUTCOMES = {
  create: "unitImport.outcome.create",
  update: "unitImport.outcome.update",
  append: "unitImport.outcome.append",
  unchanged: "unitImport.outcome.unchanged",
  refused: "unitImport.outcome.refused",
} as const;

function CheckResult({ check, locale }: { check: CheckState; locale: Locale }) {
  const t = useT();
  const rows = check.rows ?? [];
  const counts = check.counts;
  const writable = counts ? counts.create + counts.update + counts.append : 0;
  const { progress, running, runImport } = useImportRun(check.batchId ?? "");

  return (
    <section aria-label={t("unitImport.result")} className="space-y-3">
      <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm">
        {check.message}
      </p>
      {(counts?.refused ?? 0) > 0 && <p className="text-sm text-slate-700">{t("unitImport.fixHint")}</p>}
      <a className={buttonClass("ghost")} href={`/api/units/import/${check.batchId}/verdict`} download>
        {t("unitImport.downloadVerdict")}
      </a>
      {(check.total ?? 0) > rows.length && (
        <p className="text-sm text-slate-600">
          {t("unitImport.shownLimited", {
            shown: formatNumber(rows.length, locale),
            total: formatNumber(check.total ?? 0, locale),
          })}
        </p>
      )}
      <CheckedRows rows={rows} locale={locale} />
      {writable > 0 && !progress?.finished && (
        <button type="button" className={buttonClass()} disabled={running} onClick={runImport}>
          {t("unitImport.confirm")}
        </button>
      )}
      {progress?.ok && !progress.finished && <ImportProgress progress={progress} locale={locale} />}
      {running && !progress && <progress className="w-full" aria-label={t("unitImport.progress")} />}
      {progress && <FormMessage state={progress} />}
    </section>
  );
}

/** Imports the checked batch chunk by chunk, so the progress bar moves and no request is long. */
function useImportRun(batchId: string) {
  const t = useT();
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [running, setRunning] = useState(false);
  async function runImport() {
    setRunning(true);
    try {
      let state: ProgressState;
      // One chunk per request: the progress bar moves and the server never holds one long job.
      do {
        state = await importChunkAction({ batchId });
        setProgress(state);
      } while (state.ok && !state.finished);
    } catch {
      setProgress({ ok: false, message: t("errors.unexpected") });
    } finally {
      setRunning(false);
    }
  }
  return { progress, running, runImport };
}

/** Each checked row: its line, the unit's name, what the import will do with it and why. */
function CheckedRows({ rows, locale }: { rows: NonNullable<CheckState["rows"]>; locale: Locale }) {
  const t = useT();
  return (
    <div className="max-h-[32rem] overflow-auto">
      <table className="w-full text-sm">
        <TableHead
          labels={[t("unitImport.row"), t("units.name"), t("unitImport.result"), t("unitImport.messages")]}
        />
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.line}
              className={`border-b border-slate-100 ${r.outcome === "refused" ? "bg-red-50" : ""}`}
            >
              <td className="p-2">{formatNumber(r.line, locale)}</td>
              <td className="p-2">{r.name || t("common.none")}</td>
              <td className={`p-2 ${r.outcome === "refused" ? "text-red-800" : ""}`}>{outcomeLabel(r, t)}</td>
              <td className="p-2">{r.messages.join(" ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How far the import has got. */
function ImportProgress({ progress, locale }: { progress: ProgressState; locale: Locale }) {
  const t = useT();
  return (
    <div className="space-y-1">
      <progress
        className="w-full"
        aria-label={t("unitImport.progress")}
        value={progress.done ?? 0}
        max={progress.total ?? 1}
      />
      <p className="text-sm">
        {t("unitImport.importing", {
          done: formatNumber(progress.done ?? 0, locale),
          total: formatNumber(progress.total ?? 0, locale),
        })}
      </p>
    </div>
  );
}
