"use client";
import { useActionState } from "react";
import { setDigestHourAction } from "@/lib/settings/actions";
import { initialFormState } from "@/lib/forms";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** The Tehran hour from which the province's daily digests go out (docs/decisions/160). */
export function DigestHourForm({ hour, version }: { hour: string; version: number }) {
  const t = useT();
  const [state, action] = useActionState(setDigestHourAction, initialFormState);
  const submitted = state.values?.hour;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Field
        label={t("settings.digestHourLabel")}
        hint={t("settings.digestHourHint")}
        errors={state.fieldErrors?.hour}
      >
        {(p) => (
          <input
            {...p}
            name="hour"
            inputMode="numeric"
            required
            defaultValue={typeof submitted === "string" ? submitted : hour}
            className={`${inputClass} max-w-24`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("settings.ackDaysSave")}</SubmitButton>
    </form>
  );
}
