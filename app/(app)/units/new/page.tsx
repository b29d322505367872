import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { unitFormOptions } from "@/lib/units/queries";
import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/skeleton";
import { UnitForm } from "@/components/units/unit-form";

export const generateMetadata = pageTitle("units.newUnit");

export default async function NewUnitPage() {
  const context = await pageContext("unit.write");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{context.t("units.newUnit")}</h1>
      <Suspense fallback={<PageSkeleton shape="form" title={false} />}>
        <NewUnitForm context={context} />
      </Suspense>
    </div>
  );
}

async function NewUnitForm({ context: { user, locale } }: { context: PageContext }) {
  const { counties, parks } = await unitFormOptions(user);
  return (
    <Card>
      <UnitForm locale={locale} counties={counties} parks={parks} />
    </Card>
  );
}
