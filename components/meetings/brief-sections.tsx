import { formatDate, formatNumber, localName, formatList, formatPercent } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { getChairBrief } from "@/lib/meetings/queries";
import { daysUntil } from "@/lib/resolutions/queries";
import { meetingTitle } from "@/lib/meetings/title";
import { obstacleView } from "@/lib/meetings/views";
import { TableHead } from "@/components/ui/table-head";

// One unit of the chair's brief (app/(app)/meetings/[id]/brief/page.tsx): its facts, its open
// obstacles, the earlier resolutions about it and how each fared, the agencies concerned.

type AgendaItem = NonNullable<Awaited<ReturnType<typeof getChairBrief>>>["agendaItems"][number];
type Unit = AgendaItem["unit"];
type Speech = { t: Translate; locale: Locale };

export function UnitBrief({ item, index, t, locale }: Speech & { item: AgendaItem; index: number }) {
  const n = (v: number) => formatNumber(v, locale);
  const unit = item.unit;
  const agencies = new Map<string, string>();
  for (const o of unit.obstacles)
    for (const { agency } of o.agencies) agencies.set(agency.id, localName(agency, locale));
  for (const r of unit.resolutions)
    if (r.status !== "VERIFIED" && r.status !== "CANCELLED")
      agencies.set(r.responsibleAgency.id, localName(r.responsibleAgency, locale));
  return (
    <section
      id={`unit-${item.id}`}
      aria-labelledby={`unit-${item.id}-title`}
      className="unit-brief space-y-3 rounded-md border border-slate-200 p-4"
    >
      <h2 id={`unit-${item.id}-title`} className="text-lg font-bold">
        {n(index + 1)}. {unit.name}
      </h2>
      <UnitFacts unit={unit} t={t} locale={locale} />
      <h3 className="font-semibold">{t("meetings.brief.openObstacles")}</h3>
      <ol className="list-decimal space-y-0.5 ps-6 text-sm">
        {unit.obstacles.map((o) => {
          const v = obstacleView(o, locale);
          return (
            <li key={o.id}>
              {v.description}
              {v.amount && ` (${v.amount})`} —{" "}
              <span className="text-slate-600">{t(`obstacleStatus.${o.status}`)}</span>
            </li>
          );
        })}
      </ol>
      <h3 className="font-semibold">{t("meetings.brief.earlierResolutions")}</h3>
      <EarlierResolutions unit={unit} t={t} locale={locale} />
      <p className="text-sm">
        <span className="font-semibold">{t("meetings.brief.agencies")}: </span>
        {agencies.size > 0 ? formatList([...agencies.values()], locale) : t("common.none")}
      </p>
    </section>
  );
}

function UnitFacts({ unit, t, locale }: Speech & { unit: Unit }) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-3">
      <div>
        <dt className="text-slate-600">{t("meetings.brief.county")}</dt>
        <dd>{localName(unit.county, locale)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("meetings.brief.sector")}</dt>
        <dd>
          {t(`sector.${unit.sector}`)}
          {unit.activity && ` — ${unit.activity}`}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("meetings.brief.operatingStatus")}</dt>
        <dd>{t(`operatingStatus.${unit.status}`)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("meetings.brief.employees")}</dt>
        <dd>{unit.employees === null ? t("common.none") : n(unit.employees)}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("meetings.brief.capacity")}</dt>
        <dd>
          {unit.capacityUsePct === null ? t("common.none") : formatPercent(unit.capacityUsePct, locale)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("meetings.brief.manager")}</dt>
        <dd>{unit.managerName ?? t("common.none")}</dd>
      </div>
    </dl>
  );
}

/** The unit's earlier resolutions: met, not met (deadline passed) or pending. */
function EarlierResolutions({ unit, t, locale }: Speech & { unit: Unit }) {
  const n = (v: number) => formatNumber(v, locale);
  const fate = (r: { status: string; deadline: Date }) => {
    if (r.status === "VERIFIED" || r.status === "DONE_REPORTED")
      return { text: t("meetings.brief.met"), tone: "text-emerald-700" };
    if (r.status === "CANCELLED") return { text: t("resolutionStatus.CANCELLED"), tone: "text-slate-600" };
    return daysUntil(r.deadline) < 0
      ? { text: t("meetings.brief.notMet"), tone: "text-red-700" }
      : { text: t("meetings.brief.pending"), tone: "text-slate-700" };
  };
  return (
    <>
      {unit.resolutions.length === 0 ? (
        <p className="text-sm text-slate-600">{t("meetings.brief.noEarlier")}</p>
      ) : (
        <table className="w-full text-sm">
          <TableHead
            compact
            className="border-b border-slate-200"
            labels={[
              t("resolution.text"),
              t("resolution.agency"),
              t("resolution.deadline"),
              t("resolution.status"),
            ]}
          />
          <tbody>
            {unit.resolutions.map((r) => {
              const f = fate(r);
              return (
                <tr key={r.id} className="border-b border-slate-100 align-top">
                  <td className="p-1">
                    {r.text}
                    <span className="block text-xs text-slate-500">{meetingTitle(r.meeting, locale, t)}</span>
                    {r.obstacles.length > 0 && (
                      <span className="block text-xs text-slate-600">
                        {t("meetings.minutes.answers", {
                          // An open obstacle by its number in the list above; a closed one by its words.
                          list: formatList(
                            r.obstacles.map(({ obstacle }) => {
                              const at = unit.obstacles.findIndex((o) => o.id === obstacle.id);
                              return at >= 0 ? n(at + 1) : `«${obstacle.description}»`;
                            }),
                            locale,
                          ),
                        })}
                      </span>
                    )}
                  </td>
                  <td className="p-1">{localName(r.responsibleAgency, locale)}</td>
                  <td className="whitespace-nowrap p-1">
                    {formatDate(r.deadline, locale, { style: "short" })}
                  </td>
                  <td className={`p-1 font-medium ${f.tone}`}>{f.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
