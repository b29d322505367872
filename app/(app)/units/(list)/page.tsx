import { pageTitle } from "@/lib/page";
import { unitListView } from "@/lib/units/views";
import { listRoute } from "@/components/ui/list-route";
import { ButtonLink } from "@/components/ui/button";
import { OperatingStatusBadge } from "@/components/units/badges";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("units.title");

export default listRoute("case.read", "units.title", unitListView, (view, { t }) => ({
  actions: (
    <>
      <ExportLinks href={view.exportHref} label={t("units.export")} t={t} />
      {view.canWrite && (
        <ButtonLink variant="secondary" href="/units/import">
          {t("units.import")}
        </ButtonLink>
      )}
      {view.canWrite && <ButtonLink href="/units/new">{t("units.newUnit")}</ButtonLink>}
    </>
  ),
  render: { status: (row) => <OperatingStatusBadge status={row.data.status} t={t} /> },
  minWidth: "md:min-w-[52rem]",
}));
