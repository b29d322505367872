"use client";
import { useActionState } from "react";
import { createUnitAction, updateUnitAction } from "@/lib/units/actions";
import { OPERATING_STATUSES, SECTORS } from "@/lib/units/constants";
import { initialFormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { SelectField, TextAreaField, TextField, bindField } from "@/components/ui/field";
import { RecordForm } from "@/components/ui/form-shell";
import { SubmissionKeyField } from "@/components/ui/submission-key-field";
import { formatDigits, localName } from "@/lib/i18n/format";
import { useT } from "@/components/ui/messages";

type Option = { id: string; nameFa: string; nameEn: string };
export type UnitFormValues = {
  id: string;
  /** The record's version when the form was drawn: a save over someone else's is refused. */
  version?: number;
  name: string;
  nationalId: string | null;
  sector: string;
  activity: string | null;
  countyId: string;
  industrialPark: string | null;
  status: string;
  employees: number | null;
  capacityUsePct: number | null;
  managerName: string | null;
  phone: string | null;
  address: string | null;
};

type TextField =
  | "name"
  | "nationalId"
  | "activity"
  | "industrialPark"
  | "managerName"
  | "phone"
  | "address"
  | "employees"
  | "capacityUsePct"
  | "sector"
  | "countyId"
  | "status";

const DIGIT_FIELDS = new Set<TextField>(["nationalId", "phone", "employees", "capacityUsePct"]);

/** The stored value in the form's text: numbers and ids in the reader's digits (the server takes any script). */
function storedText(unit: UnitFormValues | undefined, field: TextField, locale: Locale): string {
  const stored = unit?.[field];
  if (stored === null || stored === undefined) return "";
  return DIGIT_FIELDS.has(field) ? formatDigits(String(stored), locale) : String(stored);
}

type UnitFormProps = { locale: Locale; unit?: UnitFormValues; counties: Option[]; parks: string[] };

/** One form to register and to edit a unit; the server validates the same schema. */
export function UnitForm({ locale, unit, counties, parks }: UnitFormProps) {
  const t = useT();
  const [state, action] = useActionState(unit ? updateUnitAction : createUnitAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  /** A text field's name, its value as submitted or stored, and its errors. */
  const bind = (field: TextField) => bindField(state, field, storedText(unit, field, locale));
  const value = (field: TextField) => bind(field).defaultValue;
  // The duplicate-name warning is the one refusal the user may override.
  const askDuplicate = errors.confirmDuplicate !== undefined;
  return (
    <RecordForm state={state} action={action} record={unit}>
      {!unit && <SubmissionKeyField answer={state} />}
      <TextField label={t("units.name")} {...bind("name")} required />
      <TextField
        label={t("units.nationalId")}
        {...bind("nationalId")}
        hint={t("units.nationalIdHint")}
        inputMode="numeric"
        dir="ltr"
      />
      <SelectField
        label={t("units.sector")}
        {...bind("sector")}
        defaultValue={value("sector") || "INDUSTRIAL"}
        options={SECTORS.map((s) => [s, t(`sector.${s}`)])}
      />
      <TextField label={t("units.activity")} {...bind("activity")} />
      <SelectField
        label={t("units.county")}
        {...bind("countyId")}
        required
        blank="—"
        options={counties.map((c) => [c.id, localName(c, locale)])}
      />
      <TextField
        label={t("units.industrialPark")}
        {...bind("industrialPark")}
        hint={t("units.industrialParkHint")}
        list="industrial-parks"
      />
      <datalist id="industrial-parks">
        {parks.map((park) => (
          <option key={park} value={park} />
        ))}
      </datalist>
      {!unit && (
        <SelectField
          label={t("units.status")}
          {...bind("status")}
          defaultValue={value("status") || "ACTIVE"}
          options={OPERATING_STATUSES.map((s) => [s, t(`operatingStatus.${s}`)])}
        />
      )}
      <TextField label={t("units.employees")} {...bind("employees")} inputMode="numeric" />
      <TextField label={t("units.capacityUsePct")} {...bind("capacityUsePct")} inputMode="numeric" />
      <TextField label={t("units.managerName")} {...bind("managerName")} />
      <TextField label={t("units.phone")} {...bind("phone")} type="tel" dir="ltr" />
      <div className="sm:col-span-2">
        <TextAreaField label={t("units.address")} {...bind("address")} rows={2} />
      </div>
      {askDuplicate && (
        <label className="flex items-center gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 sm:col-span-2">
          <input type="checkbox" name="confirmDuplicate" />
          {t("units.confirmDuplicate")}
        </label>
      )}
    </RecordForm>
  );
}
