import "server-only";
import { db } from "@/lib/db";

// Province settings of issue #36, kept like the others (lib/settings/queries.ts): per province
// or "*" nationally, as AppSetting rows that a save names by version.

// Working days without a report after which an open resolution is "stalled": 10 when unset.
export const DEFAULT_STALLED_DAYS = 10;
export const stalledDaysKey = (provinceId: string | null) => `stalledDays:${provinceId ?? "*"}`;

export async function stalledDaysSetting(provinceId: string | null) {
  const setting = await db.appSetting.findUnique({ where: { key: stalledDaysKey(provinceId) } });
  return {
    days: typeof setting?.value === "number" ? setting.value : DEFAULT_STALLED_DAYS,
    version: setting?.version ?? 0,
  };
}

export async function stalledDays(provinceId: string | null): Promise<number> {
  return (await stalledDaysSetting(provinceId)).days;
}

// Who receives the governor's weekly report of a province: e-mail addresses (the governor,
// the deputy for economic affairs, …), none when unset.
export const weeklyRecipientsKey = (provinceId: string) => `weeklyReportRecipients:${provinceId}`;

export async function weeklyRecipientsSetting(provinceId: string) {
  const setting = await db.appSetting.findUnique({ where: { key: weeklyRecipientsKey(provinceId) } });
  const value = setting?.value;
  return {
    emails: Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [],
    version: setting?.version ?? 0,
  };
}
