"use client";
import type { FormState } from "@/lib/forms";
import type { ButtonVariant } from "./button";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";
import { useT } from "./messages";

type FormShellProps = Omit<React.ComponentProps<"form">, "action" | "aria-label"> & {
  /** What `useActionState` answered last: its message is shown on top. */
  state: FormState;
  action: (form: FormData) => void;
  /** The form's accessible name (the browser tests find forms by it). */
  label?: string;
  /** Hidden fields: the record the form acts on, its version. */
  fields?: Record<string, string | number>;
  /** The submit button's text; none for a form with its own buttons. */
  submit?: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** In a grid form, the class that lets the message and the button span the row. */
  span?: string;
};

/**
 * The frame every form posted to a server action shares: the outcome message on top, the
 * hidden fields, the fields it is given, and a submit button that shows the pending state.
 */
export function FormShell({
  state,
  action,
  label,
  fields = {},
  submit,
  pendingLabel,
  variant,
  span,
  children,
  ...form
}: FormShellProps) {
  const t = useT();
  const message = <FormMessage state={state} />;
  const button = submit && (
    <SubmitButton pendingLabel={pendingLabel ?? t("common.saving")} variant={variant}>
      {submit}
    </SubmitButton>
  );
  return (
    <form action={action} aria-label={label} {...form}>
      {span ? <div className={span}>{message}</div> : message}
      <HiddenFields values={fields} />
      {children}
      {button && (span ? <div className={span}>{button}</div> : button)}
    </form>
  );
}

/** One hidden input per entry. */
export function HiddenFields({ values }: { values: Record<string, string | number> }) {
  return Object.entries(values).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

/** The hidden fields of an edit form: the record's id and the version it was drawn from. */
export function recordFields(record?: { id: string; version?: number }): Record<string, string | number> {
  if (!record) return {};
  return record.version === undefined ? { id: record.id } : { id: record.id, version: record.version };
}

/**
 * The form that registers or edits a record (a unit, an agency): fields two to a row, the
 * record's id and version hidden when it exists, one save button.
 */
export function RecordForm({
  record,
  ...shell
}: Omit<FormShellProps, "fields" | "span" | "submit"> & { record?: { id: string; version?: number } }) {
  const t = useT();
  return (
    <FormShell
      className="grid max-w-3xl gap-4 sm:grid-cols-2"
      noValidate
      span="sm:col-span-2"
      fields={recordFields(record)}
      submit={t("common.save")}
      {...shell}
    />
  );
}
