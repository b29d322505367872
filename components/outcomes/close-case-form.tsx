"use client";
import { useActionState } from "react";
import { closeCaseAction } from "@/lib/outcomes/actions";
import { CASE_OUTCOMES } from "@/lib/outcomes/constants";
import { initialFormState, submittedValue } from "@/lib/forms";
import { Field, TextAreaField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Select } from "@/components/ui/select";
import { useT } from "@/components/ui/messages";

/** The secretariat closes a unit's case with how it ended (issue #36). */
export function CloseCaseForm({ unitId }: { unitId: string }) {
  const t = useT();
  const [state, action] = useActionState(closeCaseAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" aria-label={t("outcomes.closure.title")}>
      <FormMessage state={state} />
      <input type="hidden" name="unitId" value={unitId} />
      <Field label={t("outcomes.closure.outcomeField")} errors={errors.outcome}>
        {(p) => (
          <Select
            {...p}
            name="outcome"
            defaultValue={submittedValue(state, "outcome") ?? "RESOLVED_PRODUCING"}
            className={inputClass}
          >
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.closure.outcome.${o}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TextAreaField
        label={t("outcomes.closure.reasonField")}
        errors={errors.reason}
        name="reason"
        rows={2}
        defaultValue={submittedValue(state, "reason")}
      />
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary">
        {t("outcomes.closure.submit")}
      </SubmitButton>
    </form>
  );
}
