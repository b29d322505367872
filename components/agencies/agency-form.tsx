"use client";
import { useActionState } from "react";
import { createAgencyAction, updateAgencyAction } from "@/lib/agencies/actions";
import { AGENCY_KINDS } from "@/lib/agencies/constants";
import { initialFormState } from "@/lib/forms";
import { SelectField, TextAreaField, TextField, bindField } from "@/components/ui/field";
import { RecordForm } from "@/components/ui/form-shell";
import { useT } from "@/components/ui/messages";
import { formatDigits } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

export type AgencyFormValues = {
  id: string;
  /** The record's version when the form was drawn: a save over someone else's is refused. */
  version?: number;
  kind: string;
  nameFa: string;
  nameEn: string;
  headName: string | null;
  headTitle: string | null;
  headMobile: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
};

type Field =
  "kind" | "nameFa" | "nameEn" | "headName" | "headTitle" | "headMobile" | "phone" | "email" | "address";

/** Phones are stored with Latin digits; they are shown in the reader's (the server takes any). */
function storedText(agency: AgencyFormValues | undefined, field: Field, locale: Locale): string {
  const stored = agency?.[field] ?? "";
  return field === "phone" || field === "headMobile" ? formatDigits(stored, locale) : stored;
}

export function AgencyForm({ agency, locale }: { agency?: AgencyFormValues; locale: Locale }) {
  const t = useT();
  const [state, action] = useActionState(agency ? updateAgencyAction : createAgencyAction, initialFormState);
  /** A text field's name, its value as submitted or stored, and its errors. */
  const bind = (field: Field) => bindField(state, field, storedText(agency, field, locale));
  const value = (field: Field) => bind(field).defaultValue;
  return (
    <RecordForm state={state} action={action} record={agency}>
      <TextField label={t("agencies.nameFa")} {...bind("nameFa")} required />
      <TextField label={t("agencies.nameEn")} {...bind("nameEn")} required dir="ltr" />
      <SelectField
        label={t("agencies.kind")}
        {...bind("kind")}
        defaultValue={value("kind") || "GOVERNMENT"}
        options={AGENCY_KINDS.map((k) => [k, t(`agencyKind.${k}`)])}
      />
      <TextField label={t("agencies.headName")} {...bind("headName")} />
      <TextField label={t("agencies.headTitle")} hint={t("agencies.headTitleHint")} {...bind("headTitle")} />
      <TextField
        label={t("agencies.headMobile")}
        hint={t("agencies.headMobileHint")}
        {...bind("headMobile")}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        dir="ltr"
      />
      <TextField label={t("agencies.phone")} {...bind("phone")} type="tel" dir="ltr" />
      <TextField label={t("agencies.email")} {...bind("email")} type="email" dir="ltr" />
      <div className="sm:col-span-2">
        <TextAreaField label={t("agencies.address")} {...bind("address")} rows={2} />
      </div>
      {agency && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="active"
            defaultChecked={state.values ? state.values.active === "on" : agency.active}
          />
          {t("agencies.active")}
        </label>
      )}
    </RecordForm>
  );
}
