import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { translator, type Locale } from "@/lib/i18n/messages";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import type { TableExport } from "@/lib/reports/table";
import { resolutionsExport } from "@/lib/resolutions/export";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { obstaclesExport, unitsExport } from "@/lib/units/export";
import { unitFiltersSchema } from "@/lib/units/schema";
import type { ExportKind } from "./schema";

/**
 * The export of one kind for these filters, parsed by the same schema as the list's page,
 * so a download, a background job and the page on screen always hold the same rows.
 */
export function buildExport(
  kind: ExportKind,
  actor: Actor,
  params: Record<string, string>,
  locale: Locale,
): TableExport {
  switch (kind) {
    case "resolutions":
      return resolutionsExport(actor, resolutionFilterSchema.parse(params), locale, translator(locale));
    case "units":
      return unitsExport(actor, unitFiltersSchema.parse(params), locale);
    case "obstacles":
      return obstaclesExport(actor, obstacleFiltersSchema.parse(params), locale);
  }
}
