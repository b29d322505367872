import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { verdictWorkbook } from "@/lib/units/import";
import { UserFacingError } from "@/lib/mutation";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The checked sheet with each row's verdict and messages, to fix and upload again. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "unit.write")) return new Response(null, { status: 403 });
  try {
    const { bytes, fileName } = await verdictWorkbook(user, (await params).id, user.locale);
    return xlsxResponse(bytes, fileName);
  } catch (err) {
    // Another user's batch, or one removed after a week: the same answer as a missing one.
    if (err instanceof UserFacingError) return new Response(null, { status: 404 });
    throw err;
  }
}
