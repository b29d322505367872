"use client";
import { useActionState, useRef } from "react";
import { initialFormState, type FormState } from "@/lib/forms";
import { Button, type ButtonVariant } from "./button";
import { useConfirm } from "./confirm-dialog";
import { FormMessage } from "./form-message";

/**
 * A one-button form that asks before it acts (archive, status changes, deactivation,
 * approval): the button opens the confirm dialog, and only its confirm button submits.
 */
export function ConfirmForm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  variant = "secondary",
  className = "inline-block",
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  question: string;
  confirmLabel?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const { confirm, dialog } = useConfirm();
  return (
    <form ref={form} action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        variant={variant}
        disabled={pending}
        onClick={async () => {
          if (await confirm(question, { confirmLabel, danger: variant === "danger" }))
            form.current?.requestSubmit();
        }}
      >
        {label}
      </Button>
      {dialog}
      <FormMessage state={state} compact />
    </form>
  );
}
