import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDate, todayInTehran, localName, isRtl } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { meetingTitle } from "@/lib/meetings/title";
import { toXlsx, type Column } from "@/lib/reports/xlsx";
import { daysUntil, exportResolutions, type ResolutionListItem } from "./queries";
import { isOpenResolution } from "./status";
import type { ResolutionFilter } from "./schema";

type Row = ResolutionListItem;

/**
 * The filtered register as an .xlsx workbook. Dates are Jalali text (what readers expect);
 * "days left" is a number so the sheet can be sorted and filtered in Excel.
 */
export async function writeResolutionsXlsx(
  actor: Actor,
  filter: Partial<ResolutionFilter>,
  locale: Locale,
  t: Translate,
  today = todayInTehran(),
): Promise<Uint8Array<ArrayBuffer>> {
  const rows: Row[] = [];
  for await (const batch of exportResolutions(actor, filter, today)) rows.push(...batch);
  const isOpen = (r: Row) => isOpenResolution(r.status);
  const columns: Column<Row>[] = [
    { header: t("resolutions.col.session"), width: 40, value: (r) => meetingTitle(r.meeting, locale, t) },
    { header: t("resolutions.col.unit"), width: 30, value: (r) => r.unit.name },
    { header: t("resolutions.col.text"), width: 70, wrap: true, value: (r) => r.text },
    {
      header: t("resolutions.col.agency"),
      width: 30,
      value: (r) => localName(r.responsibleAgency, locale),
    },
    // Latin digits in the short form so spreadsheet users can sort it as text.
    {
      header: t("resolutions.col.deadline"),
      width: 14,
      value: (r) => formatDate(r.deadline, "en", { style: "short" }),
    },
    {
      header: t("resolutions.col.days"),
      width: 12,
      value: (r) => (isOpen(r) ? daysUntil(r.deadline, today) : null),
    },
    { header: t("resolutions.col.status"), width: 16, value: (r) => t(`resolutionStatus.${r.status}`) },
    {
      header: t("resolutions.col.overdue"),
      width: 10,
      value: (r) => (isOpen(r) && daysUntil(r.deadline, today) < 0 ? t("common.yes") : t("common.no")),
    },
  ];
  return toXlsx(t("resolutions.sheetName"), columns, rows, { rtl: isRtl(locale) });
}
