import { formatList, formatNumber } from "@/lib/i18n/format";
import { localeOf, type Translate } from "@/lib/i18n/messages";

/**
 * The confirmation after sending a session's invitations: whom they reached, agencies and units
 * (a unit through its representative) each counted under its own name and plural, and what
 * left — «دعوت‌نامه برای ۵ دستگاه و ۳ واحد فرستاده شد (۹ ایمیل، ۴ پیامک).» A party of none is
 * left out of the list; the caller refuses sending to nobody before it gets here.
 */
export function invitationsSentMessage(
  t: Translate,
  sent: { agencies: number; units: number; mails: number; texts: number },
): string {
  const locale = localeOf(t);
  const count = (n: number) => ({ count: formatNumber(n, locale) });
  const parties = [
    ...(sent.agencies > 0 ? [t("invitations.sentAgencies", count(sent.agencies))] : []),
    ...(sent.units > 0 ? [t("invitations.sentUnits", count(sent.units))] : []),
  ];
  return t("invitations.sent", {
    parties: formatList(parties, locale),
    mails: t("invitations.sentMails", count(sent.mails)),
    texts: t("invitations.sentTexts", count(sent.texts)),
  });
}
