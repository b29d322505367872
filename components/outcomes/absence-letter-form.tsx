"use client";
import { useActionState } from "react";
import { issueAbsenceLetterAction } from "@/lib/letters/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/**
 * The chair's one click: issues (or finds) the numbered letter to an agency's head who missed
 * sessions, and opens it to print or download (issue #36, decision 242).
 */
export function AbsenceLetterForm({ agencyId, label }: { agencyId: string; label: string }) {
  const t = useT();
  const [state, action] = useActionState(issueAbsenceLetterAction, initialFormState);
  return (
    <form action={action} className="ms-auto inline-block space-y-2">
      <input type="hidden" name="agencyId" value={agencyId} />
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {label}
      </SubmitButton>
      {!state.ok && <FormMessage state={state} compact />}
    </form>
  );
}
