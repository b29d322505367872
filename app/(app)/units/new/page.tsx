import { pageTitle, type PageContext } from "@/lib/page";
import { unitFormOptions } from "@/lib/units/queries";
import { formPage } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { UnitForm } from "@/components/units/unit-form";

export const generateMetadata = pageTitle("units.newUnit");

export default formPage({ action: "unit.write", title: "units.newUnit", body: NewUnitForm });

async function NewUnitForm({ context: { user, locale } }: { context: PageContext }) {
  const { counties, parks } = await unitFormOptions(user);
  return (
    <Card>
      <UnitForm locale={locale} counties={counties} parks={parks} />
    </Card>
  );
}
