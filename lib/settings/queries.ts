import "server-only";
import { db } from "@/lib/db";

// The public figures page is switched on per province by that province's admin; a national
// admin switches it on for the whole deployment. Keys: "publicFigures:<provinceId>" or
// "publicFigures:*".
const PREFIX = "publicFigures:";
export const publicFiguresKey = (provinceId: string | null) => `${PREFIX}${provinceId ?? "*"}`;

export async function publicFiguresEnabled(provinceId: string | null): Promise<boolean> {
  return (await publicFiguresSetting(provinceId)).enabled;
}

/** The switch as the settings form shows it, with the version a save must name (0: never set). */
export async function publicFiguresSetting(provinceId: string | null) {
  const setting = await db.appSetting.findUnique({ where: { key: publicFiguresKey(provinceId) } });
  return { enabled: setting?.value === true, version: setting?.version ?? 0 };
}

/** What the public page may show: every province, some provinces, or nothing at all. */
export async function publicFiguresScope(): Promise<{ all: true } | { all: false; provinceIds: string[] }> {
  const settings = await db.appSetting.findMany({ where: { key: { startsWith: PREFIX } } });
  const on = settings.filter((s) => s.value === true).map((s) => s.key.slice(PREFIX.length));
  return on.includes("*") ? { all: true } : { all: false, provinceIds: on };
}

// Working days an agency has to acknowledge a notice before the dashboard lists it as late:
// "noticeAckDays:<provinceId>" (or "*" nationally), a whole number; 3 when unset.
export const DEFAULT_NOTICE_ACK_DAYS = 3;
export const noticeAckDaysKey = (provinceId: string | null) => `noticeAckDays:${provinceId ?? "*"}`;

export async function noticeAckDays(provinceId: string | null): Promise<number> {
  return (await noticeAckDaysSetting(provinceId)).days;
}

/** The setting as its form shows it, with the version a save must name (0: never set). */
export async function noticeAckDaysSetting(provinceId: string | null) {
  const setting = await db.appSetting.findUnique({ where: { key: noticeAckDaysKey(provinceId) } });
  return {
    days: typeof setting?.value === "number" ? setting.value : DEFAULT_NOTICE_ACK_DAYS,
    version: setting?.version ?? 0,
  };
}

// The Tehran hour from which a province's daily digests (deadline reminders, overdue
// escalations) go out: "digestHour:<provinceId>" (or "*" nationally), 0–23; 8 when unset, the
// start of the working day (docs/decisions/160).
export const DEFAULT_DIGEST_HOUR = 8;
export const digestHourKey = (provinceId: string | null) => `digestHour:${provinceId ?? "*"}`;

export async function digestHour(provinceId: string | null): Promise<number> {
  return (await digestHourSetting(provinceId)).hour;
}

/** The setting as its form shows it, with the version a save must name (0: never set). */
export async function digestHourSetting(provinceId: string | null) {
  const setting = await db.appSetting.findUnique({ where: { key: digestHourKey(provinceId) } });
  return {
    hour: typeof setting?.value === "number" ? setting.value : DEFAULT_DIGEST_HOUR,
    version: setting?.version ?? 0,
  };
}

// The most SMS a province sends in a Tehran day (one-time codes aside, they always go): a
// runaway loop or a mistaken batch must not spend the province's whole credit. Key
// "smsDailyCap:<provinceId>" (or "*"), a whole number; SMS_DAILY_CAP or 300 when unset
// (docs/decisions/232-sms-gateway.md).
export const smsDailyCapKey = (provinceId: string | null) => `smsDailyCap:${provinceId ?? "*"}`;
export const defaultSmsDailyCap = () => Math.max(0, Number(process.env.SMS_DAILY_CAP ?? 300) || 300);

export async function smsDailyCap(provinceId: string): Promise<number> {
  const settings = await db.appSetting.findMany({
    where: { key: { in: [smsDailyCapKey(provinceId), smsDailyCapKey(null)] } },
  });
  const own = settings.find((s) => s.key === smsDailyCapKey(provinceId))?.value;
  const national = settings.find((s) => s.key === smsDailyCapKey(null))?.value;
  if (typeof own === "number") return own;
  if (typeof national === "number") return national;
  return defaultSmsDailyCap();
}
