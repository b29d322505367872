import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { lastWorkingGroupMeeting, nextMeeting } from "@/lib/meetings/queries";
import { resolutionFigures } from "@/lib/resolutions/queries";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { meetingTitle } from "@/components/resolutions/resolution-table";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("nav.chair") };
}

export default async function ChairPage() {
  const user = await requireUser();
  if (!user.roles.includes("CHAIR")) forbidden();
  const { t, locale } = await getTranslator();
  const [upcoming, last, figures] = await Promise.all([nextMeeting(user), lastWorkingGroupMeeting(user), resolutionFigures(user)]);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("home.welcome", { name: user.name })}</h1>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("home.openResolutions")} value={n(figures.open)} />
        <Stat label={t("home.overdue")} value={n(figures.overdue)} tone="danger" />
        <Stat label={t("home.dueSoon")} value={n(figures.dueSoon)} tone="warning" />
        <Stat label={t("home.verifiedThisMonth")} value={n(figures.verifiedThisMonth)} tone="success" />
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("home.nextMeeting")}>
          {upcoming ? (
            <div className="space-y-1 text-sm">
              <p className="font-semibold">{meetingTitle(upcoming, locale, t)}</p>
              <p>{formatDateTime(upcoming.startsAt, locale)}</p>
              {upcoming.place && <p className="text-slate-600">{upcoming.place}</p>}
              <p>
                <Link href={`/meetings/${upcoming.id}/brief`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                  {t("meetings.brief.nextSessionAgenda")}
                </Link>
              </p>
            </div>
          ) : (
            <EmptyState>{t("home.noMeeting")}</EmptyState>
          )}
        </Card>
        <Card title={t("home.lastMeeting")}>
          {last ? (
            <div className="space-y-2 text-sm">
              <p className="font-semibold">{meetingTitle(last, locale, t)}</p>
              <p>{formatDateTime(last.startsAt, locale)}</p>
              <ul className="flex flex-wrap gap-2">
                {last.byStatus.map((g) => (
                  <li key={g.status} className="rounded bg-slate-100 px-2 py-1">
                    {t(`resolutionStatus.${g.status}`)}: {n(g.count)}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <EmptyState>{t("home.noMeeting")}</EmptyState>
          )}
        </Card>
      </div>
    </div>
  );
}
