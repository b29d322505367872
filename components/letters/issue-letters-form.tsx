"use client";
import { useActionState } from "react";
import { issueLettersAction } from "@/lib/letters/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Issues (or finds) the official letter of a resolution, or a session's letters, and opens them. */
export function IssueLettersForm({
  resolutionId,
  meetingId,
  label,
}: {
  resolutionId?: string;
  meetingId?: string;
  label: string;
}) {
  const t = useT();
  const [state, action] = useActionState(issueLettersAction, initialFormState);
  return (
    <form action={action} className="inline-block space-y-2">
      {resolutionId && <input type="hidden" name="resolutionId" value={resolutionId} />}
      {meetingId && <input type="hidden" name="meetingId" value={meetingId} />}
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {label}
      </SubmitButton>
      {!state.ok && <FormMessage state={state} compact />}
    </form>
  );
}
