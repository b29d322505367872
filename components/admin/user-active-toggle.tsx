"use client";
import { useActionState, useRef } from "react";
import { setUserActiveAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/**
 * Deactivation is destructive for the person concerned, so it asks first; activation does
 * not. One form either way, so its answer stays on screen after the row flips.
 */
export function UserActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useT();
  const [state, action, pending] = useActionState(setUserActiveAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const { confirm, dialog } = useConfirm();
  const deactivate = t("admin.deactivate");
  return (
    <form ref={form} action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={String(!active)} />
      {active ? (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={async () => {
            const question = t("admin.confirmDeactivate", { name });
            if (await confirm(question, { confirmLabel: deactivate, danger: true }))
              form.current?.requestSubmit();
          }}
        >
          {deactivate}
        </Button>
      ) : (
        <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
          {t("admin.activate")}
        </SubmitButton>
      )}
      {dialog}
      <FormMessage state={state} compact />
    </form>
  );
}
