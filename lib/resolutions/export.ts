import "server-only";
import ExcelJS from "exceljs";
import type { Actor } from "@/lib/auth/policy";
import { formatDate, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { meetingTitle } from "@/lib/meetings/title";
import { daysUntil, exportResolutions, OPEN_STATUSES } from "./queries";
import type { ResolutionFilter } from "./schema";

/**
 * The filtered register as an .xlsx workbook. Dates are Jalali text (what readers expect);
 * "days left" is a number so the sheet can be sorted and filtered in Excel.
 */
export async function writeResolutionsXlsx(actor: Actor, filter: Partial<ResolutionFilter>, locale: Locale, t: Translate, today = todayInTehran()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tashil";
  const sheet = workbook.addWorksheet(t("resolutions.sheetName"), { views: [{ rightToLeft: locale === "fa", state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("resolutions.col.session"), key: "session", width: 40 },
    { header: t("resolutions.col.unit"), key: "unit", width: 30 },
    { header: t("resolutions.col.text"), key: "text", width: 70 },
    { header: t("resolutions.col.agency"), key: "agency", width: 30 },
    { header: t("resolutions.col.deadline"), key: "deadline", width: 14 },
    { header: t("resolutions.col.days"), key: "days", width: 12 },
    { header: t("resolutions.col.status"), key: "status", width: 16 },
    { header: t("resolutions.col.overdue"), key: "overdue", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for await (const rows of exportResolutions(actor, filter, today)) {
    for (const r of rows) {
      const open = (OPEN_STATUSES as readonly string[]).includes(r.status);
      const days = daysUntil(r.deadline, today);
      sheet.addRow({
        session: meetingTitle(r.meeting, locale, t),
        unit: r.unit.name,
        text: r.text,
        agency: locale === "fa" ? r.responsibleAgency.nameFa : r.responsibleAgency.nameEn,
        // Latin digits in the short form so spreadsheet users can sort it as text.
        deadline: formatDate(r.deadline, "en", { style: "short" }),
        days: open ? days : null,
        status: t(`resolutionStatus.${r.status}`),
        overdue: open && days < 0 ? t("common.yes") : t("common.no"),
      });
    }
  }
  sheet.getColumn("text").alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
