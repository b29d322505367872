"use client";
import { useState } from "react";
import { addDays, formatDate, formatDigits, parseJalaliDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { inputClass } from "./field";
import { useT } from "@/components/ui/messages";

/** "YYYY-MM-DD" ⇒ "1404/03/10" in the locale's digits, for prefilling the input. */
export function jalaliInputValue(iso: string, locale: Locale): string {
  return formatDate(iso, locale, { style: "short" });
}

type Props = {
  id?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  locale: Locale;
  /** Quick choices "+n days" counted from this Gregorian date ("YYYY-MM-DD"). */
  quickFrom?: string;
  quickDays?: readonly number[];
  quickLabel?: (n: number) => { text: string; label: string };
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  required?: boolean;
};

/**
 * A Jalali date typed as "1404/03/10" in Persian, Arabic-Indic or Latin digits; the full
 * date read back underneath ("شنبه ۱۰ خرداد ۱۴۰۴") confirms what the server will store.
 * Typing is faster than any calendar widget when thirty deadlines are entered in a session.
 */
export function JalaliDateInput({
  value,
  onChange,
  locale,
  quickFrom,
  quickDays = [],
  quickLabel,
  ...input
}: Props) {
  const t = useT();
  const [touched, setTouched] = useState(false);
  const iso = value.trim() ? parseJalaliDate(value) : null;
  const readBackId = input.id ? `${input.id}-readback` : undefined;
  const describedBy = [input["aria-describedby"], readBackId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <input
          {...input}
          aria-describedby={describedBy}
          aria-invalid={
            input["aria-invalid"] || (touched && value.trim() !== "" && iso === null) || undefined
          }
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => setTouched(true)}
          inputMode="numeric"
          autoComplete="off"
          placeholder={formatDigits("1404/03/10", locale)}
          dir="ltr"
          className={`${inputClass} max-w-40 text-center`}
        />
        {quickFrom &&
          quickDays.map((n) => {
            const label = quickLabel?.(n);
            return (
              <button
                key={n}
                type="button"
                aria-label={label?.label}
                onClick={() => onChange(jalaliInputValue(addDays(quickFrom, n), locale))}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100"
              >
                {label?.text ?? `+${n}`}
              </button>
            );
          })}
      </div>
      <p
        id={readBackId}
        className={`text-xs ${iso || !value.trim() ? "text-slate-600" : "text-red-700"}`}
        aria-live="polite"
      >
        {iso ? formatDate(iso, locale) : value.trim() && touched ? t("meetings.invalidDate") : ""}
      </p>
    </div>
  );
}
