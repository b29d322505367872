import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/locale";
import { formatDateTime, todayInTehran, localName } from "@/lib/i18n/format";
import {
  getMeeting,
  getMeetingRef,
  listAgencyOptions,
  listCaseAgencyIds,
  listEligibleObstacles,
} from "@/lib/meetings/queries";
import { agencyChoices } from "@/lib/agencies/choices";
import { InviteesForm } from "@/components/meetings/invitees-form";
import { AmendmentProvider } from "@/components/meetings/amendment-dialog";
import { recordHistory } from "@/lib/audit/queries";
import { describeAuditEvents } from "@/lib/audit/words";
import { HistorySection } from "@/components/audit/audit-event-list";
import { isLocked } from "@/lib/meetings/lifecycle";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { meetingTitle } from "@/lib/meetings/title";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { AgendaEditor } from "@/components/meetings/agenda-editor";
import { EligiblePicker } from "@/components/meetings/eligible-picker";
import { AttendanceForm } from "@/components/meetings/attendance-form";
import { SessionRoom } from "@/components/meetings/session-room";
import { MarkHeldButton, SendInvitationsButton } from "@/components/meetings/session-actions";
import { agendaItemViews, jalaliInput, obstacleView, tehranTime } from "@/lib/meetings/views";
import { RescheduleForm } from "@/components/meetings/meeting-form";
import { pageContext, type PageContext } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";
import { DayOffWarning } from "@/components/calendar/day-off-warning";
import { followUpPanel } from "@/lib/meetings/follow-up-views";
import { FollowUpCandidates, FollowUpItems } from "@/components/meetings/follow-up-panel";

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

async function SessionPage({ context, id, q }: { context: PageContext; id: string; q: string }) {
  const { user, t, locale } = context;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const canWrite = can(user, "meeting.write", { provinceId: meeting.provinceId });
  const canEnter = can(user, "resolution.write", { provinceId: meeting.provinceId });
  const locked = isLocked(meeting.status);
  const [history, eligible, agencies, caseAgencyIds, followUp] = await Promise.all([
    recordHistory(user, {
      provinceId: meeting.provinceId,
      entities: [
        { type: "Meeting", ids: [meeting.id] },
        { type: "AgendaItem", ids: meeting.agendaItems.map((i) => i.id) },
      ],
    }),
    canWrite ? listEligibleObstacles(user, meeting.body.kind, { query: q }) : Promise.resolve([]),
    canEnter || canWrite ? listAgencyOptions(user) : Promise.resolve([]),
    listCaseAgencyIds(user, meeting.id),
    followUpPanel(user, meeting, locale, t),
  ]);
  const memberIds = meeting.body.members.map((m) => m.agency.id);
  const invitedIds = meeting.invitees.map((i) => i.agency.id);
  // Resolutions name the body's members and the case's agencies far more often than the rest.
  const picker = agencyChoices(agencies, { members: memberIds, caseAgencies: caseAgencyIds }, t, locale);
  const inviteePicker = agencyChoices(
    agencies.filter((a) => !memberIds.includes(a.id)),
    { caseAgencies: caseAgencyIds },
    t,
    locale,
  );
  const items = agendaItemViews(meeting, locale);
  const title = meetingTitle(meeting, locale, t);
  const attendance = new Map(meeting.attendances.map((a) => [a.agencyId, a]));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm">
            <Link href="/meetings" className="text-brand-700 underline-offset-4 hover:underline">
              {t("meetings.title")}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-sm text-slate-700">
            {formatDateTime(meeting.startsAt, locale)}
            {meeting.place && <> — {meeting.place}</>}
          </p>
          {meeting.status === "PLANNED" && (
            <DayOffWarning
              date={todayInTehran(meeting.startsAt)}
              provinceId={meeting.provinceId}
              locale={locale}
              t={t}
            />
          )}
          <MeetingStatusBadge status={meeting.status} t={t} />
        </div>
        <nav aria-label={t("meetings.tabs.session")} className="flex flex-wrap items-start gap-2">
          <Link href={`/meetings/${meeting.id}/minutes`} className={buttonClass("secondary")}>
            {t("meetings.tabs.minutes")}
          </Link>
          <Link href={`/meetings/${meeting.id}/brief`} className={buttonClass("secondary")}>
            {t("meetings.tabs.brief")}
          </Link>
          {/* Notices are issued at approval: before it there are none to list. */}
          {meeting.status === "MINUTES_APPROVED" && (
            <Link
              href={`/notices?meetingId=${encodeURIComponent(meeting.id)}&agencyId=all`}
              className={buttonClass("secondary")}
            >
              {t("notices.sessionLink")}
            </Link>
          )}
          {meeting.status !== "PLANNED" && (
            <Link href={`/meetings/${meeting.id}/letters`} className={buttonClass("secondary")}>
              {t("letters.issueBatch")}
            </Link>
          )}
          <a href={`/api/meetings/${meeting.id}/resolutions`} className={buttonClass("secondary")} download>
            {t("meetings.tabs.export")}
          </a>
          {canWrite && meeting.status === "PLANNED" && <SendInvitationsButton meetingId={meeting.id} />}
          {canWrite && meeting.status === "PLANNED" && <MarkHeldButton meetingId={meeting.id} />}
        </nav>
      </div>
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

      <AmendmentProvider locked={locked}>
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
            <Card title={t("meetings.attendance.title")}>
              <AttendanceForm
                meetingId={meeting.id}
                canWrite={canWrite}
                rows={[
                  ...meeting.body.members.map(({ agency }) => ({ agency, invited: false })),
                  ...meeting.invitees.map(({ agency }) => ({ agency, invited: true })),
                ].map(({ agency, invited }) => ({
                  agencyId: agency.id,
                  agencyName: invited
                    ? `${localName(agency, locale)} (${t("meetings.invitees.invited")})`
                    : localName(agency, locale),
                  mode: attendance.get(agency.id)?.mode ?? "",
                  attendeeName: attendance.get(agency.id)?.attendeeName ?? "",
                  version: attendance.get(agency.id)?.version ?? 0,
                }))}
              />
            </Card>
          }
          agenda={
            <>
              <Card title={t("meetings.agenda.title")}>
                <AgendaEditor locale={locale} items={items} canWrite={canWrite} />
              </Card>
              {canWrite && (
                <Card
                  title={t(
                    meeting.body.kind === "COMMITTEE"
                      ? "meetings.agenda.eligibleCommittee"
                      : "meetings.agenda.eligibleWorkingGroup",
                  )}
                >
                  <form role="search" className="mb-4 flex gap-2">
                    <label htmlFor="unit-search" className="sr-only">
                      {t("meetings.agenda.searchUnit")}
                    </label>
                    <input
                      id="unit-search"
                      name="q"
                      defaultValue={q}
                      placeholder={t("meetings.agenda.searchUnit")}
                      className={`${inputClass} max-w-xs`}
                    />
                    <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm">
                      {t("common.search")}
                    </button>
                  </form>
                  <EligiblePicker
                    meetingId={meeting.id}
                    units={eligible.map((u) => ({
                      id: u.id,
                      name: u.name,
                      obstacles: u.obstacles.map((o) => obstacleView(o, locale)),
                    }))}
                  />
                </Card>
              )}
              {canWrite && (
                <Card title={t("meetings.invitees.title")}>
                  <InviteesForm
                    meetingId={meeting.id}
                    invited={invitedIds}
                    proposed={caseAgencyIds.filter((id) => !memberIds.includes(id))}
                    choices={inviteePicker.choices}
                    groupOrder={inviteePicker.groupOrder}
                  />
                </Card>
              )}
            </>
          }
        />
      </AmendmentProvider>
      {/* Earlier resolutions back before the working group (issue #16), beside the session's own cases. */}
      <Card title={t("meetings.followUp.title")}>
        <div className="space-y-6">
          <section aria-labelledby="follow-up-items" className="space-y-2">
            <h3 id="follow-up-items" className="font-semibold">
              {t("meetings.followUp.items")}
            </h3>
            <FollowUpItems
              items={followUp.items}
              canDecide={followUp.canDecide}
              agencies={followUp.agencies}
              locale={locale}
            />
          </section>
          {followUp.canAdd && (
            <section aria-labelledby="follow-up-candidates" className="space-y-2">
              <h3 id="follow-up-candidates" className="font-semibold">
                {t("meetings.followUp.candidatesTitle")}
              </h3>
              <FollowUpCandidates
                meetingId={meeting.id}
                groups={followUp.candidates}
                more={followUp.moreCandidates}
              />
            </section>
          )}
        </div>
      </Card>
      <HistorySection
        events={history && (await describeAuditEvents(user, history, locale, t))}
        t={t}
        locale={locale}
      />
    </div>
  );
}
