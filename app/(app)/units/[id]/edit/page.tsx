import { pageTitle } from "@/lib/page";
import { getUnitForEdit, unitFormOptions } from "@/lib/units/queries";
import { recordFormPage, type RecordProps } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { UnitForm } from "@/components/units/unit-form";

export const generateMetadata = pageTitle("units.editUnit");

// The unit first (one row: a 404 while the status can still say so), the form's lists behind a
// skeleton.
export default recordFormPage({
  action: "unit.write",
  load: getUnitForEdit,
  heading: (unit, t) => `${t("units.editUnit")}: ${unit.name}`,
  body: EditUnitForm,
});

async function EditUnitForm({ context: { user, locale }, record: unit }: RecordProps<typeof getUnitForEdit>) {
  const { counties, parks } = await unitFormOptions(user);
  return (
    <Card>
      <UnitForm locale={locale} unit={unit} counties={counties} parks={parks} />
    </Card>
  );
}
