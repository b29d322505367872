import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { exportFileName, obstaclesWorkbook } from "@/lib/units/export";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The filtered list as .xlsx: the same filters as the page, read from the query string. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "case.read")) return new Response(null, { status: 403 });
  const filters = obstacleFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return xlsxResponse(await obstaclesWorkbook(user, filters, user.locale), exportFileName("obstacles"));
}
