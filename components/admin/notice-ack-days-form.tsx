"use client";
import { setNoticeAckDaysAction } from "@/lib/settings/actions";
import { SettingForm } from "./setting-form";

/** Working days an agency has to acknowledge a notice before the dashboard lists it. */
export function NoticeAckDaysForm({ days, version }: { days: number; version: number }) {
  return (
    <SettingForm
      action={setNoticeAckDaysAction}
      name="days"
      value={String(days)}
      version={version}
      words={["settings.ackDaysLabel", "settings.ackDaysHint", "settings.ackDaysSave"]}
      // Between one day and two months (lib/settings/mutations.ts refuses the rest).
      control={(p) => (
        <input {...p} type="number" min={1} max={60} required className={`${p.className} max-w-24`} />
      )}
    />
  );
}
