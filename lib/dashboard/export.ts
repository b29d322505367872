import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { todayInTehran, localName, isRtl } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { toXlsx, type Column } from "@/lib/reports/xlsx";
import { parseDashboardFilters } from "./filters";
import { agencyScorecard, SCORECARD_SORTS } from "./queries";

type Row = Awaited<ReturnType<typeof agencyScorecard>>[number];

/** The dashboard's agency scorecard, with the page's filters and sort, as an .xlsx workbook. */
export async function scorecardXlsx(
  actor: Actor,
  params: Record<string, string>,
  locale: Locale,
  t: Translate,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
  const sort = SCORECARD_SORTS.find((s) => s === params.sort) ?? "onTime";
  const filters = parseDashboardFilters(params);
  const rows = await agencyScorecard(actor, filters, sort);
  const columns: Column<Row>[] = [
    { header: t("resolution.agency"), width: 40, value: (r) => localName(r, locale) },
    { header: t("dashboard.issued"), value: (r) => r.issued },
    { header: `${t("dashboard.onTime")} (%)`, value: (r) => r.onTimePct },
    { header: t("dashboard.overdueNow"), value: (r) => r.overdueNow },
    {
      header: t(filters.late === "working" ? "dashboard.avgWorkingDaysLate" : "dashboard.avgDaysLate"),
      value: (r) => r.avgDaysLate,
    },
    { header: t("dashboard.extensions"), value: (r) => r.extensionRequests },
    // The sessions that expected the agency, as on the page: a head's share is head / expected.
    { header: t("dashboard.expected"), value: (r) => r.sessionsExpected },
    { header: t("dashboard.head"), value: (r) => r.attendedHead },
    { header: t("dashboard.representative"), value: (r) => r.attendedRepresentative },
    { header: t("dashboard.absent"), value: (r) => r.absent },
  ];
  return {
    bytes: await toXlsx(t("dashboard.scorecard"), columns, rows, { rtl: isRtl(locale) }),
    fileName: `tashil-scorecard-${todayInTehran()}.xlsx`,
  };
}
