import { route } from "@/lib/route";
import { exportFileName, unitsWorkbook } from "@/lib/units/export";
import { unitFiltersSchema } from "@/lib/units/schema";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The filtered list as .xlsx: the same filters as the page, read from the query string. */
export const GET = route({ permission: "case.read", query: unitFiltersSchema }, async ({ user, query }) =>
  xlsxResponse(await unitsWorkbook(user, query, user.locale), exportFileName("units")),
);
