"use client";
import { setStalledDaysAction, setWeeklyRecipientsAction } from "@/lib/outcomes/actions";
import { NumberInput, SettingForm } from "@/components/admin/setting-form";

/** Working days without a report after which an open resolution is stalled (issue #36). */
export function StalledDaysForm({ days, version }: { days: string; version: number }) {
  return (
    <SettingForm
      action={setStalledDaysAction}
      name="days"
      value={days}
      version={version}
      words={["outcomes.settings.stalledLabel", "outcomes.settings.stalledHint", "outcomes.settings.save"]}
      formLabel="outcomes.settings.stalled"
      control={NumberInput}
    />
  );
}

/** The addresses the governor's weekly report goes to, one per line. */
export function WeeklyRecipientsForm({ emails, version }: { emails: string[]; version: number }) {
  return (
    <SettingForm
      action={setWeeklyRecipientsAction}
      name="emails"
      value={emails.join("\n")}
      version={version}
      words={["outcomes.weekly.recipients", "outcomes.weekly.recipientsHint", "outcomes.weekly.save"]}
      formLabel="outcomes.weekly.recipients"
      control={(p) => <textarea {...p} rows={4} dir="ltr" />}
    />
  );
}
