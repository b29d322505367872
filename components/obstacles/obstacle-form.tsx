"use client";
import { useActionState, useState } from "react";
import { createObstacleAction } from "@/lib/obstacles/actions";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { initialFormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileInput } from "@/components/ui/file-input";
import { localName } from "@/lib/i18n/format";
import { useT } from "@/components/ui/messages";

type Option = { id: string; nameFa: string; nameEn: string };
type Category = Option & { children: Option[] };

export function ObstacleForm({
  locale,
  unitId,
  categories,
  agencies,
}: {
  locale: Locale;
  unitId: string;
  categories: Category[];
  agencies: Option[];
}) {
  const t = useT();
  const [state, action] = useActionState(createObstacleAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const v = (k: string) => (typeof state.values?.[k] === "string" ? String(state.values[k]) : "");
  const chosenAgencies = Array.isArray(state.values?.agencyIds) ? state.values.agencyIds : [];
  const [categoryId, setCategoryId] = useState(v("categoryId"));
  const subs = categories.find((c) => c.id === categoryId)?.children ?? [];
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="unitId" value={unitId} />
      <Field label={t("obstacles.category")} errors={errors.categoryId}>
        {(p) => (
          <select
            {...p}
            name="categoryId"
            value={categoryId}
            onChange={(e) => setCategoryId(e.target.value)}
            required
            className={inputClass}
          >
            <option value="">{t("obstacles.chooseCategory")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {localName(c, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("obstacles.subCategory")} errors={errors.subCategoryId}>
        {(p) => (
          <select
            {...p}
            key={categoryId}
            name="subCategoryId"
            defaultValue={v("subCategoryId")}
            disabled={subs.length === 0}
            className={inputClass}
          >
            <option value="">{t("obstacles.noSubCategory")}</option>
            {subs.map((c) => (
              <option key={c.id} value={c.id}>
                {localName(c, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("obstacles.description")} errors={errors.description}>
        {(p) => (
          <textarea
            {...p}
            name="description"
            defaultValue={v("description")}
            rows={4}
            required
            className={inputClass}
          />
        )}
      </Field>
      <Field label={t("obstacles.amount")} errors={errors.amountRials} hint={t("obstacles.amountHint")}>
        {(p) => (
          <input
            {...p}
            name="amountRials"
            defaultValue={v("amountRials")}
            inputMode="numeric"
            className={inputClass}
          />
        )}
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("obstacles.agencies")}</legend>
        <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          {agencies.map((a) => (
            <label key={a.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="agencyIds"
                value={a.id}
                defaultChecked={chosenAgencies.includes(a.id)}
              />
              {localName(a, locale)}
            </label>
          ))}
        </div>
        {errors.agencyIds && <p className="text-sm text-red-700">{errors.agencyIds.join(" ")}</p>}
      </fieldset>
      <Field label={t("obstacles.attachments")} errors={errors.files} hint={t("obstacles.attachmentsHint")}>
        {(p) => <FileInput {...p} name="files" multiple accept={ACCEPT_ATTRIBUTE} />}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
