import { pageContext, pageTitle } from "@/lib/page";
import { provinceListView } from "@/lib/provinces/views";
import { ListPage } from "@/components/ui/list";
import { Card } from "@/components/ui/card";
import { ProvinceForm } from "@/components/provinces/province-form";

export const generateMetadata = pageTitle("provinces.admin.title");

export default async function ProvincesAdminPage() {
  const { user, t, locale } = await pageContext("province.manage");
  const view = await provinceListView(user, t, locale);
  return (
    <ListPage
      title={t("provinces.admin.title")}
      cardTitle={t("provinces.admin.list")}
      view={view}
      minWidth="md:min-w-[36rem]"
      t={t}
      locale={locale}
    >
      <Card title={t("provinces.admin.newProvince")}>
        <ProvinceForm />
      </Card>
    </ListPage>
  );
}
