"use client";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button";

/** A submit button that shows the pending state and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)}>
      {pending ? pendingLabel : children}
    </button>
  );
}
