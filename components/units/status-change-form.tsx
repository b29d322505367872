"use client";
import { useActionState } from "react";
import { changeUnitStatusAction } from "@/lib/units/actions";
import { OPERATING_STATUSES } from "@/lib/units/constants";
import { STATUS_CAUSES_CHOSEN } from "@/lib/outcomes/constants";
import { initialFormState } from "@/lib/forms";
import { SelectField, TextField, bindField } from "@/components/ui/field";
import { FormShell } from "@/components/ui/form-shell";
import { useT } from "@/components/ui/messages";

export function StatusChangeForm({
  unitId,
  current,
  today,
}: {
  unitId: string;
  current: string;
  today: string;
}) {
  const t = useT();
  const [state, action] = useActionState(changeUnitStatusAction, initialFormState);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-3"
      noValidate
      label={t("units.changeStatus")}
      fields={{ id: unitId }}
      submit={t("units.changeStatus")}
    >
      <SelectField
        label={t("units.newStatus")}
        {...bindField(state, "toStatus", current)}
        options={OPERATING_STATUSES.map((s) => [s, t(`operatingStatus.${s}`)])}
      />
      <TextField
        label={t("units.changedOn")}
        hint={t("units.changedOnHint")}
        {...bindField(state, "changedOn", today)}
      />
      <SelectField
        label={t("outcomes.cause.field")}
        {...bindField(state, "cause", "SECRETARIAT")}
        options={STATUS_CAUSES_CHOSEN.map((c) => [c, t(`outcomes.cause.${c}`)])}
      />
      <TextField label={t("units.reason")} {...bindField(state, "reason")} />
    </FormShell>
  );
}
