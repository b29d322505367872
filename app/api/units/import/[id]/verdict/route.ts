import { NotFound, route } from "@/lib/route";
import { UserFacingError } from "@/lib/mutation";
import { verdictWorkbook } from "@/lib/units/import";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The checked sheet with each row's verdict and messages, to fix and upload again. */
export const GET = route({ permission: "unit.write" }, async ({ user, locale, params }) => {
  try {
    const { bytes, fileName } = await verdictWorkbook(user, params.id ?? "", locale);
    return xlsxResponse(bytes, fileName);
  } catch (err) {
    // Another user's batch, or one removed after a week: the same answer as a missing one.
    if (err instanceof UserFacingError) throw new NotFound();
    throw err;
  }
});
