"use client";
import { useActionState } from "react";
import { setUserActiveAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Deactivation is destructive for the person concerned, so it asks first; activation does not. */
export function UserActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useT();
  const [state, action] = useActionState(setUserActiveAction, initialFormState);
  if (active)
    return (
      <ConfirmForm
        action={setUserActiveAction}
        fields={{ id, active: "false" }}
        label={t("admin.deactivate")}
        question={t("admin.confirmDeactivate", { name })}
        confirmLabel={t("admin.deactivate")}
        variant="danger"
        className=""
      />
    );
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value="true" />
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {t("admin.activate")}
      </SubmitButton>
      <FormMessage state={state} compact />
    </form>
  );
}
