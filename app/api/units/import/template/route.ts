import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { templateWorkbook } from "@/lib/units/import";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The import template: the expected headers, and the accepted values on a second sheet. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "unit.write")) return new Response(null, { status: 403 });
  const { bytes, fileName } = await templateWorkbook(user, user.locale);
  return xlsxResponse(bytes, fileName);
}
