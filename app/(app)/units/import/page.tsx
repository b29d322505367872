import { pageContext, pageTitle } from "@/lib/page";
import { IMPORT_COLUMNS } from "@/lib/units/spreadsheet";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/units/import-form";
import { formatList } from "@/lib/i18n/format";

export const generateMetadata = pageTitle("unitImport.title");

export default async function ImportUnitsPage() {
  const { t, locale } = await pageContext("unit.write");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("unitImport.title")}</h1>
      <Card>
        <p className="mb-2 text-sm text-slate-700">{t("unitImport.intro")}</p>
        <p className="mb-4 text-sm">
          <span className="font-medium">{t("unitImport.columns")}:</span>{" "}
          {formatList(
            Object.values(IMPORT_COLUMNS).map((key) => t(key)),
            locale,
          )}
        </p>
        <ImportForm locale={locale} />
      </Card>
    </div>
  );
}
