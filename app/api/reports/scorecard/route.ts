import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/i18n/server";
import { todayInTehran } from "@/lib/i18n/format";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { agencyScorecard, SCORECARD_SORTS } from "@/lib/dashboard/queries";
import { toXlsx, xlsxResponse, type Column } from "@/lib/reports/xlsx";

type Row = Awaited<ReturnType<typeof agencyScorecard>>[number];

/** The agency scorecard of the dashboard, with the same filters, as .xlsx. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  const { t, locale } = await getTranslator();
  if (!user) return Response.json({ message: t("errors.forbidden") }, { status: 401 });
  if (!can(user, "dashboard.view")) return Response.json({ message: t("errors.forbidden") }, { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const sort = SCORECARD_SORTS.find((s) => s === params.sort) ?? "onTime";
  const rows = await agencyScorecard(user, parseDashboardFilters(params), sort);
  const columns: Column<Row>[] = [
    { header: t("resolution.agency"), width: 40, value: (r) => (locale === "fa" ? r.nameFa : r.nameEn) },
    { header: t("dashboard.issued"), value: (r) => r.issued },
    { header: `${t("dashboard.onTime")} (%)`, value: (r) => r.onTimePct },
    { header: t("dashboard.overdueNow"), value: (r) => r.overdueNow },
    { header: t("dashboard.avgDaysLate"), value: (r) => r.avgDaysLate },
    { header: t("dashboard.extensions"), value: (r) => r.extensionRequests },
    { header: t("dashboard.head"), value: (r) => r.attendedHead },
    { header: t("dashboard.representative"), value: (r) => r.attendedRepresentative },
    { header: t("dashboard.absent"), value: (r) => r.absent },
  ];
  return xlsxResponse(
    await toXlsx(t("dashboard.scorecard"), columns, rows, { rtl: locale === "fa" }),
    `tashil-scorecard-${todayInTehran()}.xlsx`,
  );
}
