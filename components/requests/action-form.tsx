"use client";
import { useActionState } from "react";
import { initialFormState, submittedValue, type FormState } from "@/lib/forms";
import { Field, FieldErrors, SelectField, TextAreaField, TextField, inputClass } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";

// One form component for the applicant's and the intake's forms (issue #32): the page
// describes the fields, already localised, and this renders them with their labels, hints,
// the server's messages per field, and what a refused submission sent back.

export type FormField =
  | { kind: "hidden"; name: string; value: string }
  | {
      kind: "text";
      name: string;
      label: string;
      hint?: string;
      defaultValue?: string;
      type?: "text" | "email" | "tel";
      inputMode?: "numeric" | "text" | "email" | "tel";
      dir?: "ltr" | "rtl" | "auto";
      autoComplete?: string;
    }
  | { kind: "textarea"; name: string; label: string; hint?: string; defaultValue?: string }
  | {
      kind: "select";
      name: string;
      label: string;
      hint?: string;
      defaultValue?: string;
      placeholder?: string;
      options: { value: string; label: string }[];
    }
  | {
      kind: "multiselect";
      name: string;
      label: string;
      hint?: string;
      defaultValues?: string[];
      options: { value: string; label: string }[];
    }
  | { kind: "checkbox"; name: string; label: string }
  | {
      kind: "radio";
      name: string;
      label: string;
      defaultValue?: string;
      options: { value: string; label: string }[];
    }
  | { kind: "file"; name: string; label: string; hint?: string; accept?: string };

export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  variant,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: FormField[];
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const named = new Set(fields.map((f) => f.name));
  // Errors about no field of this form (e.g. "obstacles" when submitting) are listed on top.
  const other = Object.entries(state.fieldErrors ?? {}).filter(([name]) => !named.has(name));
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {other.length > 0 && (
        <ul className="list-inside list-disc text-sm text-red-700">
          {other.flatMap(([name, messages]) => messages.map((m) => <li key={`${name}-${m}`}>{m}</li>))}
        </ul>
      )}
      {fields.map((f) => (
        <FormFieldView key={f.name} field={f} state={state} />
      ))}
      <SubmitButton pendingLabel={pendingLabel} variant={variant}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

export function FormFieldView({ field: f, state }: { field: FormField; state: FormState }) {
  const errors = state.fieldErrors?.[f.name];
  // After a refusal the submitted value; after a success the form starts afresh.
  const back = state.ok ? undefined : submittedValue(state, f.name);
  switch (f.kind) {
    case "hidden":
      return <input type="hidden" name={f.name} value={f.value} />;
    case "text":
      return (
        <TextField
          {...labelled(f, errors, back ?? f.defaultValue)}
          type={f.type ?? "text"}
          inputMode={f.inputMode}
          dir={f.dir}
          autoComplete={f.autoComplete}
          key={back ?? f.defaultValue}
        />
      );
    case "textarea":
      return (
        <TextAreaField
          {...labelled(f, errors, back ?? f.defaultValue)}
          rows={4}
          key={back ?? f.defaultValue}
        />
      );
    case "select":
      return (
        <SelectField
          {...labelled(f, errors, back ?? f.defaultValue ?? "")}
          blank={f.placeholder}
          options={f.options.map((o) => [o.value, o.label] as const)}
        />
      );
    case "multiselect":
      return <MultiSelectView field={f} state={state} errors={errors} />;
    case "checkbox":
      return <CheckboxView field={f} errors={errors} />;
    case "radio":
      return <RadioView field={f} errors={errors} />;
    case "file":
      return (
        <Field label={f.label} hint={f.hint} errors={errors}>
          {(p) => <FileInput {...p} name={f.name} multiple accept={f.accept} />}
        </Field>
      );
  }
}

/** A labelled field's label, hint, messages, name and starting value. */
const labelled = (
  f: { label: string; hint?: string; name: string },
  errors: string[] | undefined,
  value: string | undefined,
) => ({ label: f.label, hint: f.hint, errors, name: f.name, defaultValue: value });

type FieldOf<K extends FormField["kind"]> = Extract<FormField, { kind: K }>;

/** Several options at once; after a refusal, the ones that were chosen. */
function MultiSelectView({
  field: f,
  state,
  errors,
}: {
  field: FieldOf<"multiselect">;
  state: FormState;
  errors?: string[];
}) {
  const chosen = state.ok ? f.defaultValues : (state.values?.[f.name] ?? f.defaultValues);
  return (
    <Field label={f.label} hint={f.hint} errors={errors}>
      {(p) => (
        <select
          {...p}
          name={f.name}
          multiple
          size={Math.min(6, Math.max(3, f.options.length))}
          defaultValue={Array.isArray(chosen) ? chosen : chosen ? [chosen] : []}
          className={inputClass}
        >
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CheckboxView({ field: f, errors }: { field: FieldOf<"checkbox">; errors?: string[] }) {
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name={f.name} aria-invalid={errors ? true : undefined} className="mt-1" />
        <span>{f.label}</span>
      </label>
      <FieldErrors errors={errors} />
    </div>
  );
}

/** One of a few options; the first is chosen unless the page says which. */
function RadioView({ field: f, errors }: { field: FieldOf<"radio">; errors?: string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{f.label}</legend>
      {f.options.map((o, i) => (
        <label key={o.value} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={f.name}
            value={o.value}
            defaultChecked={f.defaultValue ? f.defaultValue === o.value : i === 0}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldErrors errors={errors} />
    </fieldset>
  );
}
