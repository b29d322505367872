import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { getNotice } from "@/lib/notices/queries";
import { noticeNumberLabel } from "@/lib/notices/number";
import { meetingTitle } from "@/lib/meetings/title";
import { TableHead } from "@/components/ui/table-head";

// The parts of a notice (ابلاغ) as printed (app/(app)/notices/[id]/page.tsx): the letterhead
// with its number and date, the table of resolutions, the signatures.

type Notice = NonNullable<Awaited<ReturnType<typeof getNotice>>>;
type Speech = { t: Translate; locale: Locale };

export function NoticeHeading({ notice, t, locale }: Speech & { notice: Notice }) {
  const body = notice.meeting?.body;
  return (
    <header className="grid grid-cols-3 items-start gap-4 border-b-2 border-slate-800 pb-3">
      <div className="text-sm">
        <p>{body ? localName(body, locale) : t("app.fullName")}</p>
        <p className="text-xs text-slate-600">{t("notifications.mail.signature")}</p>
      </div>
      <p id="notice-title" className="text-center text-lg font-bold">
        {t("notices.letterTitle")}
      </p>
      <div className="justify-self-end text-sm">
        <dl>
          <div className="flex gap-2">
            <dt>{t("notices.number")}:</dt>
            <dd>{noticeNumberLabel(notice, locale)}</dd>
          </div>
          <div className="flex gap-2">
            <dt>{t("notices.date")}:</dt>
            <dd>{formatDate(notice.issuedAt, locale, { style: "short" })}</dd>
          </div>
        </dl>
        {/* Not a term of the list: a <dl> may hold only dt/dd groups (axe). */}
        <p className="text-xs text-slate-600">{t("notices.attachment")}</p>
      </div>
    </header>
  );
}

/** The resolutions the notice conveys, each with its unit and deadline. */
export function NoticeItems({ items, t, locale }: Speech & { items: Notice["items"] }) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <table className="w-full border-collapse border border-slate-400 text-sm">
      <TableHead
        compact
        className="border-b border-slate-400 bg-slate-50"
        labels={[t("notices.row"), t("notices.unit"), t("notices.resolution"), t("notices.deadline")]}
      />
      <tbody>
        {items.map((item, i) => (
          <tr key={item.resolution.id} className="border-b border-slate-300 align-top">
            <td className="p-2">{n(i + 1)}</td>
            <td className="p-2 [overflow-wrap:anywhere]">{item.resolution.unit.name}</td>
            <td className="p-2 [overflow-wrap:anywhere]">
              {item.resolution.text}
              {item.followUp && (
                <span className="block text-xs text-slate-600">
                  {t("notices.followUp")} — {meetingTitle(item.resolution.meeting, locale, t)}
                </span>
              )}
            </td>
            {/* On one line from md up (and on paper); on a phone the English date wraps: kept whole,
                it widened the notice by 23 px at 390 px (phone sweep). */}
            <td className="p-2 md:whitespace-nowrap">{formatDate(item.deadline, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NoticeSignatures({
  body,
  t,
}: {
  body: NonNullable<Notice["meeting"]>["body"] | undefined;
  t: Translate;
}) {
  return (
    <footer className="signatures grid grid-cols-2 gap-8 pt-10 text-center text-sm">
      <div className="space-y-8">
        <p className="font-medium">{t("notices.signatureSecretary")}</p>
        <p>{body?.secretaryName ?? ""}</p>
      </div>
      <div className="space-y-8">
        <p className="font-medium">{t("notices.signatureChair")}</p>
        <p>{body?.chairName ?? ""}</p>
      </div>
    </footer>
  );
}
