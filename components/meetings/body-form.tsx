"use client";
import { useActionState, useId, useState } from "react";
import { updateBodyAction } from "@/lib/bodies/actions";
import { initialFormState } from "@/lib/forms";
import { useT } from "@/components/ui/messages";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AgencyCombobox, type AgencyChoice } from "@/components/ui/agency-combobox";

export type BodyFormValues = {
  id: string;
  nameFa: string;
  nameEn: string;
  chairName: string;
  secretaryName: string;
  memberIds: string[];
  /** The record's version when the form was drawn: a save over someone else's is refused. */
  version: number;
};

/** One body: its names, chair, secretary and member agencies (picked by typing). */
export function BodyForm({
  body,
  choices,
  groupOrder,
}: {
  body: BodyFormValues;
  choices: AgencyChoice[];
  groupOrder: string[];
}) {
  const t = useT();
  const id = useId();
  const [state, action] = useActionState(updateBodyAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (field: keyof BodyFormValues) => {
    const v = state.values?.[field];
    return typeof v === "string" ? v : String(body[field]);
  };
  /** A text field's name, its value as submitted or stored, and its errors. */
  const bind = (field: keyof BodyFormValues) => ({
    name: field,
    defaultValue: value(field),
    errors: errors[field],
  });
  const [members, setMembers] = useState<string[]>(body.memberIds);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="bodyId" value={body.id} />
      <input type="hidden" name="version" value={body.version} />
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("bodies.nameFa")} {...bind("nameFa")} />
        <TextField label={t("bodies.nameEn")} {...bind("nameEn")} dir="ltr" />
        <TextField label={t("bodies.chair")} {...bind("chairName")} />
        <TextField label={t("bodies.secretary")} {...bind("secretaryName")} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-members`} className="block text-sm font-medium text-slate-800">
          {t("bodies.members")}
        </label>
        <AgencyCombobox
          id={`${id}-members`}
          name="memberIds"
          multiple
          value={members}
          onChange={setMembers}
          choices={choices}
          groupOrder={groupOrder}
          placeholder={t("agencies.picker.placeholder")}
          noMatch={t("agencies.picker.noMatch")}
          chosenLabel={t("bodies.members")}
          removeLabel={(name) => t("agencies.picker.remove", { name })}
          aria-invalid={errors.memberIds ? true : undefined}
        />
        {errors.memberIds && <p className="text-sm text-red-700">{errors.memberIds.join(" ")}</p>}
      </div>
      <SubmitButton pendingLabel={t("common.saving")}>{t("bodies.save")}</SubmitButton>
    </form>
  );
}
