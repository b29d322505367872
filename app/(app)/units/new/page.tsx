import { pageContext, pageTitle } from "@/lib/page";
import { unitFormOptions } from "@/lib/units/queries";
import { Card } from "@/components/ui/card";
import { UnitForm } from "@/components/units/unit-form";

export const generateMetadata = pageTitle("units.newUnit");

export default async function NewUnitPage() {
  const { user: actor, t, locale } = await pageContext("unit.write");
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
