import { pageContext, pageTitle } from "@/lib/page";
import { absenceLetter } from "@/lib/outcomes/attendance";
import { formatDate, formatNumber, localName, todayInTehran } from "@/lib/i18n/format";
import { meetingTitle } from "@/lib/meetings/title";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import { PrintButton } from "@/components/ui/print-button";
import { EmptyState } from "@/components/ui/card";
import "@/components/meetings/print.css";

export const generateMetadata = pageTitle("outcomes.attendance.letterTitle");

const MODE_LABEL = {
  HEAD: "meetings.attendance.HEAD",
  REPRESENTATIVE: "meetings.attendance.REPRESENTATIVE",
  ABSENT: "meetings.attendance.ABSENT",
  NONE: "meetings.attendance.notRecorded",
} as const;

/**
 * The chair's one-click letter to an agency's head who missed at least 2 of the last 4
 * sessions (issue #36): printed and signed, until letters go out through the system.
 */
export default async function AbsenceLetterPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const { user, t, locale } = await pageContext("chairDesk.view");
  const { agencyId } = await params;
  const letter = await absenceLetter(user, agencyId);
  // Below the chair's loading skeleton the status is already sent: an agency out of reach, or
  // one whose head attended, gets a sentence rather than a 404 (tests/unit/loading-states).
  if (!letter) return <EmptyState>{t("outcomes.attendance.noLetter")}</EmptyState>;
  const n = (v: number) => formatNumber(v, locale);
  const agency = localName(letter.agency, locale);
  return (
    <div className="space-y-4">
      <div className="no-print flex justify-end">
        <PrintButton label={t("outcomes.attendance.print")} />
      </div>
      <article
        className="mx-auto max-w-3xl space-y-4 rounded border border-slate-200 bg-white p-6 text-sm leading-7"
        aria-label={t("outcomes.attendance.letterTitle")}
      >
        <Letterhead provinceId={letter.agency.provinceId} date={todayInTehran()} locale={locale} t={t} />
        <p className="font-medium">
          {t("outcomes.attendance.to", {
            head: letter.agency.headName ?? t("outcomes.attendance.headUnknown"),
          })}
          <br />
          {t("outcomes.attendance.toAgency", { agency })}
        </p>
        <p className="font-bold">{t("outcomes.attendance.subject")}</p>
        <p>{t("outcomes.attendance.greeting")}</p>
        <p>{t("outcomes.attendance.body", { missed: n(letter.missed), total: n(letter.sessions.length) })}</p>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th className="p-1 text-start">{t("outcomes.attendance.session")}</th>
              <th className="p-1 text-start">{t("outcomes.attendance.date")}</th>
              <th className="p-1 text-start">{t("outcomes.attendance.attendance")}</th>
            </tr>
          </thead>
          <tbody>
            {letter.sessions.map((s) => (
              <tr key={s.meetingId} className="border-b border-slate-100">
                <td className="p-1">{meetingTitle(s.meeting, locale, t)}</td>
                <td className="p-1">{formatDate(s.startsAt, locale)}</td>
                <td className="p-1">{t(MODE_LABEL[s.mode])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t("outcomes.attendance.closing")}</p>
        <SignatureBlock signers={[{ role: t("outcomes.attendance.chair"), name: user.name }]} t={t} />
      </article>
    </div>
  );
}
