"use client";
import { useActionState } from "react";
import { markNotificationsReadAction, setMailFrequencyAction } from "@/lib/notifications/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Marks one notification read, or with id "all" every unread one. */
export function MarkReadButton({ id, label }: { id: string; label: string }) {
  const t = useT();
  const [state, action] = useActionState(markNotificationsReadAction, initialFormState);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {label}
      </SubmitButton>
      {!state.ok && <FormMessage state={state} compact />}
    </form>
  );
}

/** E-mail at once or as a daily digest: each user's own choice. */
export function MailFrequencyForm({ value }: { value: "IMMEDIATE" | "DAILY" }) {
  const t = useT();
  const [state, action] = useActionState(setMailFrequencyAction, initialFormState);
  const chosen = (state.values?.mailFrequency as string | undefined) ?? value;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{t("notifications.preferenceHint")}</legend>
        {(["IMMEDIATE", "DAILY"] as const).map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mailFrequency" value={option} defaultChecked={chosen === option} />
            {t(`notifications.frequency.${option}`)}
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingLabel={t("common.saving")}>{t("notifications.savePreference")}</SubmitButton>
    </form>
  );
}
