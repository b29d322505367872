import { notFound } from "next/navigation";
import { pageContext, pageTitle } from "@/lib/page";
import { getUnitForEdit, unitFormOptions } from "@/lib/units/queries";
import { Card } from "@/components/ui/card";
import { UnitForm } from "@/components/units/unit-form";

export const generateMetadata = pageTitle("units.editUnit");

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: actor, t, locale } = await pageContext("unit.write");
  const [unit, { counties, parks }] = await Promise.all([
    getUnitForEdit(actor, (await params).id),
    unitFormOptions(actor),
  ]);
  if (!unit) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {t("units.editUnit")}: {unit.name}
      </h1>
      <Card>
        <UnitForm locale={locale} unit={unit} counties={counties} parks={parks} />
      </Card>
    </div>
  );
}
