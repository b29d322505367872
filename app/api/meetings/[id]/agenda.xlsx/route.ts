import { NotFound, route } from "@/lib/route";
import { getMeeting } from "@/lib/meetings/queries";
import { agendaFileName, agendaXlsx } from "@/lib/meetings/agenda-files";
import { xlsxResponse } from "@/lib/reports/xlsx";

// The agenda as a spreadsheet, read exactly as the session page is, in the reader's language.
export const GET = route({ permission: "case.read" }, async ({ user, params, locale, t }) => {
  const meeting = await getMeeting(user, params.id ?? "");
  if (!meeting) throw new NotFound();
  return xlsxResponse(await agendaXlsx(meeting, locale, t), agendaFileName(meeting, "xlsx"));
});
