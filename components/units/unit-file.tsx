// The sections of a unit's file (app/(app)/units/[id]/page.tsx): each draws what the page has
// already read and decided; none reads the database.
import Link from "next/link";
import {
  formatDate,
  formatNumber,
  formatRials,
  localName,
  formatList,
  formatDigits,
  formatPercent,
  formatParts,
} from "@/lib/i18n/format";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import type { getUnitFile } from "@/lib/units/queries";
import { archiveUnitAction } from "@/lib/units/actions";
import { changeObstacleStatusAction } from "@/lib/obstacles/actions";
import { MANUAL_OBSTACLE_TRANSITIONS } from "@/lib/obstacles/transitions";
import type { TimelineEntry } from "@/lib/units/timeline";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { meetingTitle } from "@/lib/meetings/title";
import { ObstacleStatusBadge, OperatingStatusBadge } from "@/components/units/badges";
import { StatusChangeForm } from "@/components/units/status-change-form";
import { CloseCaseForm } from "@/components/outcomes/close-case-form";
import { AttachmentUpload } from "@/components/obstacles/attachment-upload";

export type UnitFileData = NonNullable<Awaited<ReturnType<typeof getUnitFile>>>;
type Unit = UnitFileData["unit"];
type Obstacle = UnitFileData["obstacles"][number];
type Words = { t: Translate; locale: Locale };
/** What the viewer may change: the unit (edit, archive, status, closure) and its obstacles. */
type Writes = { writeUnits: boolean; writeObstacles: boolean };

export function UnitHeader({
  unit,
  live,
  writeUnits,
  writeObstacles,
  t,
}: Writes & { unit: Unit; live: boolean; t: Translate }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{unit.name}</h1>
        <OperatingStatusBadge status={unit.status} t={t} />
        {!live && (
          <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">{t("units.archivedBadge")}</span>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {writeObstacles && (
          <ButtonLink href={`/units/${unit.id}/obstacles/new`}>{t("units.addObstacle")}</ButtonLink>
        )}
        {writeUnits && (
          <ButtonLink variant="secondary" href={`/units/${unit.id}/edit`}>
            {t("common.edit")}
          </ButtonLink>
        )}
        {writeUnits && (
          <ConfirmForm
            action={archiveUnitAction}
            fields={{ id: unit.id }}
            label={t("units.archive")}
            question={t("units.confirmArchive", { name: unit.name })}
            confirmLabel={t("units.archive")}
            variant="danger"
          />
        )}
      </div>
    </div>
  );
}

function unitDetails(unit: Unit, t: Translate, locale: Locale): [string, React.ReactNode][] {
  return [
    // Digits one by one: an id is not a quantity (no separators, leading zeros kept).
    [t("units.nationalId"), unit.nationalId ? formatDigits(unit.nationalId, locale) : t("common.none")],
    [t("units.sector"), t(`sector.${unit.sector}`)],
    [t("units.activity"), unit.activity ?? t("common.none")],
    [t("units.county"), localName(unit.county, locale)],
    [t("units.industrialPark"), unit.industrialPark ?? t("common.none")],
    [t("units.employees"), unit.employees === null ? t("common.none") : formatNumber(unit.employees, locale)],
    [
      t("units.capacityUsePct"),
      unit.capacityUsePct === null ? t("common.none") : formatPercent(unit.capacityUsePct, locale),
    ],
    [t("units.managerName"), unit.managerName ?? t("common.none")],
    [
      t("units.phone"),
      unit.phone ? (
        <span dir="ltr" className="inline-block">
          {formatDigits(unit.phone, locale)}
        </span>
      ) : (
        t("common.none")
      ),
    ],
    [t("units.address"), unit.address ?? t("common.none")],
  ];
}

/** The unit's details, its last closure, and (for a writer) the status and closure forms beside them. */
export function UnitDetails({ unit, writeUnits, t, locale }: Words & { unit: Unit; writeUnits: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title={t("units.details")} className="lg:col-span-2">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {unitDetails(unit, t, locale).map(([label, value]) => (
            <div key={label} className="flex gap-2">
              <dt className="text-slate-600">{label}:</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {unit.closures[0] && (
          <p className="mt-3 text-sm font-medium" data-testid="case-outcome">
            {t("outcomes.closure.last", {
              outcome: t(`outcomes.closure.outcome.${unit.closures[0].outcome}`),
              date: formatDate(unit.closures[0].closedOn, locale),
            })}
          </p>
        )}
      </Card>
      {writeUnits && (
        <Card title={t("units.changeStatus")}>
          <StatusChangeForm
            unitId={unit.id}
            current={unit.status}
            today={formatDate(new Date(), locale, { style: "short" })}
          />
        </Card>
      )}
      {writeUnits && (
        <Card title={t("outcomes.closure.title")} className="lg:col-start-3">
          <CloseCaseForm unitId={unit.id} />
        </Card>
      )}
    </div>
  );
}

export function ObstaclesCard({
  unitId,
  obstacles,
  writeObstacles,
  t,
  locale,
}: Words & { unitId: string; obstacles: Obstacle[]; writeObstacles: boolean }) {
  return (
    <Card title={t("obstacles.title")}>
      {obstacles.length === 0 ? (
        <EmptyState>{t("obstacles.noObstacles")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {obstacles.map((o) => (
            <ObstacleItem
              key={o.id}
              o={o}
              unitId={unitId}
              writeObstacles={writeObstacles}
              t={t}
              locale={locale}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ObstacleItem({
  o,
  unitId,
  writeObstacles,
  t,
  locale,
}: Words & { o: Obstacle; unitId: string; writeObstacles: boolean }) {
  return (
    <li className="space-y-2 py-3" aria-label={o.description}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <ObstacleStatusBadge status={o.status} t={t} />
        <span className="font-medium">
          {localName(o.category, locale)}
          {o.subCategory ? ` / ${localName(o.subCategory, locale)}` : ""}
        </span>
        <span className="text-slate-500">{formatDate(o.createdAt, locale, { style: "short" })}</span>
        {o.amountRials !== null && (
          <span className="text-slate-700">{formatRials(o.amountRials, locale)}</span>
        )}
      </div>
      <p className="text-sm">{o.description}</p>
      {o.agencies.length > 0 && (
        <p className="text-xs text-slate-600">
          {t("obstacles.agencies")}:{" "}
          {formatList(
            o.agencies.map((a) => localName(a.agency, locale)),
            locale,
          )}
        </p>
      )}
      {o.resolutions.length > 0 && (
        <div className="text-xs">
          <p className="font-medium text-slate-700">{t("obstacles.answeredBy")}:</p>
          <ul className="list-disc ps-5">
            {o.resolutions.map(({ resolution: r }) => (
              <li key={r.id}>
                <Link
                  href={`/resolutions/${r.id}`}
                  className="text-brand-700 underline-offset-4 hover:underline"
                >
                  {r.text}
                </Link>{" "}
                — {localName(r.responsibleAgency, locale)} — {t(`resolutionStatus.${r.status}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap gap-3 text-xs">
        {o.attachments.map((a) => (
          <a
            key={a.id}
            href={`/api/attachments/${a.id}`}
            className="text-brand-700 underline"
            aria-label={t("obstacles.download", { name: a.fileName })}
          >
            {a.fileName}
          </a>
        ))}
      </div>
      {writeObstacles && (
        <div className="flex flex-wrap items-start gap-2">
          {MANUAL_OBSTACLE_TRANSITIONS[o.status]
            .filter((to) => to !== "RESOLVED" || o.unverifiedResolutions === 0)
            .map((to) => (
              <ConfirmForm
                key={to}
                action={changeObstacleStatusAction}
                fields={{ id: o.id, from: o.status, to, unitId }}
                label={t("obstacles.moveTo", { status: t(`obstacleStatus.${to}`) })}
                question={t("obstacles.confirmMove", { status: t(`obstacleStatus.${to}`) })}
                confirmLabel={t("common.confirm")}
              />
            ))}
          <AttachmentUpload obstacleId={o.id} unitId={unitId} />
        </div>
      )}
    </li>
  );
}

export function TimelineCard({ timeline, t, locale }: Words & { timeline: TimelineEntry[] }) {
  return (
    <Card title={t("units.timeline")}>
      {timeline.length === 0 ? (
        <EmptyState>{t("units.timelineEmpty")}</EmptyState>
      ) : (
        <ol className="space-y-3">
          {timeline.map((entry) => (
            <TimelineRow key={entry.key} entry={entry} t={t} locale={locale} />
          ))}
        </ol>
      )}
    </Card>
  );
}

const KIND_LABEL = {
  obstacle: "units.kindObstacle",
  agenda: "units.kindAgenda",
  resolution: "units.kindResolution",
  progress: "units.kindProgress",
  status: "units.kindStatus",
} as const satisfies Record<TimelineEntry["kind"], MessageKey>;

function TimelineRow({ entry, t, locale }: { entry: TimelineEntry; t: Translate; locale: Locale }) {
  return (
    <li
      className={`rounded-md border p-3 text-sm ${entry.open ? "border-amber-300 bg-amber-50/40" : "border-slate-200"}`}
    >
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{t(KIND_LABEL[entry.kind])}</span>
        <time dateTime={entry.at.toISOString()}>{formatDate(entry.at, locale)}</time>
        {/* Open/closed is a state of obstacles and resolutions; on a status change or a report it means nothing. */}
        {(entry.kind === "obstacle" || entry.kind === "resolution") && (
          <span className={entry.open ? "text-amber-800" : "text-slate-500"}>
            {entry.open ? t("units.openItem") : t("units.closedItem")}
          </span>
        )}
      </div>
      <p>
        <TimelineText entry={entry} t={t} locale={locale} />
      </p>
    </li>
  );
}

/** What happened, in words: the obstacle, the session's outcome, the resolution, the report, the status change. */
function TimelineText({ entry, t, locale }: { entry: TimelineEntry; t: Translate; locale: Locale }) {
  switch (entry.kind) {
    case "obstacle":
      return (
        <>
          {localName(entry.obstacle.category, locale)}: {entry.obstacle.description} —{" "}
          {t(`obstacleStatus.${entry.obstacle.status}`)}
        </>
      );
    case "agenda":
      return (
        <>
          {meetingTitle(entry.item.meeting, locale, t)}
          {entry.item.outcome &&
            ` — ${t("units.outcome", { outcome: t(`agendaOutcome.${entry.item.outcome}`) })}`}
        </>
      );
    case "resolution":
      return (
        <>
          {formatParts(
            [
              `${entry.resolution.text} — ${localName(entry.resolution.responsibleAgency, locale)}`,
              `${t("resolution.deadline")}: ${formatDate(entry.resolution.deadline, locale, { style: "short" })}`,
            ],
            locale,
          )}{" "}
          — {t(`resolutionStatus.${entry.resolution.status}`)}
        </>
      );
    case "progress":
      // Reports imported or written before authors were kept have none: show the note alone.
      return (
        <>
          {entry.report.author
            ? t("units.progressBy", { author: entry.report.author.name, note: entry.report.note })
            : entry.report.note}{" "}
          ({t(`resolutionStatus.${entry.report.toStatus}`)})
        </>
      );
    case "status":
      return (
        <>
          {entry.change.fromStatus
            ? t("units.statusChangeText", {
                from: t(`operatingStatus.${entry.change.fromStatus}`),
                to: t(`operatingStatus.${entry.change.toStatus}`),
              })
            : `${t("units.initialStatus")}: ${t(`operatingStatus.${entry.change.toStatus}`)}`}
          {entry.change.reason && ` — ${entry.change.reason}`}
          {entry.change.cause && ` (${t(`outcomes.cause.${entry.change.cause}`)})`}
        </>
      );
  }
}
