"use client";
import { submittedValue, type FormState } from "@/lib/forms";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, MessageKey } from "@/lib/i18n/messages";
import { DEADLINE_QUICK_DAYS } from "@/lib/meetings/constants";
import { Field } from "./field";
import { JalaliDateInput } from "./jalali-date-input";
import { useT } from "./messages";

type Quick = Pick<React.ComponentProps<typeof JalaliDateInput>, "quickFrom" | "quickDays" | "quickLabel">;

/**
 * The "+n days" buttons of a deadline, counted from `from` ("YYYY-MM-DD"): the same choices
 * wherever a deadline is set, worded by the screen's own messages.
 */
export function useQuickDeadlines(
  from: string,
  locale: Locale,
  keys: { text: MessageKey; label: MessageKey } = {
    text: "resolutions.returns.plusDays",
    label: "resolutions.returns.plusDaysLabel",
  },
): Quick {
  const t = useT();
  return {
    quickFrom: from,
    quickDays: DEADLINE_QUICK_DAYS,
    quickLabel: (n) => ({
      text: t(keys.text, { n: formatNumber(n, locale) }),
      label: t(keys.label, { n: formatNumber(n, locale) }),
    }),
  };
}

/** A labelled Jalali date in a form posted to a server action, refilled after a refusal. */
export function DateField({
  label,
  hint,
  state,
  name,
  locale,
  required,
  quick,
}: {
  label: string;
  hint?: string;
  state: FormState;
  name: string;
  locale: Locale;
  required?: boolean;
  quick?: Quick;
}) {
  const typed = submittedValue(state, name);
  return (
    <Field label={label} hint={hint} errors={state.fieldErrors?.[name]}>
      {(p) => (
        <JalaliDateInput
          {...p}
          // A refused form comes back with what was typed: remount to show it.
          key={typed}
          name={name}
          required={required}
          locale={locale}
          defaultValue={typed}
          {...quick}
        />
      )}
    </Field>
  );
}
