import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/i18n/server";
import { getMeeting } from "@/lib/meetings/queries";
import { meetingResolutionsFileName, meetingResolutionsXlsx } from "@/lib/meetings/export";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** A session's resolutions as an .xlsx sheet, right-to-left in Persian, in minutes order. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { t, locale } = await getTranslator();
  if (!can(user, "case.read") || !user) return new Response(t("errors.forbidden"), { status: 403 });
  const meeting = await getMeeting(user, (await params).id);
  if (!meeting) return new Response(t("errors.notFoundRecord"), { status: 404 });
  return xlsxResponse(await meetingResolutionsXlsx(meeting, locale, t), meetingResolutionsFileName(meeting));
}
