"use client";
import { useActionState, useState } from "react";
import { saveHolidayOverrideAction } from "@/lib/calendar/actions";
import { initialFormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Adds a day off the official list lacks, or removes one it has, for the admin's scope. */
export function HolidayOverrideForm({ locale }: { locale: Locale }) {
  const t = useT();
  const [state, action] = useActionState(saveHolidayOverrideAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (field: string) => {
    const v = state.values?.[field];
    return typeof v === "string" ? v : undefined;
  };
  const [date, setDate] = useState(value("date") ?? "");
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("calendar.date")} errors={errors.date}>
        {(p) => (
          <JalaliDateInput
            {...p}
            name="date"
            value={date}
            onChange={setDate}
            locale={locale}
            warnDayOff={false}
            required
          />
        )}
      </Field>
      <Field label={t("calendar.kind")} errors={errors.kind}>
        {(p) => (
          <Select {...p} name="kind" defaultValue={value("kind") ?? "ADD"} className={inputClass}>
            <option value="ADD">{t("calendar.kindADD")}</option>
            <option value="REMOVE">{t("calendar.kindREMOVE")}</option>
          </Select>
        )}
      </Field>
      <TextField
        label={t("calendar.name")}
        errors={errors.name}
        hint={t("calendar.nameHint")}
        name="name"
        defaultValue={value("name")}
        required
      />
      <SubmitButton pendingLabel={t("common.saving")}>{t("calendar.addChange")}</SubmitButton>
    </form>
  );
}
