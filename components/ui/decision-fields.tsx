"use client";
import { useState } from "react";
import type { FormState } from "@/lib/forms";
import { submittedValue } from "@/lib/forms";
import { Field, TextAreaField } from "@/components/ui/field";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import { useT } from "@/components/ui/messages";
import { AgencyCombobox, type AgencyChoice } from "@/components/ui/agency-combobox";

/** The picker's options and group order, as lib/agencies/choices.ts builds them on the server. */
export type AgencyPicker = { choices: AgencyChoice[]; groupOrder: string[] };

// The parts of the forms where someone decides on a case (an extension, a return, a
// follow-up): the agency it goes to, a note, one submit button per decision.

/** The record a form acts on and the version it was drawn from (a stale save is refused). */
export function TargetFields({ id, version }: { id: string; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** The decision's note (a reason, a remark), refilled after a refusal. */
export function NoteField({ label, state }: { label: string; state: FormState }) {
  return (
    <TextAreaField
      label={label}
      errors={state.fieldErrors?.note}
      name="note"
      rows={2}
      defaultValue={submittedValue(state, "note")}
    />
  );
}

/** One button per decision: the first is the primary one, the last the one that refuses. */
export function DecisionButtons({
  pending,
  choices,
}: {
  pending: boolean;
  choices: { value: string; label: string; variant: ButtonVariant }[];
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {choices.map((c) => (
        <button
          key={c.value}
          type="submit"
          name="decision"
          value={c.value}
          disabled={pending}
          className={buttonClass(c.variant)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/** The agency a decision hands the case to: the typed picker, refilled after a refusal. */
export function AgencyChoiceField({
  label,
  name,
  state,
  picker,
}: {
  label: string;
  name: string;
  state: FormState;
  picker: AgencyPicker;
}) {
  const t = useT();
  const [agencyId, setAgencyId] = useState(submittedValue(state, name) ?? "");
  return (
    <Field label={label} errors={state.fieldErrors?.[name]}>
      {(p) => (
        <AgencyCombobox
          {...p}
          name={name}
          value={agencyId}
          onChange={setAgencyId}
          choices={picker.choices}
          groupOrder={picker.groupOrder}
          placeholder={t("agencies.picker.placeholder")}
          noMatch={t("agencies.picker.noMatch")}
        />
      )}
    </Field>
  );
}

/**
 * Several agencies picked by typing (a body's members, an obstacle's agencies, a session's
 * invitees), labelled, with the server's messages; the chosen ones are listed under
 * `chosenLabel` (the label when not given).
 */
export function AgenciesField({
  label,
  chosenLabel = label,
  name,
  value,
  onChange,
  choices,
  groupOrder,
  errors,
}: {
  label: string;
  chosenLabel?: string;
  name: string;
  value: string[];
  onChange: (ids: string[]) => void;
  choices: AgencyChoice[];
  groupOrder: string[];
  errors?: string[];
}) {
  const t = useT();
  return (
    <Field label={label} errors={errors}>
      {(p) => (
        <AgencyCombobox
          {...p}
          name={name}
          multiple
          value={value}
          onChange={onChange}
          choices={choices}
          groupOrder={groupOrder}
          placeholder={t("agencies.picker.placeholder")}
          noMatch={t("agencies.picker.noMatch")}
          chosenLabel={chosenLabel}
          removeLabel={(n) => t("agencies.picker.remove", { name: n })}
        />
      )}
    </Field>
  );
}
