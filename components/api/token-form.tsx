"use client";
import { useActionState } from "react";
import { createApiTokenAction, type TokenFormState } from "@/lib/api/actions";
import { API_SCOPES, TOKEN_LIFETIMES_DAYS } from "@/lib/api/token-constants";
import { useT } from "@/components/ui/messages";
import { SelectField, TextField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Option = { id: string; name: string };

const initial: TokenFormState = { ok: false };

/**
 * Creates a token and shows its secret once, in a read-only field ready to copy. Names and
 * the period labels arrive localised from the server.
 */
export function TokenForm({
  agencies,
  lifetimeLabel,
}: {
  agencies: Option[];
  lifetimeLabel: Record<number, string>;
}) {
  const t = useT();
  const [state, action] = useActionState(createApiTokenAction, initial);
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? undefined : state.values;
  const scopes = Array.isArray(sent?.scopes) ? sent.scopes : ["READ"];
  return (
    <div className="space-y-4">
      <form action={action} className="max-w-xl space-y-4" noValidate>
        <FormMessage state={state} />
        <TextField
          label={t("api.tokens.name")}
          errors={errors.name}
          name="name"
          required
          defaultValue={typeof sent?.name === "string" ? sent.name : undefined}
        />
        <ScopeChecks scopes={scopes} errors={errors.scopes} />
        <SelectField
          label={t("api.tokens.agency")}
          errors={errors.agencyId}
          name="agencyId"
          // One agency (an agency user's own): it is the token's, with no "none" to pick.
          defaultValue={
            typeof sent?.agencyId === "string" ? sent.agencyId : agencies.length === 1 ? agencies[0]?.id : ""
          }
          blank={agencies.length !== 1 ? t("api.tokens.noAgency") : undefined}
          options={agencies.map((a) => [a.id, a.name])}
        />
        <SelectField
          label={t("api.tokens.expiresIn")}
          errors={errors.expiresInDays}
          name="expiresInDays"
          defaultValue="90"
          options={TOKEN_LIFETIMES_DAYS.map((d) => [String(d), lifetimeLabel[d] ?? String(d)])}
        />
        <SubmitButton pendingLabel={t("common.saving")}>{t("api.tokens.create")}</SubmitButton>
      </form>
      {state.ok && state.token && <NewTokenSecret token={state.token} />}
    </div>
  );
}

/** What the token may do, one checkbox a scope; the refusal's message under them. */
function ScopeChecks({ scopes, errors }: { scopes: readonly string[]; errors: string[] | undefined }) {
  const t = useT();
  return (
    <fieldset className="space-y-2" aria-describedby={errors ? "scopes-error" : undefined}>
      <legend className="text-sm font-medium">{t("api.tokens.scopes")}</legend>
      {API_SCOPES.map((scope) => (
        <label key={scope} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="scopes" value={scope} defaultChecked={scopes.includes(scope)} />
          {t(`api.tokens.scope${scope}`)}
        </label>
      ))}
      {errors && (
        <p id="scopes-error" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

/** The secret, shown once, selected on focus to be copied. */
function NewTokenSecret({ token }: { token: string }) {
  const t = useT();
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="new-token" className="block text-sm font-medium">
        {t("api.tokens.secretLabel")}
      </label>
      <input
        id="new-token"
        readOnly
        value={token}
        dir="ltr"
        className={`${inputClass} font-mono`}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
