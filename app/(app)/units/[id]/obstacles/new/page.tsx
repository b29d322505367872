import { pageTitle } from "@/lib/page";
import { getUnitForObstacle, obstacleFormOptions } from "@/lib/obstacles/queries";
import { recordFormPage, type RecordProps } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { ObstacleForm } from "@/components/obstacles/obstacle-form";

export const generateMetadata = pageTitle("units.addObstacle");

// The unit first (one row: a 404 while the status can still say so), the form's lists behind a
// skeleton.
export default recordFormPage({
  action: "obstacle.write",
  load: getUnitForObstacle,
  heading: (unit, t) => t("obstacles.newObstacle", { unit: unit.name }),
  body: NewObstacleForm,
});

async function NewObstacleForm({
  context: { user, locale },
  record: unit,
}: RecordProps<typeof getUnitForObstacle>) {
  const { categories, agencies } = await obstacleFormOptions(user);
  return (
    <Card>
      <ObstacleForm locale={locale} unitId={unit.id} categories={categories} agencies={agencies} />
    </Card>
  );
}
