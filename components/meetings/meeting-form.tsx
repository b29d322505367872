"use client";
import { useActionState, useState } from "react";
import {
  createMeetingAction,
  planNextCommitteeAction,
  rescheduleMeetingAction,
} from "@/lib/meetings/actions";
import { initialFormState, submittedValue, type FormState } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/messages";
import { formatDigits } from "@/lib/i18n/format";
import { Field, SelectField, TextField, bindField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { FormShell } from "@/components/ui/form-shell";
import { SubmitButton } from "@/components/ui/submit-button";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { useT } from "@/components/ui/messages";

/** Plans a session of either body; its number within the Jalali year is given by the server. */
export function MeetingForm({ locale, defaultPlace }: { locale: Locale; defaultPlace?: string }) {
  const t = useT();
  const [state, action] = useActionState(createMeetingAction, initialFormState);
  return (
    <FormShell
      state={state}
      action={action}
      className="max-w-xl space-y-4"
      noValidate
      submit={t("common.create")}
    >
      <SelectField
        label={t("meetings.body")}
        {...bindField(state, "bodyKind", "COMMITTEE")}
        options={BODY_KINDS.map((k) => [k, t(`meeting.${k}`)])}
      />
      <WhenAndWhere state={state} locale={locale} date="" time="09:00" place={defaultPlace} />
    </FormShell>
  );
}

const BODY_KINDS = ["COMMITTEE", "WORKING_GROUP"] as const;

/** A session's date, time and place, as stored or as a refused submission sent them back. */
function WhenAndWhere({
  state,
  locale,
  date: stored,
  time,
  place,
}: {
  state: FormState;
  locale: Locale;
  date: string;
  time: string;
  place?: string;
}) {
  const t = useT();
  const [date, setDate] = useState(submittedValue(state, "date") ?? stored);
  return (
    <>
      <Field label={t("meetings.date")} errors={state.fieldErrors?.date} hint={t("meetings.dateHint")}>
        {(p) => (
          <JalaliDateInput {...p} name="date" value={date} onChange={setDate} locale={locale} required />
        )}
      </Field>
      <Field label={t("meetings.time")} errors={state.fieldErrors?.time} hint={t("meetings.timeHint")}>
        {(p) => (
          <input
            {...p}
            name="time"
            defaultValue={submittedValue(state, "time") ?? formatDigits(time, locale)}
            inputMode="numeric"
            dir="ltr"
            className={`${inputClass} max-w-28 text-center`}
          />
        )}
      </Field>
      <TextField label={t("meetings.place")} {...bindField(state, "place", place)} />
    </>
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
  return (
    <details className="rounded-md border border-slate-200 p-3" open={!state.ok && !!state.message}>
      <summary className="cursor-pointer text-sm font-medium">{t("meetings.reschedule")}</summary>
      <FormShell
        state={state}
        action={action}
        className="mt-3 max-w-xl space-y-4"
        noValidate
        fields={{ meetingId, version }}
        submit={t("meetings.rescheduleSave")}
      >
        <WhenAndWhere state={state} locale={locale} date={initialDate} time={time} place={place} />
      </FormShell>
    </details>
  );
}
