"use client";
import { useActionState } from "react";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Passwords are never sent back to the form, so a refused form comes back empty. */
export function ChangePasswordForm() {
  const t = useT();
  const [state, action] = useActionState(changeOwnPasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const password = (name: string, label: string, autoComplete: string, hint?: string) => (
    <TextField
      label={label}
      errors={errors[name]}
      hint={hint}
      name={name}
      type="password"
      autoComplete={autoComplete}
      required
      dir="ltr"
    />
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {password("currentPassword", t("account.currentPassword"), "current-password")}
      {password("newPassword", t("account.newPassword"), "new-password", t("account.passwordHint"))}
      {password("confirmPassword", t("account.confirmPassword"), "new-password")}
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
    </form>
  );
}
