import ExcelJS from "exceljs";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatOrdinal } from "@/lib/i18n/format";
import { getMeeting } from "@/lib/meetings/queries";
import { meetingTitle } from "@/lib/meetings/title";
import { localName } from "@/components/meetings/views";

/** A session's resolutions as an .xlsx sheet, right-to-left in Persian, in minutes order. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { t, locale } = await getTranslator();
  if (!can(user, "case.read") || !user) return new Response(t("errors.forbidden"), { status: 403 });
  const meeting = await getMeeting(user, (await params).id);
  if (!meeting) return new Response(t("errors.notFoundRecord"), { status: 404 });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tashil";
  const sheet = workbook.addWorksheet(t("meetings.xlsx.sheet"), { views: [{ rightToLeft: locale === "fa", state: "frozen", ySplit: 2 }] });
  sheet.mergeCells("A1:G1");
  sheet.getCell("A1").value = meetingTitle(meeting, locale, t);
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getRow(2).values = [t("meetings.xlsx.row"), t("meetings.xlsx.unit"), t("meetings.xlsx.text"), t("meetings.xlsx.responsible"), t("meetings.xlsx.supporting"), t("meetings.xlsx.deadline"), t("meetings.xlsx.status")];
  sheet.getRow(2).font = { bold: true };
  sheet.columns = [{ width: 6 }, { width: 32 }, { width: 70 }, { width: 30 }, { width: 30 }, { width: 14 }, { width: 14 }];
  let row = 0;
  for (const item of meeting.agendaItems)
    for (const r of item.resolutions)
      sheet.addRow([
        ++row,
        item.unit.name,
        r.text,
        localName(r.responsibleAgency, locale),
        r.supportingAgencies.map((s) => localName(s.agency, locale)).join(locale === "fa" ? "، " : ", "),
        formatDate(r.deadline, locale, { style: "short" }),
        t(`resolutionStatus.${r.status}`),
      ]).alignment = { wrapText: true, vertical: "top" };

  const buffer = await workbook.xlsx.writeBuffer();
  const filename = `resolutions-${meeting.jalaliYear}-${formatOrdinal(meeting.number, "en")}-${meeting.body.kind.toLowerCase()}.xlsx`;
  return new Response(buffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
