import { buttonClass } from "@/components/ui/button";
import { pageTitle } from "@/lib/page";
import { translator } from "@/lib/i18n/messages";
import { getLetter } from "@/lib/letters/queries";
import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { PrintButton } from "@/components/ui/print-button";
import { LetterSheet } from "@/components/letters/letter-sheet";
import "@/components/letters/letter.css";

export const generateMetadata = pageTitle("letters.title");

/** One official letter, printable on A4 (issued from the resolution's page). */
async function Letter({ context: { t }, record: letter }: RecordProps<typeof getLetter>) {
  return (
    <div className="space-y-4">
      <div className="no-print flex justify-end gap-2">
        <a href={`/api/letters/${letter.id}.docx`} download className={buttonClass("secondary")}>
          {t("letters.downloadWord")}
        </a>
        <PrintButton label={t("letters.print")} />
      </div>
      <LetterSheet letter={letter} t={translator("fa")} />
    </div>
  );
}

export default recordPage({
  action: "case.read",
  inReach: getLetter,
  skeleton: "document",
  load: getLetter,
  body: Letter,
});
