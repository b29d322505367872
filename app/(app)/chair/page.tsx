import { pageContext, pageTitle } from "@/lib/page";
import { chairHome } from "@/lib/dashboard/chair";
import { Card } from "@/components/ui/card";
import { ScorecardTable } from "@/components/dashboard/scorecard-table";
import { headsMissing } from "@/lib/outcomes/attendance";
import { AbsentHeads } from "@/components/outcomes/absent-heads";
import { LastMeetingCard, NextMeetingCard } from "@/components/dashboard/chair-sections";

export const generateMetadata = pageTitle("nav.chair");

export default async function ChairPage() {
  const { user, t, locale } = await pageContext("chairDesk.view");
  const [{ upcoming, agenda, last, lastResolutions, scorecard }, absentHeads] = await Promise.all([
    chairHome(user),
    headsMissing(user),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("home.welcome", { name: user.name })}</h1>
      <NextMeetingCard upcoming={upcoming} agenda={agenda} t={t} locale={locale} />
      <LastMeetingCard last={last} resolutions={lastResolutions} t={t} locale={locale} />
      <Card title={t("outcomes.attendance.headsTitle")}>
        <AbsentHeads items={absentHeads} t={t} locale={locale} />
      </Card>
      <Card title={t("dashboard.scorecard")}>
        <ScorecardTable rows={scorecard} sort="onTime" t={t} locale={locale} />
      </Card>
    </div>
  );
}
