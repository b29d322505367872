import { notFound } from "next/navigation";
import { recordPage } from "@/components/ui/record-page";
import { pageTitle, type PageContext } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatDate, formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import { getNotice, noticeInReach } from "@/lib/notices/queries";
import { noticeNumberLabel } from "@/lib/notices/number";
import { meetingTitle } from "@/lib/meetings/title";
import { PrintButton } from "@/components/ui/print-button";
import { TableHead } from "@/components/ui/table-head";
import { AcknowledgeNoticeForm } from "@/components/notices/acknowledge-form";
import { PaperVerification } from "@/components/letters/paper-verification";
import { verifyQrSvg, verifyUrl } from "@/lib/letters/queries";
import "@/components/notices/notice.css";
import "@/components/letters/letter.css";

export const generateMetadata = pageTitle("notices.letterTitle");

/** ابلاغ: the letter to one agency, printable on A4, acknowledged here by the agency. */
export default recordPage({
  action: "case.read",
  inReach: noticeInReach,
  skeleton: "document",
  body: NoticeLetter,
});

async function NoticeLetter({ context, id }: { context: PageContext; id: string }) {
  const { user, t, locale } = context;
  const notice = await getNotice(user, id);
  if (!notice) notFound();
  const n = (v: number) => formatNumber(v, locale);
  const meeting = notice.meeting ? meetingTitle(notice.meeting, locale, t) : null;
  const canAcknowledge =
    !notice.acknowledgedAt &&
    can(user, "notice.acknowledge", { provinceId: notice.provinceId, responsibleAgencyId: notice.agencyId });
  const body = notice.meeting?.body;
  // Notices issued since issue #37 carry a verification code; older ones print without.
  const qrSvg = notice.verifyCode ? await verifyQrSvg(notice.verifyCode) : null;
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm">
          {notice.acknowledgedAt
            ? t("notices.acknowledgedBy", {
                name: notice.acknowledgedBy?.name ?? "—",
                date: formatDateTime(notice.acknowledgedAt, locale),
              })
            : t("notices.notAcknowledged")}
        </p>
        <div className="flex flex-wrap gap-2">
          {canAcknowledge && <AcknowledgeNoticeForm id={notice.id} />}
          <PrintButton label={t("notices.print")} />
        </div>
      </div>
      <article
        className="notice-letter mx-auto space-y-5 border border-slate-300 bg-white p-10 shadow-sm"
        aria-labelledby="notice-title"
      >
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
        <div className="space-y-1 text-sm">
          <p className="font-semibold">{t("notices.to", { agency: localName(notice.agency, locale) })}</p>
          {notice.agency.headName && <p>{t("notices.toHead", { name: notice.agency.headName })}</p>}
          <p className="font-semibold">
            {meeting ? t("notices.subject", { meeting }) : t("notices.subjectReassignment")}
          </p>
        </div>
        <p className="text-sm">{t("notices.greeting")}</p>
        <p className="text-sm">
          {meeting ? t("notices.intro", { meeting }) : t("notices.introReassignment")}
        </p>
        <table className="w-full border-collapse border border-slate-400 text-sm">
          <TableHead
            compact
            className="border-b border-slate-400 bg-slate-50"
            labels={[t("notices.row"), t("notices.unit"), t("notices.resolution"), t("notices.deadline")]}
          />
          <tbody>
            {notice.items.map((item, i) => (
              <tr key={item.resolution.id} className="border-b border-slate-300 align-top">
                <td className="p-2">{n(i + 1)}</td>
                <td className="p-2">{item.resolution.unit.name}</td>
                <td className="p-2">
                  {item.resolution.text}
                  {item.followUp && (
                    <span className="block text-xs text-slate-600">
                      {t("notices.followUp")} — {meetingTitle(item.resolution.meeting, locale, t)}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap p-2">{formatDate(item.deadline, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-xs text-slate-600">{t("notices.closing")}</p>
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
        {notice.verifyCode && qrSvg && (
          <div className="official-letter-foot">
            <PaperVerification
              code={notice.verifyCode}
              qrSvg={qrSvg}
              url={verifyUrl(notice.verifyCode)}
              t={t}
            />
          </div>
        )}
      </article>
    </div>
  );
}
