import { pageContext, pageTitle } from "@/lib/page";
import { unitListView } from "@/lib/units/views";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { ButtonLink } from "@/components/ui/button";
import { OperatingStatusBadge } from "@/components/units/badges";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("units.title");

export default async function UnitsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("case.read");
  const view = await unitListView(user, await searchParams, t, locale);
  return (
    <ListPage
      title={t("units.title")}
      actions={
        <>
          <ExportLinks href={view.exportHref} label={t("units.export")} t={t} />
          {view.canWrite && (
            <ButtonLink variant="secondary" href="/units/import">
              {t("units.import")}
            </ButtonLink>
          )}
          {view.canWrite && <ButtonLink href="/units/new">{t("units.newUnit")}</ButtonLink>}
        </>
      }
      view={view}
      render={{ status: (row) => <OperatingStatusBadge status={row.data.status} t={t} /> }}
      minWidth="md:min-w-[52rem]"
      t={t}
      locale={locale}
    />
  );
}
