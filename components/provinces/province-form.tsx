"use client";
import { useActionState } from "react";
import { createProvinceAction } from "@/lib/provinces/actions";
import { initialFormState } from "@/lib/forms";
import { useT } from "@/components/ui/messages";
import { Field, TextAreaField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** A new province with its counties and its first secretariat user (createProvinceSchema). */
export function ProvinceForm() {
  const t = useT();
  const [state, action] = useActionState(createProvinceAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  // A successful creation empties the form (React resets it); a refusal shows what was sent.
  const value = (k: string) => {
    const v = state.ok ? undefined : state.values?.[k];
    return typeof v === "string" ? v : undefined;
  };
  const input = (name: string, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} errors={errors[name]}>
      {(p) => (
        <input {...p} name={name} defaultValue={value(name)} required className={inputClass} {...extra} />
      )}
    </Field>
  );
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {input("code", t("provinces.admin.code"), { dir: "ltr", maxLength: 10 })}
      {input("nameFa", t("provinces.admin.nameFa"))}
      {input("nameEn", t("provinces.admin.nameEn"), { dir: "ltr" })}
      <TextAreaField
        label={t("provinces.admin.counties")}
        errors={errors.counties}
        name="counties"
        rows={4}
        defaultValue={value("counties")}
      />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("provinces.admin.secretariat")}</legend>
        {input("secretariatName", t("provinces.admin.secretariatName"))}
        {input("secretariatEmail", t("provinces.admin.secretariatEmail"), { type: "email", dir: "ltr" })}
        {input("secretariatPassword", t("provinces.admin.secretariatPassword"), {
          type: "password",
          autoComplete: "new-password",
          dir: "ltr",
        })}
      </fieldset>
      <SubmitButton pendingLabel={t("common.saving")}>{t("provinces.admin.create")}</SubmitButton>
    </form>
  );
}
