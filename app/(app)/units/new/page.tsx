import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { unitFormOptions } from "@/lib/units/queries";
import { Card } from "@/components/ui/card";
import { UnitForm } from "@/components/units/unit-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("units.newUnit") };
}

export default async function NewUnitPage() {
  const actor = await requirePermission("unit.write");
  const { t, locale } = await getTranslator();
  const { counties, parks } = await unitFormOptions(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("units.newUnit")}</h1>
      <Card>
        <UnitForm locale={locale} counties={counties} parks={parks} />
      </Card>
    </div>
  );
}
