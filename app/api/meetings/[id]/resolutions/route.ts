import { NotFound, route } from "@/lib/route";
import { getMeeting } from "@/lib/meetings/queries";
import { meetingResolutionsFileName, meetingResolutionsXlsx } from "@/lib/meetings/export";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** A session's resolutions as an .xlsx sheet, right-to-left in Persian, in minutes order. */
export const GET = route({ permission: "case.read" }, async ({ user, t, locale, params }) => {
  const meeting = await getMeeting(user, params.id ?? "");
  if (!meeting) throw new NotFound();
  return xlsxResponse(await meetingResolutionsXlsx(meeting, locale, t), meetingResolutionsFileName(meeting));
});
