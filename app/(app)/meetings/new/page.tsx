import { pageContext, pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { MeetingForm } from "@/components/meetings/meeting-form";

export const generateMetadata = pageTitle("meetings.newSession");

export default async function NewMeetingPage() {
  const { t, locale } = await pageContext("meeting.write");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("meetings.newSession")}</h1>
      <Card>
        <MeetingForm locale={locale} />
      </Card>
    </div>
  );
}
