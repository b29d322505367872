import { pageTitle } from "@/lib/page";
import { resolutionListView } from "@/lib/resolutions/views";
import { listRoute } from "@/components/ui/list-route";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { ResolutionFilters } from "@/components/resolutions/resolution-filters";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("nav.resolutions");

export default listRoute("case.read", "nav.resolutions", resolutionListView, (view, { t, locale }) => ({
  intro: t("resolutions.registerIntro"),
  // Plain links: the route handler streams the file with the same filters, or queues it.
  actions: <ExportLinks href={view.exportHref} label={t("resolutions.exportXlsx")} t={t} />,
  liveTotal: true,
  filterForm: (
    <ResolutionFilters
      action="/resolutions"
      values={view.values}
      options={view.options}
      locale={locale}
      t={t}
      full
    />
  ),
  table: <ResolutionTable items={view.items} locale={locale} t={t} empty={view.empty} />,
}));
