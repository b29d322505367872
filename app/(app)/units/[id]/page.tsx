import { notFound } from "next/navigation";
import { recordPage } from "@/components/ui/record-page";
import { pageTitle, type PageContext } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { getUnitFile, unitInReach } from "@/lib/units/queries";
import { recordHistory } from "@/lib/audit/queries";
import { HistorySection } from "@/components/audit/audit-event-list";
import { Card, EmptyState } from "@/components/ui/card";
import { ObstacleItem, UnitDetails, UnitHeader, UnitTimeline } from "@/components/units/unit-file";

export const generateMetadata = pageTitle("units.details");

export default recordPage({ action: "case.read", inReach: unitInReach, skeleton: "detail", body: UnitFile });

async function UnitFile({ context, id }: { context: PageContext; id: string }) {
  const { user: actor, t, locale } = context;
  const file = await getUnitFile(actor, id);
  if (!file) notFound();
  const { unit, obstacles, timeline } = file;
  const history = await recordHistory(actor, {
    provinceId: unit.provinceId,
    entities: [
      { type: "ProductionUnit", ids: [unit.id] },
      { type: "Obstacle", ids: obstacles.map((o) => o.id) },
    ],
  });
  const live = unit.archivedAt === null;
  const writeUnits = live && can(actor, "unit.write", { provinceId: unit.provinceId });
  const writeObstacles = live && can(actor, "obstacle.write", { provinceId: unit.provinceId });
  return (
    <div className="space-y-6">
      <UnitHeader unit={unit} live={live} writeUnits={writeUnits} writeObstacles={writeObstacles} t={t} />
      <UnitDetails unit={unit} writeUnits={writeUnits} t={t} locale={locale} />
      <Card title={t("obstacles.title")}>
        {obstacles.length === 0 ? (
          <EmptyState>{t("obstacles.noObstacles")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {obstacles.map((o) => (
              <ObstacleItem
                key={o.id}
                o={o}
                unitId={unit.id}
                writeObstacles={writeObstacles}
                t={t}
                locale={locale}
              />
            ))}
          </ul>
        )}
      </Card>
      <UnitTimeline timeline={timeline} t={t} locale={locale} />
      <HistorySection events={history} t={t} locale={locale} />
    </div>
  );
}
