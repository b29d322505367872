"use client";
import { useEffect, useRef, useState } from "react";

type Props = Omit<React.ComponentProps<"select">, "value" | "defaultValue" | "multiple"> & {
  /** The value to show: the record's, or what a refused submission sent back. */
  defaultValue?: string;
  /** Told every value the select takes, including one chosen before hydration. */
  onValueChange?: (value: string) => void;
};

/**
 * A <select> for forms posted to a server action that keeps what the user chose.
 *
 * Why not a plain `<select defaultValue>`: after every action React 19 resets the form to its
 * default values, and for a select React sets those defaults (`option.defaultSelected`) only
 * when it first mounts, never again when `defaultValue` changes. A refused submission therefore
 * put the select back on its first default ("کمیته تخصصی") while every text field kept what was
 * typed, and the corrected resubmission created the wrong body (issue #12). Here the chosen
 * option is always the one marked as default, so the reset keeps it; a changed `defaultValue`
 * (the submitted value coming back) replaces the choice.
 *
 * Why not simply controlled: a choice made before hydration lives only in the DOM; state
 * initialised from the props would overwrite it at the first re-render (typing in another
 * field). On mount we adopt what the DOM holds.
 */
export function Select({ defaultValue = "", onChange, onValueChange, ...props }: Props) {
  const ref = useRef<HTMLSelectElement>(null);
  const [value, setValue] = useState(defaultValue);
  const [lastDefault, setLastDefault] = useState(defaultValue);
  if (defaultValue !== lastDefault) {
    setLastDefault(defaultValue);
    setValue(defaultValue);
  }
  // React resets the form after its action (form.reset()), and a reset selects the options
  // marked defaultSelected, which React set once at mount. Marking the chosen option as the
  // default makes the reset land on what the user chose.
  useEffect(() => {
    for (const option of ref.current?.options ?? []) option.defaultSelected = option.value === value;
  }, [value]);
  useEffect(() => {
    const chosen = ref.current?.value;
    if (chosen !== undefined && chosen !== defaultValue) {
      setValue(chosen);
      onValueChange?.(chosen);
    }
    // Once, at hydration: later changes arrive through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <select
      ref={ref}
      {...props}
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        onChange?.(e);
        onValueChange?.(e.target.value);
      }}
    />
  );
}
