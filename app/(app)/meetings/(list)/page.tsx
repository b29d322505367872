import { pageTitle } from "@/lib/page";
import { meetingListView } from "@/lib/meetings/list-view";
import { listRoute } from "@/components/ui/list-route";
import { ButtonLink } from "@/components/ui/button";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { PlanNextCommitteeButton } from "@/components/meetings/meeting-form";

export const generateMetadata = pageTitle("meetings.title");

export default listRoute("case.read", "meetings.title", meetingListView, (view, { t }) => ({
  intro: t("meetings.intro"),
  actions: (
    <>
      {view.canManageBodies && (
        <ButtonLink href="/meetings/bodies" variant="secondary">
          {t("bodies.manage")}
        </ButtonLink>
      )}
      {view.canWrite && <PlanNextCommitteeButton />}
      {view.canWrite && <ButtonLink href="/meetings/new">{t("meetings.newSession")}</ButtonLink>}
    </>
  ),
  render: { status: (row) => <MeetingStatusBadge status={row.data.status} t={t} /> },
}));
