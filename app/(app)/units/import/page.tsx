import { pageContext, pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/units/import-form";

export const generateMetadata = pageTitle("unitImport.title");

export default async function ImportUnitsPage() {
  const { t, locale } = await pageContext("unit.write");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("unitImport.title")}</h1>
      <Card>
        <p className="mb-4 text-sm text-slate-700">{t("unitImport.intro")}</p>
        <ImportForm locale={locale} />
      </Card>
    </div>
  );
}
