"use client";
import { useActionState, useId, useState } from "react";
import { createObstacleAction } from "@/lib/obstacles/actions";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { initialFormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { Field, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileInput } from "@/components/ui/file-input";
import { SubmissionKeyField } from "@/components/ui/submission-key-field";
import { AgencyCombobox } from "@/components/ui/agency-combobox";
import { agencyChoices, type AgencyForChoice } from "@/lib/agencies/choices";
import { localName } from "@/lib/i18n/format";
import { useT } from "@/components/ui/messages";
import { OBSTACLE_MONEY_KINDS } from "@/lib/outcomes/constants";

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
  agencies: AgencyForChoice[];
}) {
  const t = useT();
  const [state, action] = useActionState(createObstacleAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const v = (k: string) => (typeof state.values?.[k] === "string" ? String(state.values[k]) : "");
  const formId = useId();
  const [agencyIds, setAgencyIds] = useState<string[]>(
    Array.isArray(state.values?.agencyIds) ? state.values.agencyIds : [],
  );
  const picker = agencyChoices(agencies, {}, t, locale);
  const [categoryId, setCategoryId] = useState(v("categoryId"));
  const subs = categories.find((c) => c.id === categoryId)?.children ?? [];
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      <SubmissionKeyField answer={state} />
      <input type="hidden" name="unitId" value={unitId} />
      <SelectField
        label={t("obstacles.category")}
        errors={errors.categoryId}
        name="categoryId"
        defaultValue={v("categoryId")}
        onValueChange={setCategoryId}
        required
        blank={t("obstacles.chooseCategory")}
        options={categories.map((c) => [c.id, localName(c, locale)])}
      />
      <SelectField
        key={categoryId}
        label={t("obstacles.subCategory")}
        errors={errors.subCategoryId}
        name="subCategoryId"
        defaultValue={v("subCategoryId")}
        disabled={subs.length === 0}
        blank={t("obstacles.noSubCategory")}
        options={subs.map((c) => [c.id, localName(c, locale)])}
      />
      <TextAreaField
        label={t("obstacles.description")}
        errors={errors.description}
        name="description"
        defaultValue={v("description")}
        rows={4}
        required
      />
      <TextField
        label={t("obstacles.amount")}
        errors={errors.amountRials}
        hint={t("obstacles.amountHint")}
        name="amountRials"
        defaultValue={v("amountRials")}
        inputMode="numeric"
      />
      <SelectField
        label={t("outcomes.money.kindField")}
        errors={errors.moneyKind}
        name="moneyKind"
        defaultValue={v("moneyKind") ?? ""}
        blank={t("outcomes.money.kindNone")}
        options={OBSTACLE_MONEY_KINDS.map((k) => [k, t(`outcomes.money.kind.${k}`)])}
      />
      <div className="space-y-1">
        <label htmlFor={`${formId}-agencies`} className="block text-sm font-medium text-slate-800">
          {t("obstacles.agencies")}
        </label>
        <AgencyCombobox
          id={`${formId}-agencies`}
          name="agencyIds"
          multiple
          value={agencyIds}
          onChange={setAgencyIds}
          choices={picker.choices}
          groupOrder={picker.groupOrder}
          placeholder={t("agencies.picker.placeholder")}
          noMatch={t("agencies.picker.noMatch")}
          chosenLabel={t("obstacles.agencies")}
          removeLabel={(n) => t("agencies.picker.remove", { name: n })}
        />
        {errors.agencyIds && <p className="text-sm text-red-700">{errors.agencyIds.join(" ")}</p>}
      </div>
      <Field label={t("obstacles.attachments")} errors={errors.files} hint={t("obstacles.attachmentsHint")}>
        {(p) => <FileInput {...p} name="files" multiple accept={ACCEPT_ATTRIBUTE} />}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
