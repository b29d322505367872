// Pure rules of SMS: what an Iranian mobile number is, and when a message may go. No database,
// no clock of its own, so the unit tests pin every edge (issue #37).
import { toLatinDigits } from "@/lib/i18n/format";

/**
 * An Iranian mobile in the one form we store and send: "09xxxxxxxxx". Accepts what people
 * type: Persian or Arabic-Indic digits, spaces and dashes, "+98", "0098", "98" or no prefix.
 * Anything else is null, so a landline or a typo is refused at the form instead of failing at
 * the gateway.
 */
export function normalizeMobile(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = toLatinDigits(raw).replace(/[\s\-()\u200c\u200f\u200e]/g, "");
  const m = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(digits);
  return m ? `0${m[1]}` : null;
}

/** "0912***4567": enough for a person to recognise their own number, not enough to misuse it. */
export const maskMobile = (mobile: string) => `${mobile.slice(0, 4)}***${mobile.slice(-4)}`;

// Iran has kept UTC+03:30 all year since 2022 (daylight saving abolished); Intl's zone data
// says the same, and we ask Intl rather than hard-code the offset for the hour itself.
const TEHRAN_OFFSET = "+03:30";
export const QUIET_FROM = 22;
export const QUIET_UNTIL = 7;

function tehranParts(now: Date) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "numeric",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "0";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

/** No SMS from 22:00 to 07:00 Tehran time, except one-time codes (a person is waiting). */
export function isQuietHour(now: Date): boolean {
  const { hour } = tehranParts(now);
  return hour >= QUIET_FROM || hour < QUIET_UNTIL;
}

/** The next 07:00 in Tehran after `now` (today's if before it, else tomorrow's). */
export function quietHoursEnd(now: Date): Date {
  const { date, hour } = tehranParts(now);
  const at = new Date(`${date}T0${QUIET_UNTIL}:00:00${TEHRAN_OFFSET}`);
  return hour < QUIET_UNTIL ? at : new Date(at.getTime() + 86_400_000);
}

/** 00:00 Tehran of the day `now` falls in: where a province's daily cap starts counting. */
export function tehranDayStart(now: Date): Date {
  return new Date(`${tehranParts(now).date}T00:00:00${TEHRAN_OFFSET}`);
}

/** Retries wait 1, 2, 4, 8, 16 minutes; the sixth failure is final. */
export const MAX_SMS_ATTEMPTS = 6;
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, Math.min(attempts - 1, 6));
}
