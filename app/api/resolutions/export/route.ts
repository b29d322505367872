import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/i18n/server";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { writeResolutionsXlsx } from "@/lib/resolutions/export";
import { todayInTehran } from "@/lib/i18n/format";
import { xlsxResponse } from "@/lib/reports/xlsx";

// The register as a spreadsheet, with the filters of the page that linked here.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "case.read")) return new Response("Forbidden", { status: 403 });
  const { t, locale } = await getTranslator();
  const filter = resolutionFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return xlsxResponse(
    await writeResolutionsXlsx(user, filter, locale, t),
    `resolutions-${todayInTehran()}.xlsx`,
  );
}
