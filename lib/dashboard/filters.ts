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
  /**
   * How delays are counted: calendar days (the default) or working days — Fridays and the
   * province's days off left out (lib/calendar/sql.ts). A view choice, not a filter: it
   * changes the days-late figures, never which resolutions count.
   */
  late: z.enum(["calendar", "working"]).optional().catch(undefined),
});

export type DashboardFilters = Partial<z.infer<typeof dashboardFilterSchema>>;

export const SCORECARD_SORTS = ["onTime", "overdue", "daysLate", "issued", "absent", "name"] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

export function parseDashboardFilters(
  params: Record<string, string | string[] | undefined>,
): DashboardFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return dashboardFilterSchema.parse(flat);
}

/**
 * The view choices in a dashboard URL (how delays are counted, the scorecard's sort): not
 * filters, so the filter form carries them as they are, and "clear" keeps them.
 */
export function dashboardViewParams(params: Record<string, string | string[] | undefined>) {
  const kept: Record<string, string> = {};
  const { late, sort } = params;
  if (late === "working" || late === "calendar") kept.late = late;
  const known = SCORECARD_SORTS.find((s) => s === sort);
  if (known) kept.sort = known;
  return kept;
}
