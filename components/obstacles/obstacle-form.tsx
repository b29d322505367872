"use client";
import { useActionState, useState } from "react";
import { createObstacleAction } from "@/lib/obstacles/actions";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { initialFormState, submittedValue } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { Field, SelectField, TextAreaField, TextField, bindField } from "@/components/ui/field";
import { FormShell } from "@/components/ui/form-shell";
import { FileInput } from "@/components/ui/file-input";
import { SubmissionKeyField } from "@/components/ui/submission-key-field";
import { AgenciesField } from "@/components/ui/decision-fields";
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
  const bind = (name: string) => bindField(state, name, "");
  const [agencyIds, setAgencyIds] = useState<string[]>(
    Array.isArray(state.values?.agencyIds) ? state.values.agencyIds : [],
  );
  const picker = agencyChoices(agencies, {}, t, locale);
  const [categoryId, setCategoryId] = useState(submittedValue(state, "categoryId") ?? "");
  const subs = categories.find((c) => c.id === categoryId)?.children ?? [];
  return (
    <FormShell
      state={state}
      action={action}
      className="max-w-2xl space-y-4"
      noValidate
      fields={{ unitId }}
      submit={t("common.save")}
    >
      <SubmissionKeyField answer={state} />
      <SelectField
        label={t("obstacles.category")}
        {...bind("categoryId")}
        onValueChange={setCategoryId}
        required
        blank={t("obstacles.chooseCategory")}
        options={categories.map((c) => [c.id, localName(c, locale)])}
      />
      <SelectField
        key={categoryId}
        label={t("obstacles.subCategory")}
        {...bind("subCategoryId")}
        disabled={subs.length === 0}
        blank={t("obstacles.noSubCategory")}
        options={subs.map((c) => [c.id, localName(c, locale)])}
      />
      <TextAreaField label={t("obstacles.description")} {...bind("description")} rows={4} required />
      <TextField
        label={t("obstacles.amount")}
        {...bind("amountRials")}
        hint={t("obstacles.amountHint")}
        inputMode="numeric"
      />
      <SelectField
        label={t("outcomes.money.kindField")}
        {...bind("moneyKind")}
        blank={t("outcomes.money.kindNone")}
        options={OBSTACLE_MONEY_KINDS.map((k) => [k, t(`outcomes.money.kind.${k}`)])}
      />
      <AgenciesField
        label={t("obstacles.agencies")}
        name="agencyIds"
        value={agencyIds}
        onChange={setAgencyIds}
        choices={picker.choices}
        groupOrder={picker.groupOrder}
        errors={state.fieldErrors?.agencyIds}
      />
      <Field
        label={t("obstacles.attachments")}
        errors={state.fieldErrors?.files}
        hint={t("obstacles.attachmentsHint")}
      >
        {(p) => <FileInput {...p} name="files" multiple accept={ACCEPT_ATTRIBUTE} />}
      </Field>
    </FormShell>
  );
}
