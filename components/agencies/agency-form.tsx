"use client";
import { useActionState } from "react";
import { createAgencyAction, updateAgencyAction } from "@/lib/agencies/actions";
import { AGENCY_KINDS } from "@/lib/agencies/constants";
import { initialFormState } from "@/lib/forms";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Select } from "@/components/ui/select";
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

export function AgencyForm({ agency, locale }: { agency?: AgencyFormValues; locale: Locale }) {
  const t = useT();
  const [state, action] = useActionState(agency ? updateAgencyAction : createAgencyAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (field: Field) => {
    const submitted = state.values?.[field];
    if (typeof submitted === "string") return submitted;
    const stored = agency?.[field] ?? "";
    // Phones are stored with Latin digits; they are shown in the reader's (the server takes any).
    return field === "phone" || field === "headMobile" ? formatDigits(stored, locale) : stored;
  };
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      {agency && <input type="hidden" name="id" value={agency.id} />}
      {agency?.version !== undefined && <input type="hidden" name="version" value={agency.version} />}
      <Field label={t("agencies.nameFa")} errors={errors.nameFa}>
        {(p) => <input {...p} name="nameFa" defaultValue={value("nameFa")} required className={inputClass} />}
      </Field>
      <Field label={t("agencies.nameEn")} errors={errors.nameEn}>
        {(p) => (
          <input
            {...p}
            name="nameEn"
            defaultValue={value("nameEn")}
            required
            dir="ltr"
            className={inputClass}
          />
        )}
      </Field>
      <Field label={t("agencies.kind")} errors={errors.kind}>
        {(p) => (
          <Select {...p} name="kind" defaultValue={value("kind") || "GOVERNMENT"} className={inputClass}>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`agencyKind.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("agencies.headName")} errors={errors.headName}>
        {(p) => <input {...p} name="headName" defaultValue={value("headName")} className={inputClass} />}
      </Field>
      <Field label={t("agencies.headTitle")} hint={t("agencies.headTitleHint")} errors={errors.headTitle}>
        {(p) => <input {...p} name="headTitle" defaultValue={value("headTitle")} className={inputClass} />}
      </Field>
      <Field label={t("agencies.headMobile")} hint={t("agencies.headMobileHint")} errors={errors.headMobile}>
        {(p) => (
          <input
            {...p}
            name="headMobile"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            defaultValue={value("headMobile")}
            dir="ltr"
            className={inputClass}
          />
        )}
      </Field>
      <Field label={t("agencies.phone")} errors={errors.phone}>
        {(p) => (
          <input
            {...p}
            name="phone"
            type="tel"
            defaultValue={value("phone")}
            dir="ltr"
            className={inputClass}
          />
        )}
      </Field>
      <Field label={t("agencies.email")} errors={errors.email}>
        {(p) => (
          <input
            {...p}
            name="email"
            type="email"
            defaultValue={value("email")}
            dir="ltr"
            className={inputClass}
          />
        )}
      </Field>
      <div className="sm:col-span-2">
        <Field label={t("agencies.address")} errors={errors.address}>
          {(p) => (
            <textarea {...p} name="address" defaultValue={value("address")} rows={2} className={inputClass} />
          )}
        </Field>
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
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
      </div>
    </form>
  );
}
