import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { IMPORT_COLUMNS } from "@/lib/units/spreadsheet";
import { Card } from "@/components/ui/card";
import { ImportForm } from "@/components/units/import-form";
import { formatList } from "@/lib/i18n/format";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("unitImport.title") };
}

export default async function ImportUnitsPage() {
  await requirePermission("unit.write");
  const { t, locale } = await getTranslator();
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
