import { pageTitle } from "@/lib/page";
import { obstacleListView } from "@/lib/obstacles/views";
import { listRoute } from "@/components/ui/list-route";
import { ObstacleStatusBadge } from "@/components/units/badges";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("obstacles.title");

export default listRoute("case.read", "obstacles.title", obstacleListView, (view, { t }) => ({
  actions: <ExportLinks href={view.exportHref} label={t("units.export")} t={t} />,
  render: { status: (row) => <ObstacleStatusBadge status={row.data.status} t={t} /> },
  minWidth: "md:min-w-[56rem]",
}));
