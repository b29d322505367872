import { route } from "@/lib/route";
import { templateWorkbook } from "@/lib/units/import";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The import template: the expected headers, and the accepted values on a second sheet. */
export const GET = route({ permission: "unit.write" }, async ({ user, locale }) => {
  const { bytes, fileName } = await templateWorkbook(user, locale);
  return xlsxResponse(bytes, fileName);
});
