import { Suspense } from "react";
import { notFound } from "next/navigation";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { getUnitForEdit, unitFormOptions } from "@/lib/units/queries";
import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/skeleton";
import { UnitForm } from "@/components/units/unit-form";

export const generateMetadata = pageTitle("units.editUnit");

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await pageContext("unit.write");
  const { t } = context;
  // The unit first (one row: a 404 while the status can still say so), the form's lists behind
  // a skeleton.
  const unit = await getUnitForEdit(context.user, (await params).id);
  if (!unit) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {t("units.editUnit")}: {unit.name}
      </h1>
      <Suspense fallback={<PageSkeleton shape="form" title={false} />}>
        <EditUnitForm context={context} unit={unit} />
      </Suspense>
    </div>
  );
}

async function EditUnitForm({
  context: { user, locale },
  unit,
}: {
  context: PageContext;
  unit: NonNullable<Awaited<ReturnType<typeof getUnitForEdit>>>;
}) {
  const { counties, parks } = await unitFormOptions(user);
  return (
    <Card>
      <UnitForm locale={locale} unit={unit} counties={counties} parks={parks} />
    </Card>
  );
}
