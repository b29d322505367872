import { z } from "zod";
import { optionalJalaliDateField, text } from "@/lib/validation";

// The dashboard's filters arrive as URL search parameters, so a filtered view can be
// bookmarked, shared and exported. Unknown or malformed values are dropped rather than
// refused: a stale link still opens.
const optionalId = text().trim().min(1).max(64).optional().catch(undefined);

export const dashboardFilterSchema = z.object({
  body: z.enum(["WORKING_GROUP", "COMMITTEE"]).optional().catch(undefined),
  /** Session dates, entered as Jalali dates ("1404/03/01"), kept as ISO dates. */
  from: optionalJalaliDateField(),
  to: optionalJalaliDateField(),
  county: optionalId,
  sector: z.enum(["INDUSTRIAL", "MINING", "AGRICULTURAL", "SERVICES"]).optional().catch(undefined),
  category: optionalId,
  agency: optionalId,
});

export type DashboardFilters = Partial<z.infer<typeof dashboardFilterSchema>>;

export function parseDashboardFilters(
  params: Record<string, string | string[] | undefined>,
): DashboardFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return dashboardFilterSchema.parse(flat);
}
