"use client";
import { useActionState, useState } from "react";
import {
  createMeetingAction,
  planNextCommitteeAction,
  rescheduleMeetingAction,
} from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { formatDigits } from "@/lib/i18n/format";
import { Field, TextField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { Select } from "@/components/ui/select";
import { useT } from "@/components/ui/messages";

/** Plans a session of either body; its number within the Jalali year is given by the server. */
export function MeetingForm({ locale, defaultPlace }: { locale: Locale; defaultPlace?: string }) {
  const t = useT();
  const [state, action] = useActionState(createMeetingAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (field: string) => {
    const v = state.values?.[field];
    return typeof v === "string" ? v : undefined;
  };
  const [date, setDate] = useState(value("date") ?? "");
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("meetings.body")} errors={errors.bodyKind}>
        {(p) => (
          <Select
            {...p}
            name="bodyKind"
            defaultValue={value("bodyKind") ?? "COMMITTEE"}
            className={inputClass}
          >
            <option value="COMMITTEE">{t("meeting.COMMITTEE")}</option>
            <option value="WORKING_GROUP">{t("meeting.WORKING_GROUP")}</option>
          </Select>
        )}
      </Field>
      <Field label={t("meetings.date")} errors={errors.date} hint={t("meetings.dateHint")}>
        {(p) => (
          <JalaliDateInput {...p} name="date" value={date} onChange={setDate} locale={locale} required />
        )}
      </Field>
      <Field label={t("meetings.time")} errors={errors.time} hint={t("meetings.timeHint")}>
        {(p) => (
          <input
            {...p}
            name="time"
            defaultValue={value("time") ?? formatDigits("09:00", locale)}
            inputMode="numeric"
            dir="ltr"
            className={`${inputClass} max-w-28 text-center`}
          />
        )}
      </Field>
      <TextField
        label={t("meetings.place")}
        errors={errors.place}
        name="place"
        defaultValue={value("place") ?? defaultPlace}
      />
      <SubmitButton pendingLabel={t("common.saving")}>{t("common.create")}</SubmitButton>
    </form>
  );
}

export function PlanNextCommitteeButton() {
  const t = useT();
  const [state, action] = useActionState(planNextCommitteeAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {t("meetings.planNextCommittee")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Moves a planned session; the server renumbers the body's planned sessions by date. */
export function RescheduleForm({
  locale,
  meetingId,
  date: initialDate,
  time,
  place,
  version,
}: {
  locale: Locale;
  meetingId: string;
  /** Jalali "1404/03/10" in the locale's digits. */
  date: string;
  time: string;
  place: string;
  /** The session's version when the form was drawn: a move over someone else's is refused. */
  version: number;
}) {
  const t = useT();
  const [state, action] = useActionState(rescheduleMeetingAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (field: string) => {
    const v = state.values?.[field];
    return typeof v === "string" ? v : undefined;
  };
  const [date, setDate] = useState(value("date") ?? initialDate);
  return (
    <details className="rounded-md border border-slate-200 p-3" open={!state.ok && !!state.message}>
      <summary className="cursor-pointer text-sm font-medium">{t("meetings.reschedule")}</summary>
      <form action={action} className="mt-3 max-w-xl space-y-4" noValidate>
        <input type="hidden" name="meetingId" value={meetingId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={state} />
        <Field label={t("meetings.date")} errors={errors.date} hint={t("meetings.dateHint")}>
          {(p) => (
            <JalaliDateInput {...p} name="date" value={date} onChange={setDate} locale={locale} required />
          )}
        </Field>
        <Field label={t("meetings.time")} errors={errors.time} hint={t("meetings.timeHint")}>
          {(p) => (
            <input
              {...p}
              name="time"
              defaultValue={value("time") ?? formatDigits(time, locale)}
              inputMode="numeric"
              dir="ltr"
              className={`${inputClass} max-w-28 text-center`}
            />
          )}
        </Field>
        <TextField
          label={t("meetings.place")}
          errors={errors.place}
          name="place"
          defaultValue={value("place") ?? place}
        />
        <SubmitButton pendingLabel={t("common.saving")}>{t("meetings.rescheduleSave")}</SubmitButton>
      </form>
    </details>
  );
}
