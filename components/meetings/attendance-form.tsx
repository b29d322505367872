"use client";
import { useActionState, useState } from "react";
import { saveAttendanceAction } from "@/lib/meetings/actions";
import { initialFormState, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { ATTENDANCE_MODES } from "@/lib/meetings/constants";
import { AmendableForm } from "./amendment-dialog";
import { TableHead } from "@/components/ui/table-head";
import { stacked } from "@/components/ui/stacked-table";
import { useT } from "@/components/ui/messages";

export type AttendanceRow = {
  agencyId: string;
  agencyName: string;
  mode: string;
  attendeeName: string;
  /** The recorded row's version, 0 when nothing is recorded: sent back with a changed row. */
  version: number;
};

/** One row per member agency of the body: head in person, authorised representative, or absent. */
export function AttendanceForm({
  meetingId,
  rows,
  canWrite,
}: {
  meetingId: string;
  rows: AttendanceRow[];
  canWrite: boolean;
}) {
  const t = useT();
  // Only the rows this clerk touched are sent (lib/meetings/attendance.ts merges per agency):
  // another clerk's rows, saved meanwhile and shown by the live refresh, are left alone.
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [state, action] = useActionState(async (previous: FormState, form: FormData): Promise<FormState> => {
    const result = await saveAttendanceAction(previous, form);
    if (result.ok) setChanged(new Set());
    return result;
  }, initialFormState);
  const touch = (agencyId: string) => setChanged((c) => (c.has(agencyId) ? c : new Set([...c, agencyId])));
  if (rows.length === 0) return <EmptyState>{t("meetings.attendance.noMembers")}</EmptyState>;
  // Readers get the record as text: greyed-out radios and inputs read as "you could edit this
  // if something were different", and disabled controls are skipped by the keyboard anyway.
  if (!canWrite) return <AttendanceTable t={t} rows={rows} />;
  return (
    <AmendableForm action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      <FormMessage state={state} />
      <AttendanceGrid t={t} minWidth="md:min-w-[36rem]">
        {rows.map((row) => (
          // A row not touched here is redrawn when someone else saves it (its version
          // changes); a touched one keeps what this clerk chose until it is saved.
          <EditableRow
            key={changed.has(row.agencyId) ? row.agencyId : `${row.agencyId}:${row.version}`}
            row={row}
            changed={changed.has(row.agencyId)}
            onTouch={() => touch(row.agencyId)}
          />
        ))}
      </AttendanceGrid>
      <SubmitButton pendingLabel={t("common.saving")}>{t("meetings.attendance.save")}</SubmitButton>
    </AmendableForm>
  );
}

/** One member agency: how it attended and who came; a touched row is sent with its version. */
function EditableRow({
  row,
  changed,
  onTouch,
}: {
  row: AttendanceRow;
  changed: boolean;
  onTouch: () => void;
}) {
  const t = useT();
  return (
    <tr className={`border-b border-slate-100 ${stacked.row}`} onChange={onTouch}>
      <th scope="row" className="p-2 text-start font-normal phone:block phone:font-medium">
        {row.agencyName}
        {changed && (
          <>
            <input type="hidden" name="agencyId" value={row.agencyId} />
            <input type="hidden" name={`version:${row.agencyId}`} value={row.version} />
            <span className="ms-2 text-xs text-amber-800">{t("meetings.attendance.changed")}</span>
          </>
        )}
      </th>
      <td className={`p-2 ${stacked.cell}`} data-label={t("meetings.attendance.mode")}>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">{`${t("meetings.attendance.mode")} — ${row.agencyName}`}</legend>
          {ATTENDANCE_MODES.map((mode) => (
            <label key={mode} className="flex items-center gap-1">
              <input
                type="radio"
                name={`mode:${row.agencyId}`}
                value={mode}
                defaultChecked={row.mode === mode}
              />
              {t(`meetings.attendance.${mode}`)}
            </label>
          ))}
        </fieldset>
      </td>
      <td className={`p-2 ${stacked.cell}`} data-label={t("meetings.attendance.attendee")}>
        <input
          name={`name:${row.agencyId}`}
          defaultValue={row.attendeeName}
          aria-label={`${t("meetings.attendance.attendee")} — ${row.agencyName}`}
          className={`${inputClass} max-w-56`}
        />
      </td>
    </tr>
  );
}

function AttendanceTable({ t, rows }: { t: Translate; rows: AttendanceRow[] }) {
  return (
    <AttendanceGrid t={t} minWidth="md:min-w-[28rem]">
      {rows.map((row) => {
        const mode = ATTENDANCE_MODES.find((m) => m === row.mode);
        return (
          <tr key={row.agencyId} className={`border-b border-slate-100 ${stacked.row}`}>
            <th scope="row" className="p-2 text-start font-normal phone:block phone:font-medium">
              {row.agencyName}
            </th>
            <td
              className={`p-2 ${mode ? "" : "text-slate-500"} ${stacked.cell}`}
              data-label={t("meetings.attendance.mode")}
            >
              {mode ? t(`meetings.attendance.${mode}`) : t("meetings.attendance.notRecorded")}
            </td>
            <td className={`p-2 ${stacked.cell}`} data-label={t("meetings.attendance.attendee")}>
              {row.attendeeName || t("common.none")}
            </td>
          </tr>
        );
      })}
    </AttendanceGrid>
  );
}

/** The attendance table's frame: one row per agency, cards on a phone. */
function AttendanceGrid({
  t,
  minWidth,
  children,
}: {
  t: Translate;
  minWidth: string;
  children: React.ReactNode;
}) {
  return (
    <div className={stacked.wrapper}>
      <table className={`${stacked.table} ${minWidth}`}>
        <TableHead
          className={`border-b border-slate-200 text-slate-600 ${stacked.head}`}
          labels={[
            t("meetings.attendance.agency"),
            t("meetings.attendance.mode"),
            t("meetings.attendance.attendee"),
          ]}
        />
        <tbody className={stacked.body}>{children}</tbody>
      </table>
    </div>
  );
}
