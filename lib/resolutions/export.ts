import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { todayInTehran, localName, isRtl } from "@/lib/i18n/format";
import { exportDate } from "@/lib/exports/dates";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { meetingTitle } from "@/lib/meetings/title";
import { tableSource, type Column, type TableExport } from "@/lib/reports/table";
import { collect, writeXlsx } from "@/lib/reports/xlsx";
import { countResolutions, daysUntil, exportResolutions, type ResolutionExportItem } from "./queries";
import { isOpenResolution } from "./status";
import type { ResolutionFilter } from "./schema";

type Row = ResolutionExportItem;

/**
 * The filtered register as a table to stream. Dates are Jalali text (what readers expect);
 * "days left" is a number so the sheet can be sorted and filtered in Excel.
 */
export function resolutionsExport(
  actor: Actor,
  filter: Partial<ResolutionFilter>,
  locale: Locale,
  t: Translate,
  today = todayInTehran(),
): TableExport {
  const isOpen = (r: Row) => isOpenResolution(r.status);
  // A national register repeats ~3,000 sessions and ~3,650 deadlines over 200,000 rows:
  // formatting each once saves most of the export's Intl work and its garbage.
  const titles = new Map<string, string>();
  const title = (m: Row["meeting"]) =>
    titles.get(m.id) ?? (titles.set(m.id, meetingTitle(m, locale, t)).get(m.id) as string);
  const deadline = exportDate(locale);
  const columns: Column<Row>[] = [
    { header: t("resolutions.col.session"), width: 40, value: (r) => title(r.meeting) },
    { header: t("resolutions.col.unit"), width: 30, value: (r) => r.unit.name },
    { header: t("resolutions.col.text"), width: 70, wrap: true, value: (r) => r.text },
    {
      header: t("resolutions.col.agency"),
      width: 30,
      value: (r) => localName(r.responsibleAgency, locale),
    },
    {
      header: t("resolutions.col.deadline"),
      width: 14,
      value: (r) => deadline(r.deadline),
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
    // As the register shows it (lib/outcomes/progress.ts), a number the sheet can sort: empty
    // when neither steps nor a stated percentage say anything.
    { header: t("outcomes.progress.label"), width: 10, value: (r) => r.progress.pct },
    {
      header: t("outcomes.progress.stalled"),
      width: 10,
      value: (r) => (r.stalled ? t("common.yes") : t("common.no")),
    },
  ];
  return {
    count: () => countResolutions(actor, filter, today),
    table: () =>
      tableSource(t("resolutions.sheetName"), columns, exportResolutions(actor, filter, today), {
        rtl: isRtl(locale),
      }),
    fileStem: `resolutions-${today}`,
  };
}

/** The filtered register as .xlsx bytes (the same writer as the streamed download). */
export async function writeResolutionsXlsx(
  actor: Actor,
  filter: Partial<ResolutionFilter>,
  locale: Locale,
  t: Translate,
  today = todayInTehran(),
): Promise<Uint8Array<ArrayBuffer>> {
  const { table } = resolutionsExport(actor, filter, locale, t, today);
  return collect((out) => writeXlsx(out, [table()]));
}
