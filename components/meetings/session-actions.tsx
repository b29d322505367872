"use client";
import { useActionState } from "react";
import { approveMinutesAction, markHeldAction, sendInvitationsAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { Button } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

export function MarkHeldButton({ meetingId }: { meetingId: string }) {
  const t = useT();
  const [state, action] = useActionState(markHeldAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {t("meetings.markHeld")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Approval locks the session's records, so the chair confirms it first. */
export function ApproveMinutesButton({ meetingId }: { meetingId: string }) {
  const t = useT();
  return (
    <ConfirmForm
      action={approveMinutesAction}
      fields={{ meetingId }}
      label={t("meetings.minutes.approve")}
      question={t("meetings.minutes.approveConfirm")}
      confirmLabel={t("meetings.minutes.approve")}
      variant="primary"
      className="no-print space-y-2"
    />
  );
}

/** Invitations go by e-mail (with a calendar file) and SMS to every member and invited agency. */
export function SendInvitationsButton({ meetingId }: { meetingId: string }) {
  const t = useT();
  return (
    <ConfirmForm
      action={sendInvitationsAction}
      fields={{ meetingId }}
      label={t("invitations.send")}
      question={t("invitations.confirm")}
      className="no-print space-y-2"
    />
  );
}

export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
