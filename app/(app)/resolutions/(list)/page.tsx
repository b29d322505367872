import { pageContext, pageTitle } from "@/lib/page";
import { resolutionListView } from "@/lib/resolutions/views";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { ResolutionFilters } from "@/components/resolutions/resolution-filters";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("nav.resolutions");

export default async function ResolutionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("case.read");
  const view = await resolutionListView(user, await searchParams, t, locale);
  return (
    <ListPage
      title={t("nav.resolutions")}
      intro={t("resolutions.registerIntro")}
      // Plain links: the route handler streams the file with the same filters, or queues it.
      actions={<ExportLinks href={view.exportHref} label={t("resolutions.exportXlsx")} t={t} />}
      view={view}
      liveTotal
      filterForm={
        <ResolutionFilters
          action="/resolutions"
          values={view.values}
          options={view.options}
          locale={locale}
          t={t}
          full
        />
      }
      table={<ResolutionTable items={view.items} locale={locale} t={t} empty={view.empty} />}
      t={t}
      locale={locale}
    />
  );
}
