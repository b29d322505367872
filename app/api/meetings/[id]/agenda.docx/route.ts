import { NotFound, route } from "@/lib/route";
import { getMeeting } from "@/lib/meetings/queries";
import { agendaDocx, agendaFileName } from "@/lib/meetings/agenda-files";
import { docxResponse } from "@/lib/print/docx";

// The agenda as a Word file, read exactly as the session page is (case.read and the reader's
// province: another province's session is a 404), in the reader's language.
export const GET = route({ permission: "case.read" }, async ({ user, params, locale, t }) => {
  const meeting = await getMeeting(user, params.id ?? "");
  if (!meeting) throw new NotFound();
  const name = agendaFileName(meeting, "docx");
  return docxResponse(await agendaDocx(meeting, locale, t), name, name);
});
