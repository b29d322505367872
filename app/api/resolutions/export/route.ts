import { route } from "@/lib/route";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { writeResolutionsXlsx } from "@/lib/resolutions/export";
import { todayInTehran } from "@/lib/i18n/format";
import { xlsxResponse } from "@/lib/reports/xlsx";

// The register as a spreadsheet, with the filters of the page that linked here.
export const GET = route(
  { permission: "case.read", query: resolutionFilterSchema },
  async ({ user, t, locale, query }) =>
    xlsxResponse(await writeResolutionsXlsx(user, query, locale, t), `resolutions-${todayInTehran()}.xlsx`),
);
