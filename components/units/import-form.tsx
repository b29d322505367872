"use client";
import { useActionState } from "react";
import { confirmImportAction, previewImportAction } from "@/lib/units/actions";
import type { ImportState } from "@/lib/units/import";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileInput } from "@/components/ui/file-input";
import { TableHead } from "@/components/ui/table-head";
import { useT } from "@/components/ui/messages";

const initial: ImportState = { ok: false };

/** Check first, then confirm: nothing is written until the user has seen every row's fate. */
export function ImportForm({ locale }: { locale: Locale }) {
  const t = useT();
  const [preview, previewAction] = useActionState(previewImportAction, initial);
  const [done, confirmAction] = useActionState(confirmImportAction, initial);
  const rows = preview.rows ?? [];
  const confirmed = done.ok;
  return (
    <div className="space-y-6">
      <form action={previewAction} className="space-y-3">
        <Field label={t("unitImport.file")} errors={preview.fieldErrors?.file}>
          {(p) => <FileInput {...p} name="file" accept=".xlsx,.csv" required />}
        </Field>
        <SubmitButton variant="secondary" pendingLabel={t("unitImport.previewing")}>
          {t("unitImport.preview")}
        </SubmitButton>
      </form>
      {!preview.ok && <FormMessage state={preview} />}
      {preview.ok && (
        <section aria-label={t("unitImport.result")} className="space-y-3">
          <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm">
            {preview.message}
          </p>
          {rows.some((r) => r.errors.length > 0) && (
            <p className="text-sm text-slate-700">{t("unitImport.fixHint")}</p>
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <TableHead labels={[t("unitImport.row"), t("units.name"), t("unitImport.result")]} />
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.line}
                    className={`border-b border-slate-100 ${r.errors.length ? "bg-red-50" : ""}`}
                  >
                    <td className="p-2">{formatNumber(r.line, locale)}</td>
                    <td className="p-2">{r.name || t("common.none")}</td>
                    <td className="p-2">
                      {r.errors.length ? (
                        <span className="text-red-800">
                          {t("unitImport.error")}: {r.errors.join(" ")}
                        </span>
                      ) : (
                        <>
                          {t(r.action === "create" ? "unitImport.willCreate" : "unitImport.willUpdate")}
                          {r.withObstacle && ` ${t("unitImport.withObstacle")}`}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!confirmed && (preview.validCount ?? 0) > 0 && (
            <form action={confirmAction}>
              <input type="hidden" name="payload" value={preview.payload ?? ""} />
              <SubmitButton pendingLabel={t("unitImport.confirming")}>
                {t("unitImport.confirm", { count: formatNumber(preview.validCount ?? 0, locale) })}
              </SubmitButton>
            </form>
          )}
        </section>
      )}
      <FormMessage state={done} />
    </div>
  );
}
