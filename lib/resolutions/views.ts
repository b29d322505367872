// What the resolution register shows (app/(app)/resolutions/(list)/page.tsx). Its filter form
// and table are the domain's own (components/resolutions/), shared with the desks and the
// dashboard; the page frame, count and page links are the list primitives'.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { listHref } from "@/lib/units/url";
import { oneParam, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import { listResolutions, resolutionFilterOptions } from "./queries";
import { resolutionFilterSchema } from "./schema";

/** The register's filters, as the URL carries them. */
export const RESOLUTION_FILTER_FIELDS = [
  "agencyId",
  "status",
  "overdue",
  "meetingId",
  "unitId",
  "categoryId",
  "from",
  "to",
] as const;

export async function resolutionListView(
  actor: Actor,
  searchParams: SearchParams,
  t: Translate,
  locale: Locale,
) {
  const values: Record<string, string | undefined> = Object.fromEntries(
    RESOLUTION_FILTER_FIELDS.map((k) => [k, oneParam(searchParams, k)]),
  );
  const filter = resolutionFilterSchema.parse({ ...values, page: oneParam(searchParams, "page") });
  const filtered = RESOLUTION_FILTER_FIELDS.some((k) => values[k]);
  const [{ items, total, page, pages }, options] = await Promise.all([
    listResolutions(actor, filter),
    resolutionFilterOptions({ actor, locale, t }, filter),
  ]);
  const view: ListView<never> = {
    columns: [],
    rows: [],
    total: totalLabel(total, t, locale),
    empty: filtered ? t("resolutions.noMatches") : t("home.agencyEmpty"),
    page,
    pages,
    pageHref: (p) => listHref("/resolutions", values, { page: p }),
  };
  return { ...view, values, options, items, exportHref: listHref("/api/resolutions/export", values) };
}
