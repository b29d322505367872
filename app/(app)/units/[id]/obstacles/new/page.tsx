import { Suspense } from "react";
import { notFound } from "next/navigation";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { getUnitForObstacle, obstacleFormOptions } from "@/lib/obstacles/queries";
import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/skeleton";
import { ObstacleForm } from "@/components/obstacles/obstacle-form";

export const generateMetadata = pageTitle("units.addObstacle");

export default async function NewObstaclePage({ params }: { params: Promise<{ id: string }> }) {
  const context = await pageContext("obstacle.write");
  // The unit first (one row: a 404 while the status can still say so), the form's lists behind
  // a skeleton.
  const unit = await getUnitForObstacle(context.user, (await params).id);
  if (!unit) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{context.t("obstacles.newObstacle", { unit: unit.name })}</h1>
      <Suspense fallback={<PageSkeleton shape="form" title={false} />}>
        <NewObstacleForm context={context} unitId={unit.id} />
      </Suspense>
    </div>
  );
}

async function NewObstacleForm({
  context: { user, locale },
  unitId,
}: {
  context: PageContext;
  unitId: string;
}) {
  const { categories, agencies } = await obstacleFormOptions(user);
  return (
    <Card>
      <ObstacleForm locale={locale} unitId={unitId} categories={categories} agencies={agencies} />
    </Card>
  );
}
