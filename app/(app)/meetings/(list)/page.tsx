import { pageContext, pageTitle } from "@/lib/page";
import { meetingListView } from "@/lib/meetings/list-view";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { ButtonLink } from "@/components/ui/button";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { PlanNextCommitteeButton } from "@/components/meetings/meeting-form";

export const generateMetadata = pageTitle("meetings.title");

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("case.read");
  const view = await meetingListView(user, await searchParams, t, locale);
  return (
    <ListPage
      title={t("meetings.title")}
      intro={t("meetings.intro")}
      actions={
        <>
          {view.canManageBodies && (
            <ButtonLink href="/meetings/bodies" variant="secondary">
              {t("bodies.manage")}
            </ButtonLink>
          )}
          {view.canWrite && <PlanNextCommitteeButton />}
          {view.canWrite && <ButtonLink href="/meetings/new">{t("meetings.newSession")}</ButtonLink>}
        </>
      }
      view={view}
      render={{ status: (row) => <MeetingStatusBadge status={row.data.status} t={t} /> }}
      t={t}
      locale={locale}
    />
  );
}
