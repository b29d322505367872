import { notFound } from "next/navigation";
import { pageContext, pageTitle } from "@/lib/page";
import { getUnitForObstacle, obstacleFormOptions } from "@/lib/obstacles/queries";
import { Card } from "@/components/ui/card";
import { ObstacleForm } from "@/components/obstacles/obstacle-form";

export const generateMetadata = pageTitle("units.addObstacle");

export default async function NewObstaclePage({ params }: { params: Promise<{ id: string }> }) {
  const { user: actor, t, locale } = await pageContext("obstacle.write");
  const [unit, { categories, agencies }] = await Promise.all([
    getUnitForObstacle(actor, (await params).id),
    obstacleFormOptions(actor),
  ]);
  if (!unit) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("obstacles.newObstacle", { unit: unit.name })}</h1>
      <Card>
        <ObstacleForm locale={locale} unitId={unit.id} categories={categories} agencies={agencies} />
      </Card>
    </div>
  );
}
