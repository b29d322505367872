// The parts of a session's page (app/(app)/meetings/[id]/page.tsx), one component each.
import Link from "next/link";
import { formatDateTime, localName, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { MeetingDetail } from "@/lib/meetings/queries";
import type { AgendaItemView } from "@/lib/meetings/types";
import type { followUpPanel } from "@/lib/meetings/follow-up-views";
import { obstacleView } from "@/lib/meetings/views";
import { DayOffWarning } from "@/components/calendar/day-off-warning";
import { Card } from "@/components/ui/card";
import type { AgencyPicker } from "@/components/ui/decision-fields";
import { buttonClass } from "@/components/ui/button";
import { FilterBar } from "@/components/ui/list";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { MarkHeldButton } from "@/components/meetings/session-actions";
import { AttendanceForm } from "@/components/meetings/attendance-form";
import { AgendaEditor } from "@/components/meetings/agenda-editor";
import { EligiblePicker } from "@/components/meetings/eligible-picker";
import { InviteesForm } from "@/components/meetings/invitees-form";
import { FollowUpCandidates, FollowUpItems } from "@/components/meetings/follow-up-panel";

type Props = { meeting: MeetingDetail; t: Translate; locale: Locale };

/** The session's title, date, place and status, and the way to its minutes, brief and export. */
export function SessionHeader({
  meeting,
  title,
  canWrite,
  t,
  locale,
}: Props & { title: string; canWrite: boolean }) {
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
        <a href={`/api/meetings/${meeting.id}/resolutions`} className={buttonClass("secondary")} download>
          {t("meetings.tabs.export")}
        </a>
        {canWrite && meeting.status === "PLANNED" && <MarkHeldButton meetingId={meeting.id} />}
      </nav>
    </div>
  );
}

/** Who the session expected (the body's members, then its invitees) and how each attended. */
export function SessionAttendance({ meeting, canWrite, t, locale }: Props & { canWrite: boolean }) {
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

/** The agenda, the cases that may join it (searched), and the invited agencies. */
export function SessionAgenda({
  meeting,
  items,
  canWrite,
  q,
  eligible,
  invitees,
  t,
  locale,
}: Props & {
  items: AgendaItemView[];
  canWrite: boolean;
  q: string;
  eligible: { id: string; name: string; obstacles: Parameters<typeof obstacleView>[0][] }[];
  invitees: {
    invited: string[];
    proposed: string[];
    choices: AgencyPicker["choices"];
    groupOrder: string[];
  };
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
          <FilterBar
            bar={{
              label: t("meetings.agenda.searchUnit"),
              search: true,
              layout: "inline",
              submit: t("common.search"),
              filters: [
                {
                  kind: "search",
                  id: "unit-search",
                  name: "q",
                  label: t("meetings.agenda.searchUnit"),
                  value: q,
                },
              ],
            }}
            t={t}
            locale={locale}
          />
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
            invited={invitees.invited}
            proposed={invitees.proposed}
            choices={invitees.choices}
            groupOrder={invitees.groupOrder}
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
}: {
  meetingId: string;
  followUp: Awaited<ReturnType<typeof followUpPanel>>;
  t: Translate;
}) {
  return (
    <Card title={t("meetings.followUp.title")}>
      <div className="space-y-6">
        <section aria-labelledby="follow-up-items" className="space-y-2">
          <h3 id="follow-up-items" className="font-semibold">
            {t("meetings.followUp.items")}
          </h3>
          <FollowUpItems items={followUp.items} canDecide={followUp.canDecide} agencies={followUp.agencies} />
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
