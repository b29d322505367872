import { pageTitle } from "@/lib/page";
import { formPage } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/units/import-form";

export const generateMetadata = pageTitle("unitImport.title");

export default formPage({
  action: "unit.write",
  title: "unitImport.title",
  body: ({ context: { t, locale } }) => (
    <Card>
      <p className="mb-4 text-sm text-slate-700">{t("unitImport.intro")}</p>
      <ImportForm locale={locale} />
    </Card>
  ),
});
