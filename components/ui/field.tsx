import { useId } from "react";
import { submittedValue, type FormState } from "@/lib/forms";
import { Select } from "./select";

type FieldProps = {
  label: string;
  errors?: string[];
  hint?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => React.ReactNode;
};

/** A label, the control, its hint and its errors, wired for screen readers. */
export function Field({ label, errors, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": errorId ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

/** A text field's look: `.field-input` in app/globals.css (see components/ui/button.tsx for why). */
export const inputClass = "field-input";

type ControlProps<T extends "input" | "textarea"> = Omit<React.ComponentProps<T>, "id" | "className"> & {
  label: string;
  errors?: string[];
  hint?: string;
};

/** The common case of `Field`: a labelled single-line input in the field look. */
export function TextField({ label, errors, hint, ...input }: ControlProps<"input">) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(p) => <input {...p} {...input} className={inputClass} />}
    </Field>
  );
}

/** A labelled multi-line text box in the field look. */
export function TextAreaField({ label, errors, hint, ...textarea }: ControlProps<"textarea">) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(p) => <textarea {...p} {...textarea} className={inputClass} />}
    </Field>
  );
}

type SelectFieldProps = Omit<React.ComponentProps<typeof Select>, "id" | "className" | "children"> & {
  label: string;
  errors?: string[];
  hint?: string;
  /** [value, label] of each option, in order. */
  options: readonly (readonly [string, string])[];
  /** An empty first option with this text (none when a value is required). */
  blank?: string;
};

/** A labelled select in the field look (Select: keeps the choice across a refused submission). */
export function SelectField({ label, errors, hint, options, blank, ...select }: SelectFieldProps) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(p) => (
        <Select {...p} {...select} className={inputClass}>
          {blank !== undefined && <option value="">{blank}</option>}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * A field's name, what a refused submission sent back for it (else `stored`, the record's
 * value) and the server's messages about it: spread into a TextField, TextAreaField or
 * SelectField.
 */
export function bindField(state: FormState, name: string, stored?: string) {
  return { name, defaultValue: submittedValue(state, name) ?? stored, errors: state.fieldErrors?.[name] };
}

/** A field's messages, when it has no label of its own to hang them on (a fieldset, a checkbox). */
export function FieldErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}
