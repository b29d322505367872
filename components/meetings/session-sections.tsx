// The sections of a session's page (app/(app)/meetings/[id]/page.tsx): each draws what the page
// has already read and decided; none reads the database.
import Link from "next/link";
import { formatDateTime, todayInTehran, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { MeetingDetail, listEligibleObstacles } from "@/lib/meetings/queries";
import type { agencyChoices } from "@/lib/agencies/choices";
import { InviteesForm } from "@/components/meetings/invitees-form";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { AgendaEditor } from "@/components/meetings/agenda-editor";
import { EligiblePicker } from "@/components/meetings/eligible-picker";
import { AttendanceForm } from "@/components/meetings/attendance-form";
import { MarkHeldButton, SendInvitationsButton } from "@/components/meetings/session-actions";
import { obstacleView, type agendaItemViews } from "@/lib/meetings/views";
import { DayOffWarning } from "@/components/calendar/day-off-warning";
import type { followUpPanel } from "@/lib/meetings/follow-up-views";
import { FollowUpCandidates, FollowUpItems } from "@/components/meetings/follow-up-panel";
import { AgendaFileLinks } from "@/components/meetings/agenda-file-links";

type Words = { t: Translate; locale: Locale };

/** The title, time and place, status, and the session's documents and actions. */
export function SessionHeader({
  meeting,
  title,
  canWrite,
  t,
  locale,
}: Words & { meeting: MeetingDetail; title: string; canWrite: boolean }) {
  return (
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
        <AgendaFileLinks meetingId={meeting.id} t={t} />
        {canWrite && meeting.status === "PLANNED" && <SendInvitationsButton meetingId={meeting.id} />}
        {canWrite && meeting.status === "PLANNED" && <MarkHeldButton meetingId={meeting.id} />}
      </nav>
    </div>
  );
}

/** Who came: the body's members, then the invitees. */
export function SessionAttendance({
  meeting,
  canWrite,
  t,
  locale,
}: Words & { meeting: MeetingDetail; canWrite: boolean }) {
  const attendance = new Map(meeting.attendances.map((a) => [a.agencyId, a]));
  return (
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
  );
}

/** The agenda, and for a writer the units eligible to join it and the invitees. */
export function SessionAgenda({
  meeting,
  items,
  canWrite,
  q,
  eligible,
  invited,
  proposed,
  inviteePicker,
  t,
  locale,
}: Words & {
  meeting: MeetingDetail;
  items: ReturnType<typeof agendaItemViews>;
  canWrite: boolean;
  q: string;
  eligible: Awaited<ReturnType<typeof listEligibleObstacles>>;
  invited: string[];
  proposed: string[];
  inviteePicker: ReturnType<typeof agencyChoices>;
}) {
  return (
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
            invited={invited}
            proposed={proposed}
            choices={inviteePicker.choices}
            groupOrder={inviteePicker.groupOrder}
          />
        </Card>
      )}
    </>
  );
}

/** Earlier resolutions back before the working group (issue #16), beside the session's own cases. */
export function SessionFollowUp({
  meetingId,
  followUp,
  t,
  locale,
}: Words & { meetingId: string; followUp: Awaited<ReturnType<typeof followUpPanel>> }) {
  return (
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
              meetingId={meetingId}
              groups={followUp.candidates}
              more={followUp.moreCandidates}
            />
          </section>
        )}
      </div>
    </Card>
  );
}
