"use client";
import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import { useT } from "@/components/ui/messages";

/** Shown only on a session whose minutes are approved: every change there is an amendment. */
export function AmendmentField({
  value,
  onChange,
  name,
}: {
  value?: string;
  onChange?: (v: string) => void;
  name?: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-amber-900">
        {t("meetings.amendmentReason")}
      </label>
      <input
        id={id}
        name={name}
        {...(onChange
          ? {
              value: value ?? "",
              onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value),
            }
          : {})}
        aria-describedby={`${id}-hint`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className="text-xs text-amber-900">
        {t("meetings.amendmentReasonHint")}
      </p>
    </div>
  );
}
