import { pageTitle } from "@/lib/page";
import { agencyListView } from "@/lib/agencies/views";
import { listRoute } from "@/components/ui/list-route";
import { ButtonLink } from "@/components/ui/button";

export const generateMetadata = pageTitle("agencies.title");

export default listRoute("case.read", "agencies.title", agencyListView, (view, { t }) => ({
  actions: view.canWrite && <ButtonLink href="/agencies/new">{t("agencies.newAgency")}</ButtonLink>,
  minWidth: "md:min-w-[36rem]",
}));
