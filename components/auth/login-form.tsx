"use client";
import { useActionState } from "react";
import { loginAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

export function LoginForm() {
  const t = useT();
  const [state, action] = useActionState(loginAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label={t("login.email")}
        errors={state.fieldErrors?.email}
        name="email"
        type="email"
        defaultValue={state.values?.email}
        autoComplete="username"
        required
        dir="ltr"
      />
      <TextField
        label={t("login.password")}
        errors={state.fieldErrors?.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        dir="ltr"
      />
      <SubmitButton pendingLabel={t("login.submitting")}>{t("login.submit")}</SubmitButton>
    </form>
  );
}
