import { pageContext, pageTitle } from "@/lib/page";
import { agencyListView } from "@/lib/agencies/views";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { ButtonLink } from "@/components/ui/button";

export const generateMetadata = pageTitle("agencies.title");

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("case.read");
  const view = await agencyListView(user, await searchParams, t, locale);
  return (
    <ListPage
      title={t("agencies.title")}
      actions={view.canWrite && <ButtonLink href="/agencies/new">{t("agencies.newAgency")}</ButtonLink>}
      view={view}
      minWidth="md:min-w-[36rem]"
      t={t}
      locale={locale}
    />
  );
}
