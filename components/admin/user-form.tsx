"use client";
import { useActionState, useState } from "react";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";
import { ROLES } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/messages";
import { Field, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AgencyCombobox } from "@/components/ui/agency-combobox";
import { agencyChoices, type AgencyForChoice } from "@/lib/agencies/choices";
import { localName } from "@/lib/i18n/format";
import { useT } from "@/components/ui/messages";

type Option = { id: string; nameFa: string; nameEn: string };
export type UserFormValues = {
  id: string;
  /** The record's version when the form was drawn: a save over someone else's is refused. */
  version?: number;
  name: string;
  email: string;
  roles: string[];
  agencyId: string | null;
  provinceId: string | null;
  locale: Locale;
};

/** One form for creating and editing a user; the server validates the same schema. */
export function UserForm({
  locale,
  user,
  agencies,
  provinces,
  allowNational,
}: {
  locale: Locale;
  user?: UserFormValues;
  agencies: AgencyForChoice[];
  provinces: Option[];
  allowNational: boolean;
}) {
  const t = useT();
  const [state, action] = useActionState(user ? updateUserAction : createUserAction, initialFormState);
  const picker = agencyChoices(agencies, {}, t, locale);
  const errors = state.fieldErrors ?? {};
  // After a refused submission, show what was submitted rather than the stored values.
  const submitted = state.values;
  const value = (field: "name" | "email" | "agencyId" | "provinceId") => {
    const v = submitted?.[field];
    return typeof v === "string" ? v : undefined;
  };
  // Held in state: the picker posts it as a hidden input, so a refused submission keeps it.
  const [agencyId, setAgencyId] = useState(value("agencyId") ?? user?.agencyId ?? "");
  const roles = Array.isArray(submitted?.roles) ? submitted.roles : (user?.roles ?? []);
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {user && <input type="hidden" name="id" value={user.id} />}
      {user?.version !== undefined && <input type="hidden" name="version" value={user.version} />}
      <AccountFields user={user} value={value} errors={errors} />
      <RoleChecks roles={roles} errors={errors.roles} />
      <Field label={t("admin.agency")} errors={errors.agencyId}>
        {(p) => (
          <AgencyCombobox
            {...p}
            name="agencyId"
            value={agencyId}
            onChange={setAgencyId}
            choices={picker.choices}
            groupOrder={picker.groupOrder}
            placeholder={t("agencies.picker.placeholder")}
            noMatch={t("agencies.picker.noMatch")}
          />
        )}
      </Field>
      <ProvinceField
        provinces={provinces}
        allowNational={allowNational}
        value={value("provinceId") ?? (user ? (user.provinceId ?? "") : (provinces[0]?.id ?? ""))}
        errors={errors.provinceId}
        locale={locale}
      />
      <input type="hidden" name="locale" value={user?.locale ?? "fa"} />
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}

/** Who the account is and how they sign in; a new account needs a password, an edit keeps it. */
function AccountFields({
  user,
  value,
  errors,
}: {
  user: UserFormValues | undefined;
  value: (field: "name" | "email") => string | undefined;
  errors: Record<string, string[] | undefined>;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t("admin.name")}
        errors={errors.name}
        name="name"
        defaultValue={value("name") ?? user?.name}
        required
      />
      <TextField
        label={t("admin.email")}
        errors={errors.email}
        name="email"
        type="email"
        defaultValue={value("email") ?? user?.email}
        required
        dir="ltr"
      />
      <TextField
        label={t("admin.password")}
        errors={errors.password}
        hint={t(user ? "admin.passwordHint" : "admin.newPasswordHint")}
        name="password"
        type="password"
        autoComplete="new-password"
        required={!user}
        dir="ltr"
      />
    </>
  );
}

/**
 * The account's province. With one province and no choice of a national account, provinces are
 * not mentioned (decision 070).
 */
function ProvinceField({
  provinces,
  allowNational,
  value,
  errors,
  locale,
}: {
  provinces: Option[];
  allowNational: boolean;
  value: string;
  errors: string[] | undefined;
  locale: Locale;
}) {
  const t = useT();
  if (provinces.length === 1 && !allowNational)
    return <input type="hidden" name="provinceId" value={provinces[0]?.id ?? ""} />;
  return (
    <SelectField
      label={t("admin.province")}
      errors={errors}
      name="provinceId"
      defaultValue={value}
      blank={allowNational ? t("admin.allProvinces") : undefined}
      options={provinces.map((o) => [o.id, localName(o, locale)])}
    />
  );
}

/** The roles, one checkbox each; the refusal's message under them. */
function RoleChecks({ roles, errors }: { roles: readonly string[]; errors: string[] | undefined }) {
  const t = useT();
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{t("admin.roles")}</legend>
      <div className="flex flex-wrap gap-4">
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      {errors && (
        <p className="text-sm text-red-700" role="alert">
          {errors.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
