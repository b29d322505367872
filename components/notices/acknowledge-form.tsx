"use client";
import { acknowledgeNoticeAction } from "@/lib/notices/actions";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { useT } from "@/components/ui/messages";

/** An agency user records that the notice reached the agency (who and when are kept). */
export function AcknowledgeNoticeForm({ id }: { id: string }) {
  const t = useT();
  return (
    <ConfirmForm
      action={acknowledgeNoticeAction}
      fields={{ id }}
      label={t("notices.acknowledge")}
      question={t("notices.confirmAcknowledge")}
      confirmLabel={t("notices.acknowledge")}
      variant="primary"
    />
  );
}
