import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getTranslator } from "@/lib/i18n/server";
import { formatDateTime, todayInTehran, localName } from "@/lib/i18n/format";
import { getMeeting, listAgencyOptions, listEligibleObstacles } from "@/lib/meetings/queries";
import { recordHistory } from "@/lib/audit/queries";
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
import { SessionEntry } from "@/components/meetings/session-entry";
import { MarkHeldButton } from "@/components/meetings/session-actions";
import { agendaItemViews, obstacleView } from "@/lib/meetings/views";
import { pageContext } from "@/lib/page";

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
  const { user, t, locale } = await pageContext("case.read");
  const { id } = await params;
  const { q = "" } = await searchParams;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const canWrite = can(user, "meeting.write", { provinceId: meeting.provinceId });
  const canEnter = can(user, "resolution.write", { provinceId: meeting.provinceId });
  const locked = isLocked(meeting.status);
  const history = await recordHistory(user, {
    provinceId: meeting.provinceId,
    entities: [
      { type: "Meeting", ids: [meeting.id] },
      { type: "AgendaItem", ids: meeting.agendaItems.map((i) => i.id) },
    ],
  });
  const [eligible, agencies] = await Promise.all([
    canWrite ? listEligibleObstacles(user, meeting.body.kind, { query: q }) : Promise.resolve([]),
    canEnter ? listAgencyOptions(user) : Promise.resolve([]),
  ]);
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
      {locked && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("meetings.locked")}
        </p>
      )}

      <Card title={t("meetings.agenda.title")}>
        <AgendaEditor locale={locale} items={items} canWrite={canWrite} locked={locked} />
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
            locked={locked}
            units={eligible.map((u) => ({
              id: u.id,
              name: u.name,
              obstacles: u.obstacles.map((o) => obstacleView(o, locale)),
            }))}
          />
        </Card>
      )}

      <Card title={t("meetings.attendance.title")}>
        <AttendanceForm
          meetingId={meeting.id}
          canWrite={canWrite}
          locked={locked}
          rows={meeting.body.members.map(({ agency }) => ({
            agencyId: agency.id,
            agencyName: localName(agency, locale),
            mode: attendance.get(agency.id)?.mode ?? "",
            attendeeName: attendance.get(agency.id)?.attendeeName ?? "",
          }))}
        />
      </Card>

      {canEnter && (
        <Card>
          <SessionEntry
            locale={locale}
            bodyKind={meeting.body.kind}
            meetingDate={todayInTehran(meeting.startsAt)}
            items={items}
            agencies={agencies.map((a) => ({ id: a.id, name: localName(a, locale) }))}
            locked={locked}
          />
        </Card>
      )}
      <HistorySection events={history} t={t} locale={locale} />
    </div>
  );
}
