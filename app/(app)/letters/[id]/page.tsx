import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { pageContext, pageTitle } from "@/lib/page";
import { translator } from "@/lib/i18n/messages";
import { getLetter } from "@/lib/letters/queries";
import { PrintButton } from "@/components/ui/print-button";
import { LetterSheet } from "@/components/letters/letter-sheet";
import "@/components/letters/letter.css";

export const generateMetadata = pageTitle("letters.title");

/** One official letter, printable on A4 (issued from the resolution's page). */
export default async function LetterPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, t } = await pageContext("case.read");
  const { id } = await params;
  const letter = await getLetter(user, id);
  if (!letter) notFound();
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
