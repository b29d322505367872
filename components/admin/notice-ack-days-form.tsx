"use client";
import { useActionState } from "react";
import { setNoticeAckDaysAction } from "@/lib/settings/actions";
import { initialFormState } from "@/lib/forms";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Working days an agency has to acknowledge a notice before the dashboard lists it. */
export function NoticeAckDaysForm({ days, version }: { days: number; version: number }) {
  const t = useT();
  const [state, action] = useActionState(setNoticeAckDaysAction, initialFormState);
  const submitted = state.values?.days;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Field
        label={t("settings.ackDaysLabel")}
        hint={t("settings.ackDaysHint")}
        errors={state.fieldErrors?.days}
      >
        {(p) => (
          <input
            {...p}
            name="days"
            type="number"
            min={1}
            max={60}
            required
            defaultValue={typeof submitted === "string" ? submitted : String(days)}
            className={`${inputClass} max-w-24`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("settings.ackDaysSave")}</SubmitButton>
    </form>
  );
}
