"use client";
import { setDigestHourAction } from "@/lib/settings/actions";
import { NumberInput, SettingForm } from "./setting-form";

/** The Tehran hour from which the province's daily digests go out (docs/decisions/160). */
export function DigestHourForm({ hour, version }: { hour: string; version: number }) {
  return (
    <SettingForm
      action={setDigestHourAction}
      name="hour"
      value={hour}
      version={version}
      words={["settings.digestHourLabel", "settings.digestHourHint", "settings.ackDaysSave"]}
      control={NumberInput}
    />
  );
}
