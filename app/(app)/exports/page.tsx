import { pageTitle } from "@/lib/page";
import { exportJobListView } from "@/lib/exports/views";
import { listRoute } from "@/components/ui/list-route";
import { AutoRefresh } from "@/components/exports/auto-refresh";
import { exportJobCells } from "@/components/exports/export-job-list";

export const generateMetadata = pageTitle("exports.title");

export default listRoute("case.read", "exports.title", exportJobListView, (view, { t }) => ({
  intro: t("exports.intro"),
  render: exportJobCells,
  children: <AutoRefresh active={view.active} />,
}));
