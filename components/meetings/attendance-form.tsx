"use client";
import { useActionState } from "react";
import { saveAttendanceAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { translator, type Locale } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { ATTENDANCE_MODES } from "@/lib/meetings/schema";
import { AmendmentField } from "./amendment-field";

export type AttendanceRow = { agencyId: string; agencyName: string; mode: string; attendeeName: string };

/** One row per member agency of the body: head in person, authorised representative, or absent. */
export function AttendanceForm({ locale, meetingId, rows, canWrite, locked }: { locale: Locale; meetingId: string; rows: AttendanceRow[]; canWrite: boolean; locked: boolean }) {
  const t = translator(locale);
  const [state, action] = useActionState(saveAttendanceAction, initialFormState);
  if (rows.length === 0) return <EmptyState>{t("meetings.attendance.noMembers")}</EmptyState>;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      {canWrite && locked && <AmendmentField locale={locale} name="amendmentReason" />}
      <FormMessage state={state} />
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="p-2 text-start font-medium">{t("meetings.attendance.agency")}</th>
              <th scope="col" className="p-2 text-start font-medium">{t("meetings.attendance.mode")}</th>
              <th scope="col" className="p-2 text-start font-medium">{t("meetings.attendance.attendee")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.agencyId} className="border-b border-slate-100">
                <th scope="row" className="p-2 text-start font-normal">
                  {row.agencyName}
                  <input type="hidden" name="agencyId" value={row.agencyId} />
                </th>
                <td className="p-2">
                  <fieldset disabled={!canWrite} className="flex flex-wrap gap-3">
                    <legend className="sr-only">{`${t("meetings.attendance.mode")} — ${row.agencyName}`}</legend>
                    {ATTENDANCE_MODES.map((mode) => (
                      <label key={mode} className="flex items-center gap-1">
                        <input type="radio" name={`mode:${row.agencyId}`} value={mode} defaultChecked={row.mode === mode} />
                        {t(`meetings.attendance.${mode}`)}
                      </label>
                    ))}
                  </fieldset>
                </td>
                <td className="p-2">
                  <input
                    name={`name:${row.agencyId}`}
                    defaultValue={row.attendeeName}
                    disabled={!canWrite}
                    aria-label={`${t("meetings.attendance.attendee")} — ${row.agencyName}`}
                    className={`${inputClass} max-w-56`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && <SubmitButton pendingLabel={t("common.saving")}>{t("meetings.attendance.save")}</SubmitButton>}
    </form>
  );
}
