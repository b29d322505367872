import Link from "next/link";
import { formatDateTime, formatNumber, formatRials, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { chairHome } from "@/lib/dashboard/chair";
import { meetingTitle } from "@/lib/meetings/title";
import { Card, EmptyState } from "@/components/ui/card";
import { ResolutionTable } from "@/components/resolutions/resolution-table";

// The chair's desk (app/(app)/chair/page.tsx): the next session with its agenda, and the last
// session with what became of its resolutions.

type ChairHome = Awaited<ReturnType<typeof chairHome>>;
type Speech = { t: Translate; locale: Locale };

export function NextMeetingCard({
  upcoming,
  agenda,
  t,
  locale,
}: Speech & { upcoming: ChairHome["upcoming"]; agenda: ChairHome["agenda"] }) {
  return (
    <Card title={t("home.nextMeeting")}>
      {upcoming ? (
        <div className="space-y-3 text-sm">
          <p className="font-semibold">{meetingTitle(upcoming, locale, t)}</p>
          <p>
            {formatDateTime(upcoming.startsAt, locale)}
            {upcoming.place && <span className="text-slate-600"> — {upcoming.place}</span>}
          </p>
          <p>
            <Link
              href={`/meetings/${upcoming.id}/brief`}
              className="font-medium text-brand-700 underline-offset-4 hover:underline"
            >
              {t("meetings.brief.nextSessionAgenda")}
            </Link>
          </p>
          {agenda.length === 0 ? (
            <EmptyState>{t("chair.noAgenda")}</EmptyState>
          ) : (
            <ol
              aria-label={t("chair.agenda")}
              className="divide-y divide-slate-100 rounded border border-slate-200"
            >
              {agenda.map((item) => (
                <li key={item.id} className="p-3">
                  <p className="font-medium">
                    {formatNumber(item.position, locale)}. {item.unit.name}
                    <span className="ms-2 text-xs text-slate-500">
                      {t(`sector.${item.unit.sector}`)} — {localName(item.unit.county, locale)}
                    </span>
                  </p>
                  <ul className="mt-1 list-disc space-y-0.5 ps-5 text-slate-700">
                    {item.obstacles.map(({ obstacle }) => (
                      <li key={obstacle.id}>
                        <span className="text-slate-500">{localName(obstacle.category, locale)}:</span>{" "}
                        {obstacle.description}
                        {obstacle.amountRials !== null && (
                          <span className="ms-1 whitespace-nowrap text-slate-500">
                            ({formatRials(obstacle.amountRials, locale)})
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : (
        <EmptyState>{t("home.noMeeting")}</EmptyState>
      )}
    </Card>
  );
}

export function LastMeetingCard({
  last,
  resolutions,
  t,
  locale,
}: Speech & { last: ChairHome["last"]; resolutions: ChairHome["lastResolutions"] }) {
  return (
    <Card title={last ? `${t("home.lastMeeting")}: ${meetingTitle(last, locale, t)}` : t("home.lastMeeting")}>
      {last ? (
        <>
          {last.status === "HELD" ? (
            <p
              role="status"
              className="mb-3 flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {t("chair.awaitingApproval")}
              <Link href={`/meetings/${last.id}/minutes`} className="font-semibold underline">
                {t("chair.reviewMinutes")}
              </Link>
            </p>
          ) : (
            <p className="mb-3 text-sm">
              <Link href={`/meetings/${last.id}/minutes`} className="text-brand-700 underline">
                {t("chair.openMinutes")}
              </Link>
            </p>
          )}
          <ul className="mb-3 flex flex-wrap gap-2 text-sm">
            {last.byStatus.map((g) => (
              <li key={g.status} className="rounded bg-slate-100 px-2 py-1">
                {t(`resolutionStatus.${g.status}`)}: {formatNumber(g.count, locale)}
              </li>
            ))}
          </ul>
          <ResolutionTable items={resolutions} locale={locale} t={t} empty={t("home.agencyEmpty")} />
        </>
      ) : (
        <EmptyState>{t("home.noMeeting")}</EmptyState>
      )}
    </Card>
  );
}
