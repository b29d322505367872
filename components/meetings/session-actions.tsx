"use client";
import { useActionState, useRef } from "react";
import { approveMinutesAction, markHeldAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { Button } from "@/components/ui/button";
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
  const [state, action, pending] = useActionState(approveMinutesAction, initialFormState);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <form action={action} className="no-print space-y-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <Button onClick={() => dialog.current?.showModal()} disabled={pending}>
        {t("meetings.minutes.approve")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="approve-minutes"
        className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40"
      >
        <p id="approve-minutes" className="mb-4 text-sm">
          {t("meetings.minutes.approveConfirm")}
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" onClick={() => dialog.current?.close()}>
            {t("meetings.minutes.approve")}
          </Button>
        </div>
      </dialog>
      <FormMessage state={state} />
    </form>
  );
}

export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
