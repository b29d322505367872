import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatDateTime, localName } from "@/lib/i18n/format";
import { getNotice, noticeInReach } from "@/lib/notices/queries";
import { meetingTitle } from "@/lib/meetings/title";
import { PrintButton } from "@/components/ui/print-button";
import { AcknowledgeNoticeForm } from "@/components/notices/acknowledge-form";
import { NoticeHeading, NoticeItems, NoticeSignatures } from "@/components/notices/notice-letter";
import { PaperFoot, PaperVerification } from "@/components/letters/paper-verification";
import { PaperPages } from "@/components/print/paper-pages";
import { verifyQrSvg, verifyUrl } from "@/lib/letters/queries";
import "@/components/notices/notice.css";
import "@/components/letters/letter.css";

export const generateMetadata = pageTitle("notices.letterTitle");

/** ابلاغ: the letter to one agency, printable on A4, acknowledged here by the agency. */
async function NoticeLetter({ context, record: notice }: RecordProps<typeof getNotice>) {
  const { user, t, locale } = context;
  const meeting = notice.meeting ? meetingTitle(notice.meeting, locale, t) : null;
  const canAcknowledge =
    !notice.acknowledgedAt &&
    can(user, "notice.acknowledge", { provinceId: notice.provinceId, responsibleAgencyId: notice.agencyId });
  const body = notice.meeting?.body;
  // Notices issued since issue #37 carry a verification code; older ones print without.
  const verification = notice.verifyCode
    ? {
        code: notice.verifyCode,
        qrSvg: await verifyQrSvg(notice.verifyCode),
        url: verifyUrl(notice.verifyCode),
      }
    : null;
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
        className="notice-letter mx-auto border border-slate-300 bg-white p-10 shadow-sm"
        aria-labelledby="notice-title"
      >
        {/* The code and QR at the foot of every printed page (issue #37). */}
        <PaperPages className="space-y-5" foot={verification && <PaperFoot {...verification} t={t} />}>
          <NoticeHeading notice={notice} t={t} locale={locale} />
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
          <NoticeItems items={notice.items} t={t} locale={locale} />
          <p className="text-xs text-slate-600">{t("notices.closing")}</p>
          <NoticeSignatures body={body} t={t} />
          {verification && (
            <div className="official-letter-foot">
              <PaperVerification {...verification} t={t} />
            </div>
          )}
        </PaperPages>
      </article>
    </div>
  );
}

export default recordPage({
  action: "case.read",
  inReach: noticeInReach,
  skeleton: "document",
  load: getNotice,
  body: NoticeLetter,
});
