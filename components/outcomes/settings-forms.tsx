"use client";
import { useActionState } from "react";
import { setStalledDaysAction, setWeeklyRecipientsAction } from "@/lib/outcomes/actions";
import { initialFormState, submittedValue } from "@/lib/forms";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Working days without a report after which an open resolution is stalled (issue #36). */
export function StalledDaysForm({ days, version }: { days: string; version: number }) {
  const t = useT();
  const [state, action] = useActionState(setStalledDaysAction, initialFormState);
  return (
    <form action={action} className="space-y-3" aria-label={t("outcomes.settings.stalled")}>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Field
        label={t("outcomes.settings.stalledLabel")}
        hint={t("outcomes.settings.stalledHint")}
        errors={state.fieldErrors?.days}
      >
        {(p) => (
          <input
            {...p}
            name="days"
            inputMode="numeric"
            required
            defaultValue={submittedValue(state, "days") ?? days}
            className={`${inputClass} max-w-24`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("outcomes.settings.save")}</SubmitButton>
    </form>
  );
}

/** The addresses the governor's weekly report goes to, one per line. */
export function WeeklyRecipientsForm({ emails, version }: { emails: string[]; version: number }) {
  const t = useT();
  const [state, action] = useActionState(setWeeklyRecipientsAction, initialFormState);
  return (
    <form action={action} className="space-y-3" aria-label={t("outcomes.weekly.recipients")}>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Field
        label={t("outcomes.weekly.recipients")}
        hint={t("outcomes.weekly.recipientsHint")}
        errors={state.fieldErrors?.emails}
      >
        {(p) => (
          <textarea
            {...p}
            name="emails"
            rows={4}
            dir="ltr"
            defaultValue={submittedValue(state, "emails") ?? emails.join("\n")}
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("outcomes.weekly.save")}</SubmitButton>
    </form>
  );
}
