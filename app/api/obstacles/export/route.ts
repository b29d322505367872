import { route } from "@/lib/route";
import { exportFileName, obstaclesWorkbook } from "@/lib/units/export";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The filtered list as .xlsx: the same filters as the page, read from the query string. */
export const GET = route({ permission: "case.read", query: obstacleFiltersSchema }, async ({ user, query }) =>
  xlsxResponse(await obstaclesWorkbook(user, query, user.locale), exportFileName("obstacles")),
);
