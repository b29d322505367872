"use client";
import { useActionState } from "react";
import { enterCodeAction } from "@/lib/applicants/actions";
import type { CodeRequestState } from "@/lib/applicants/codes";
import { initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";
import { FormFieldView, type FormField } from "./action-form";

/**
 * The applicant's two steps on one page: who they are (sign-up) or just their e-mail or
 * mobile (sign-in), then the six-digit code from their mailbox or SMS. The address travels
 * between the two in the form, never in the URL.
 */
export function CodeSignIn({
  requestAction,
  fields,
  restartHref,
}: {
  requestAction: (prev: CodeRequestState, form: FormData) => Promise<CodeRequestState>;
  fields: FormField[];
  restartHref: string;
}) {
  const t = useT();
  const [asked, ask] = useActionState(requestAction, initialFormState as CodeRequestState);
  const [entered, enter] = useActionState(enterCodeAction, initialFormState as CodeRequestState);
  const address = entered.address || (asked.ok ? asked.address : undefined);
  if (!address)
    return (
      <form action={ask} className="space-y-4" noValidate>
        <FormMessage state={asked} />
        {fields.map((f) => (
          <FormFieldView key={f.name} field={f} state={asked} />
        ))}
        <SubmitButton pendingLabel={t("applicants.sending")}>{t("applicants.sendCode")}</SubmitButton>
      </form>
    );
  return (
    <form action={enter} className="space-y-4" noValidate>
      <FormMessage state={entered.message ? entered : asked} />
      <input type="hidden" name="address" value={address} />
      <p className="text-sm text-slate-700" dir="ltr">
        {address}
      </p>
      <TextField
        label={t("applicants.code")}
        hint={t("applicants.codeHint")}
        errors={entered.fieldErrors?.code}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        dir="ltr"
      />
      <SubmitButton pendingLabel={t("applicants.verifying")}>{t("applicants.verify")}</SubmitButton>
      <p className="text-sm">
        <a href={restartHref} className="text-brand-700 underline">
          {t("applicants.otherEmail")}
        </a>
      </p>
    </form>
  );
}
