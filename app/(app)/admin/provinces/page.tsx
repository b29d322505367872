import { pageTitle } from "@/lib/page";
import { provinceListView } from "@/lib/provinces/views";
import { listRoute } from "@/components/ui/list-route";
import { Card } from "@/components/ui/card";
import { ProvinceForm } from "@/components/provinces/province-form";

export const generateMetadata = pageTitle("provinces.admin.title");

export default listRoute(
  "province.manage",
  "provinces.admin.title",
  (user, _params, t, locale) => provinceListView(user, t, locale),
  (_view, { t }) => ({
    cardTitle: t("provinces.admin.list"),
    minWidth: "md:min-w-[36rem]",
    children: (
      <Card title={t("provinces.admin.newProvince")}>
        <ProvinceForm />
      </Card>
    ),
  }),
);
