"use client";
import { useActionState } from "react";
import { addMilestoneAction, setApprovedAmountAction } from "@/lib/outcomes/actions";
import { initialFormState, submittedValue } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TargetFields } from "@/components/ui/decision-fields";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { useT } from "@/components/ui/messages";

// The secretariat's plan of a resolution (issue #36): its steps and the amount approved.
// Each form names the resolution's version; the server refuses a stale one.

type Target = { id: string; version: number };

export function AddMilestoneForm({ id, version, locale }: Target & { locale: Locale }) {
  const t = useT();
  const [state, action] = useActionState(addMilestoneAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" aria-label={t("outcomes.milestones.add")}>
      <FormMessage state={state} />
      <TargetFields id={id} version={version} />
      <TextField
        label={t("outcomes.milestones.name")}
        errors={errors.title}
        name="title"
        required
        defaultValue={submittedValue(state, "title")}
      />
      <Field label={t("outcomes.milestones.dueOn")} errors={errors.dueOn}>
        {(p) => (
          <JalaliDateInput
            {...p}
            key={submittedValue(state, "dueOn")}
            name="dueOn"
            required
            locale={locale}
            defaultValue={submittedValue(state, "dueOn")}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary">
        {t("outcomes.milestones.add")}
      </SubmitButton>
    </form>
  );
}

export function ApprovedAmountForm({ id, version, current }: Target & { current: string }) {
  const t = useT();
  const [state, action] = useActionState(setApprovedAmountAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" aria-label={t("outcomes.money.approved")}>
      <FormMessage state={state} />
      <TargetFields id={id} version={version} />
      <Field
        label={t("outcomes.money.approved")}
        hint={t("outcomes.money.approvedHint")}
        errors={errors.amount}
      >
        {(p) => (
          <input
            {...p}
            name="amount"
            defaultValue={submittedValue(state, "amount") ?? current}
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary">
        {t("outcomes.money.approvedSave")}
      </SubmitButton>
    </form>
  );
}
