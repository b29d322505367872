"use client";
import { useActionState, useState } from "react";
import { updateBodyAction } from "@/lib/bodies/actions";
import { initialFormState } from "@/lib/forms";
import { useT } from "@/components/ui/messages";
import { TextField, bindField } from "@/components/ui/field";
import { FormShell } from "@/components/ui/form-shell";
import { AgenciesField } from "@/components/ui/decision-fields";
import type { AgencyChoice } from "@/components/ui/agency-combobox";

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
  const [state, action] = useActionState(updateBodyAction, initialFormState);
  /** A text field's name, its value as submitted or stored, and its errors. */
  const bind = (field: "nameFa" | "nameEn" | "chairName" | "secretaryName") =>
    bindField(state, field, body[field]);
  const [members, setMembers] = useState<string[]>(body.memberIds);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-4"
      noValidate
      fields={{ bodyId: body.id, version: body.version }}
      submit={t("bodies.save")}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("bodies.nameFa")} {...bind("nameFa")} />
        <TextField label={t("bodies.nameEn")} {...bind("nameEn")} dir="ltr" />
        <TextField label={t("bodies.chair")} {...bind("chairName")} />
        <TextField label={t("bodies.secretary")} {...bind("secretaryName")} />
      </div>
      <AgenciesField
        label={t("bodies.members")}
        name="memberIds"
        value={members}
        onChange={setMembers}
        choices={choices}
        groupOrder={groupOrder}
        errors={state.fieldErrors?.memberIds}
      />
    </FormShell>
  );
}
