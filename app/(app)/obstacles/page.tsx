import { pageContext, pageTitle } from "@/lib/page";
import { obstacleListView } from "@/lib/obstacles/views";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { ObstacleStatusBadge } from "@/components/units/badges";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("obstacles.title");

export default async function ObstaclesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("case.read");
  const view = await obstacleListView(user, await searchParams, t, locale);
  return (
    <ListPage
      title={t("obstacles.title")}
      actions={<ExportLinks href={view.exportHref} label={t("units.export")} t={t} />}
      view={view}
      render={{ status: (row) => <ObstacleStatusBadge status={row.data.status} t={t} /> }}
      minWidth="md:min-w-[56rem]"
      t={t}
      locale={locale}
    />
  );
}
