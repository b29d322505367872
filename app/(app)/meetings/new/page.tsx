import { pageTitle } from "@/lib/page";
import { formPage } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { MeetingForm } from "@/components/meetings/meeting-form";

export const generateMetadata = pageTitle("meetings.newSession");

export default formPage({
  action: "meeting.write",
  title: "meetings.newSession",
  body: ({ context }) => (
    <Card>
      <MeetingForm locale={context.locale} />
    </Card>
  ),
});
