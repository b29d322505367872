import { formatNumber, formatOrdinal } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

type Titled = { number: number; jalaliYear: number; body: { kind: "WORKING_GROUP" | "COMMITTEE" } };

/** "جلسه چهارم کارگروه … در سال ۱۴۰۴": sessions are numbered within the Jalali year. */
export function meetingTitle(meeting: Titled, locale: Locale, t: Translate): string {
  return t("meeting.title", {
    ordinal: formatOrdinal(meeting.number, locale),
    body: t(`meeting.${meeting.body.kind}`),
    // A year is not a quantity: no thousands separator.
    year: formatNumber(meeting.jalaliYear, locale).replace(/[٬,]/g, ""),
  });
}
