import type { Translate } from "@/lib/i18n/messages";
import { buttonClass } from "@/components/ui/button";

/** The agenda for the paper office: a Word file to print and forward, a sheet to annotate. */
export function AgendaFileLinks({ meetingId, t }: { meetingId: string; t: Translate }) {
  return (
    <>
      <a href={`/api/meetings/${meetingId}/agenda.docx`} className={buttonClass("secondary")} download>
        {t("meetings.agendaFiles.docx")}
      </a>
      <a href={`/api/meetings/${meetingId}/agenda.xlsx`} className={buttonClass("secondary")} download>
        {t("meetings.agendaFiles.xlsx")}
      </a>
    </>
  );
}
