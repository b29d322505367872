import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { MeetingForm } from "@/components/meetings/meeting-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("meetings.newSession") };
}

export default async function NewMeetingPage() {
  await requirePermission("meeting.write");
  const { t, locale } = await getTranslator();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("meetings.newSession")}</h1>
      <Card>
        <MeetingForm locale={locale} />
      </Card>
    </div>
  );
}
