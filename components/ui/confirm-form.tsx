"use client";
import { useActionState, useId, useRef } from "react";
import { initialFormState, type FormState } from "@/lib/forms";
import { Button, type ButtonVariant } from "./button";

/**
 * A one-button form that asks before it acts (archive, status changes): the button opens a
 * dialog, and only the dialog's button submits.
 */
export function ConfirmForm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  cancelLabel,
  variant = "secondary",
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <form action={formAction} className="inline-block">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} onClick={() => dialog.current?.showModal()} disabled={pending}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={id}
        className="m-auto max-w-sm rounded-lg p-6 shadow-xl backdrop:bg-black/40"
      >
        <p id={id} className="mb-4 text-sm">
          {question}
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </Button>
          <Button
            type="submit"
            variant={variant === "danger" ? "danger" : "primary"}
            onClick={() => dialog.current?.close()}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mt-1 text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
