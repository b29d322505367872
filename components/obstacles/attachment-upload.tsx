"use client";
import { useActionState, useId } from "react";
import { addObstacleAttachmentsAction } from "@/lib/obstacles/actions";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { initialFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileInput } from "@/components/ui/file-input";
import { useT } from "@/components/ui/messages";

export function AttachmentUpload({ obstacleId, unitId }: { obstacleId: string; unitId: string }) {
  const t = useT();
  const [state, action] = useActionState(addObstacleAttachmentsAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="obstacleId" value={obstacleId} />
      <input type="hidden" name="unitId" value={unitId} />
      <label htmlFor={id} className="text-xs text-slate-700">
        {t("obstacles.addAttachment")}
      </label>
      <FileInput id={id} name="files" multiple accept={ACCEPT_ATTRIBUTE} aria-describedby={`${id}-hint`} />
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {t("obstacles.upload")}
      </SubmitButton>
      <p id={`${id}-hint`} className="w-full text-xs text-slate-500">
        {t("obstacles.attachmentsHint")}
      </p>
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`w-full text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
