"use client";
import { useActionState } from "react";
import { initialFormState, submittedValue, type FormState } from "@/lib/forms";
import type { MessageKey } from "@/lib/i18n/messages";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

type ControlProps = { id: string; name: string; defaultValue: string; className: string };

/** A short number typed by hand: an hour, a count of days. */
export const NumberInput = ({ className, ...p }: ControlProps) => (
  <input {...p} inputMode="numeric" required className={`${className} max-w-24`} />
);

/**
 * The form of one province setting (an hour, a number of days, a list of addresses): its field
 * with label and hint, the record's version (a save over someone else's is refused), and save.
 * After a refusal the field shows what was typed.
 */
export function SettingForm({
  action,
  name,
  value,
  version,
  words,
  formLabel,
  control: Control,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  name: string;
  value: string;
  version: number;
  /** The field's label and hint, and the button's words. */
  words: [label: MessageKey, hint: MessageKey, save: MessageKey];
  formLabel?: MessageKey;
  control: (props: ControlProps) => React.ReactNode;
}) {
  const t = useT();
  const [state, formAction] = useActionState(action, initialFormState);
  const [label, hint, save] = words;
  return (
    <form action={formAction} className="space-y-3" aria-label={formLabel && t(formLabel)}>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <Field label={t(label)} hint={t(hint)} errors={state.fieldErrors?.[name]}>
        {(p) => (
          <Control
            {...p}
            name={name}
            defaultValue={submittedValue(state, name) ?? value}
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t(save)}</SubmitButton>
    </form>
  );
}
