"use client";
import { useActionState } from "react";
import { createApiTokenAction, type TokenFormState } from "@/lib/api/actions";
import { API_SCOPES, TOKEN_LIFETIMES_DAYS } from "@/lib/api/token-constants";
import { useT } from "@/components/ui/messages";
import { Field, TextField, inputClass } from "@/components/ui/field";
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
        <fieldset className="space-y-2" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium">{t("api.tokens.scopes")}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scopes.includes(scope)} />
              {t(`api.tokens.scope${scope}`)}
            </label>
          ))}
          {errors.scopes && (
            <p id="scopes-error" className="text-sm text-red-700">
              {errors.scopes.join(" ")}
            </p>
          )}
        </fieldset>
        <Field label={t("api.tokens.agency")} errors={errors.agencyId}>
          {(p) => (
            <select
              {...p}
              name="agencyId"
              defaultValue={
                typeof sent?.agencyId === "string"
                  ? sent.agencyId
                  : agencies.length === 1
                    ? agencies[0]?.id
                    : ""
              }
              className={inputClass}
            >
              {agencies.length !== 1 && <option value="">{t("api.tokens.noAgency")}</option>}
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("api.tokens.expiresIn")} errors={errors.expiresInDays}>
          {(p) => (
            <select {...p} name="expiresInDays" defaultValue="90" className={inputClass}>
              {TOKEN_LIFETIMES_DAYS.map((d) => (
                <option key={d} value={d}>
                  {lifetimeLabel[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SubmitButton pendingLabel={t("common.saving")}>{t("api.tokens.create")}</SubmitButton>
      </form>
      {state.ok && state.token && (
        <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
          <label htmlFor="new-token" className="block text-sm font-medium">
            {t("api.tokens.secretLabel")}
          </label>
          <input
            id="new-token"
            readOnly
            value={state.token}
            dir="ltr"
            className={`${inputClass} font-mono`}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
