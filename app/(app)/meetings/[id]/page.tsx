import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/locale";
import { todayInTehran } from "@/lib/i18n/format";
import {
  getMeeting,
  getMeetingRef,
  listAgencyOptions,
  listCaseAgencyIds,
  listEligibleObstacles,
} from "@/lib/meetings/queries";
import { agencyChoices } from "@/lib/agencies/choices";
import { AmendmentProvider } from "@/components/meetings/amendment-dialog";
import { RecordHistory } from "@/components/audit/audit-event-list";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { isLocked } from "@/lib/meetings/lifecycle";
import { meetingTitle } from "@/lib/meetings/title";
import { SessionRoom } from "@/components/meetings/session-room";
import { agendaItemViews, jalaliInput, tehranTime } from "@/lib/meetings/views";
import { RescheduleForm } from "@/components/meetings/meeting-form";
import { pageContext, type PageContext } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";
import { followUpPanel } from "@/lib/meetings/follow-up-views";
import {
  SessionAgenda,
  SessionAttendance,
  SessionFollowUp,
  SessionHeader,
} from "@/components/meetings/session-sections";
import { ExpectedAttendance } from "@/components/meetings/expected-attendance";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { t, locale } = await getTranslator();
  const user = await requirePermission("case.read");
  const meeting = await getMeeting(user, (await params).id);
  return { title: meeting ? meetingTitle(meeting, locale, t) : t("meetings.title") };
}

export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const context = await pageContext("case.read");
  const { id } = await params;
  const { q = "" } = await searchParams;
  // One cheap look-up before the session streams in behind its skeleton: an unknown id is a
  // 404 only while the status has not been sent.
  if (!(await getMeetingRef(context.user, id))) notFound();
  return (
    <Suspense fallback={<PageSkeleton shape="detail" />}>
      <SessionPage context={context} id={id} q={q} />
    </Suspense>
  );
}

type Meeting = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;
type Words = { t: Translate; locale: Locale };

/** The session: its header and state, the room (attendance, agenda, entry), follow-up, history. */
async function SessionPage({ context, id, q }: { context: PageContext; id: string; q: string }) {
  const { user, t, locale } = context;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const canWrite = can(user, "meeting.write", { provinceId: meeting.provinceId });
  const canEnter = can(user, "resolution.write", { provinceId: meeting.provinceId });
  const locked = isLocked(meeting.status);
  const [eligible, agencies, caseAgencyIds, followUp] = await Promise.all([
    canWrite ? listEligibleObstacles(user, meeting.body.kind, { query: q }) : Promise.resolve([]),
    canEnter || canWrite ? listAgencyOptions(user) : Promise.resolve([]),
    listCaseAgencyIds(user, meeting.id),
    followUpPanel(user, meeting, locale, t),
  ]);
  const words = { t, locale };
  return (
    <div className="space-y-6">
      <SessionHeader
        meeting={meeting}
        title={meetingTitle(meeting, locale, t)}
        canWrite={canWrite}
        {...words}
      />
      <SessionState meeting={meeting} canWrite={canWrite} locked={locked} {...words} />
      <AmendmentProvider locked={locked}>
        <Room
          user={context.user}
          meeting={meeting}
          canWrite={canWrite}
          canEnter={canEnter}
          q={q}
          eligible={eligible}
          agencies={agencies}
          caseAgencyIds={caseAgencyIds}
          {...words}
        />
      </AmendmentProvider>
      <SessionFollowUp meetingId={meeting.id} followUp={followUp} {...words} />
      <RecordHistory
        actor={user}
        record={{
          provinceId: meeting.provinceId,
          entities: [
            { type: "Meeting", ids: [meeting.id] },
            { type: "AgendaItem", ids: meeting.agendaItems.map((i) => i.id) },
          ],
        }}
        {...words}
      />
    </div>
  );
}

/** A planned session can be moved; a locked one says why nothing can be changed. */
function SessionState({
  meeting,
  canWrite,
  locked,
  t,
  locale,
}: { meeting: Meeting; canWrite: boolean; locked: boolean } & Words) {
  return (
    <>
      {canWrite && meeting.status === "PLANNED" && (
        <RescheduleForm
          locale={locale}
          meetingId={meeting.id}
          date={jalaliInput(meeting.startsAt, locale)}
          time={tehranTime(meeting.startsAt)}
          place={meeting.place ?? ""}
          version={meeting.version}
        />
      )}
      {locked && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("meetings.locked")}
        </p>
      )}
    </>
  );
}

/** The room: attendance, the agenda and, for those who record them, the resolutions' entry. */
function Room({
  user,
  meeting,
  canWrite,
  canEnter,
  q,
  eligible,
  agencies,
  caseAgencyIds,
  t,
  locale,
}: {
  user: PageContext["user"];
  meeting: Meeting;
  canWrite: boolean;
  canEnter: boolean;
  q: string;
  eligible: Awaited<ReturnType<typeof listEligibleObstacles>>;
  agencies: Awaited<ReturnType<typeof listAgencyOptions>>;
  caseAgencyIds: string[];
} & Words) {
  const words = { t, locale };
  const memberIds = meeting.body.members.map((m) => m.agency.id);
  // Resolutions name the body's members and the case's agencies far more often than the rest.
  const picker = agencyChoices(agencies, { members: memberIds, caseAgencies: caseAgencyIds }, t, locale);
  const inviteePicker = agencyChoices(
    agencies.filter((a) => !memberIds.includes(a.id)),
    { caseAgencies: caseAgencyIds },
    t,
    locale,
  );
  const items = agendaItemViews(meeting, locale);
  return (
    <SessionRoom
      meetingId={meeting.id}
      locale={locale}
      items={items}
      canMoveScreen={canWrite}
      screenItemId={meeting.screenItemId}
      entry={
        canEnter
          ? {
              bodyKind: meeting.body.kind,
              meetingDate: todayInTehran(meeting.startsAt),
              agencies: picker.choices,
              agencyGroups: picker.groupOrder,
            }
          : null
      }
      attendance={
        <div className="space-y-4">
          <ExpectedAttendance user={user} meetingId={meeting.id} {...words} />
          <SessionAttendance meeting={meeting} canWrite={canWrite} {...words} />
        </div>
      }
      agenda={
        <SessionAgenda
          meeting={meeting}
          items={items}
          canWrite={canWrite}
          q={q}
          eligible={eligible}
          invited={meeting.invitees.map((i) => i.agency.id)}
          proposed={caseAgencyIds.filter((id) => !memberIds.includes(id))}
          inviteePicker={inviteePicker}
          {...words}
        />
      }
    />
  );
}
