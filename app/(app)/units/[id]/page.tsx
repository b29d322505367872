import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { getUnitFile, unitInReach } from "@/lib/units/queries";
import { RecordHistory } from "@/components/audit/audit-event-list";
import { ObstaclesCard, TimelineCard, UnitDetails, UnitHeader } from "@/components/units/unit-file";

export const generateMetadata = pageTitle("units.details");

async function UnitFile({ context, record: file }: RecordProps<typeof getUnitFile>) {
  const { user: actor, t, locale } = context;
  const { unit, obstacles, timeline } = file;
  const live = unit.archivedAt === null;
  const writeUnits = live && can(actor, "unit.write", { provinceId: unit.provinceId });
  const writeObstacles = live && can(actor, "obstacle.write", { provinceId: unit.provinceId });
  return (
    <div className="space-y-6">
      <UnitHeader unit={unit} live={live} writeUnits={writeUnits} writeObstacles={writeObstacles} t={t} />
      <UnitDetails unit={unit} writeUnits={writeUnits} t={t} locale={locale} />
      <ObstaclesCard
        unitId={unit.id}
        obstacles={obstacles}
        writeObstacles={writeObstacles}
        t={t}
        locale={locale}
      />
      <TimelineCard timeline={timeline} t={t} locale={locale} />
      <RecordHistory
        actor={actor}
        record={{
          provinceId: unit.provinceId,
          entities: [
            { type: "ProductionUnit", ids: [unit.id] },
            { type: "Obstacle", ids: obstacles.map((o) => o.id) },
          ],
        }}
        t={t}
        locale={locale}
      />
    </div>
  );
}

// One cheap look-up before the file streams in behind its skeleton: an unknown id is a 404 only
// while the status has not been sent.
export default recordPage({
  action: "case.read",
  inReach: unitInReach,
  skeleton: "detail",
  load: getUnitFile,
  body: UnitFile,
});
