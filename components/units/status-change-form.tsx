"use client";
import { useActionState } from "react";
import { changeUnitStatusAction } from "@/lib/units/actions";
import { OPERATING_STATUSES } from "@/lib/units/constants";
import { STATUS_CAUSES_CHOSEN } from "@/lib/outcomes/constants";
import { initialFormState } from "@/lib/forms";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Select } from "@/components/ui/select";
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
  const errors = state.fieldErrors ?? {};
  const v = (k: string) => (typeof state.values?.[k] === "string" ? String(state.values[k]) : undefined);
  return (
    <form action={action} className="space-y-3" noValidate aria-label={t("units.changeStatus")}>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={unitId} />
      <Field label={t("units.newStatus")} errors={errors.toStatus}>
        {(p) => (
          <Select {...p} name="toStatus" defaultValue={v("toStatus") ?? current} className={inputClass}>
            {OPERATING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`operatingStatus.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TextField
        label={t("units.changedOn")}
        errors={errors.changedOn}
        hint={t("units.changedOnHint")}
        name="changedOn"
        defaultValue={v("changedOn") ?? today}
      />
      <Field label={t("outcomes.cause.field")} errors={errors.cause}>
        {(p) => (
          <Select {...p} name="cause" defaultValue={v("cause") ?? "SECRETARIAT"} className={inputClass}>
            {STATUS_CAUSES_CHOSEN.map((c) => (
              <option key={c} value={c}>
                {t(`outcomes.cause.${c}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TextField label={t("units.reason")} errors={errors.reason} name="reason" defaultValue={v("reason")} />
      <SubmitButton pendingLabel={t("common.saving")}>{t("units.changeStatus")}</SubmitButton>
    </form>
  );
}
