import { pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { translator } from "@/lib/i18n/messages";
import { lettersOfMeeting } from "@/lib/letters/queries";
import { getMeetingRef } from "@/lib/meetings/queries";
import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { LetterSheet } from "@/components/letters/letter-sheet";
import { IssueLettersForm } from "@/components/letters/issue-letters-form";
import "@/components/letters/letter.css";

export const generateMetadata = pageTitle("letters.batchTitle");

/** A session's official letters, one per responsible agency, printed in one go. */
async function MeetingLetters({
  context: { user, t },
  id,
  record: meeting,
}: RecordProps<typeof getMeetingRef>) {
  const letters = await lettersOfMeeting(user, id);
  const fa = translator("fa");
  return (
    <div className="space-y-4">
      <div className="no-print space-y-2">
        <h1 className="text-2xl font-bold">{t("letters.batchTitle")}</h1>
        <p className="text-sm text-slate-600">{t("letters.batchIntro")}</p>
        <div className="flex flex-wrap items-start gap-2">
          {can(user, "letter.issue", { provinceId: meeting.provinceId }) && (
            <IssueLettersForm meetingId={id} label={t("letters.issueBatch")} />
          )}
          {letters.length > 0 && <PrintButton label={t("letters.printAll")} />}
          {letters.length > 0 && (
            <a href={`/api/meetings/${id}/letters.docx`} className={buttonClass("secondary")} download>
              {t("letters.wordAll")}
            </a>
          )}
        </div>
        <p className="text-xs text-slate-600">{t("letters.issueBatchHint")}</p>
      </div>
      {letters.length === 0 ? (
        <EmptyState>{t("letters.none")}</EmptyState>
      ) : (
        letters.map((letter) => <LetterSheet key={letter.id} letter={letter} t={fa} />)
      )}
    </div>
  );
}

export default recordPage({
  action: "case.read",
  inReach: getMeetingRef,
  skeleton: "document",
  load: getMeetingRef,
  body: MeetingLetters,
});
