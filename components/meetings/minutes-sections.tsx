// The sections of the minutes (صورتجلسه, app/(app)/meetings/[id]/minutes/page.tsx), one
// component each: what the page shows is read top to bottom there, how each part looks here.
import { formatDate, formatDateTime, formatList, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { MeetingDetail } from "@/lib/meetings/queries";
import { answeredPositions, obstacleView } from "@/lib/meetings/views";
import type { followUpItemView } from "@/lib/meetings/follow-up-views";
import { ApproveMinutesButton, PrintButton } from "@/components/meetings/session-actions";
import { TableHead } from "@/components/ui/table-head";

type Props = { meeting: MeetingDetail; t: Translate; locale: Locale };

/** Print, and for the chair of a held session the approval (warned when nothing was recorded). */
export function MinutesActions({
  meeting,
  canApprove,
  t,
}: {
  meeting: MeetingDetail;
  canApprove: boolean;
  t: Translate;
}) {
  // An approved minutes with nothing in it is almost always a session whose record was never
  // entered; approving stays allowed (a session can end without decisions) but not unwarned.
  const nothingRecorded =
    meeting.attendances.length === 0 && !meeting.agendaItems.some((item) => item.outcome);
  return (
    <div className="no-print flex flex-wrap items-start justify-between gap-2">
      <PrintButton label={t("meetings.minutes.print")} />
      {canApprove && (
        <div className="flex max-w-xl flex-col items-end gap-2">
          {nothingRecorded && (
            <div
              role="note"
              aria-labelledby="minutes-nothing-recorded"
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
            >
              <p id="minutes-nothing-recorded" className="font-semibold">
                ⚠ {t("meetings.minutes.nothingRecorded")}
              </p>
              <p className="mt-1">{t("meetings.minutes.nothingRecordedHint")}</p>
            </div>
          )}
          <ApproveMinutesButton meetingId={meeting.id} />
        </div>
      )}
    </div>
  );
}

export function MinutesHeader({ meeting, title, t, locale }: Props & { title: string }) {
  return (
    <header className="space-y-1 border-b border-slate-300 pb-3 text-center">
      <p className="text-sm">{localName(meeting.body, locale)}</p>
      <h1 className="text-xl font-bold">{t("meetings.minutes.header", { title })}</h1>
      <p className="text-sm">
        {formatDateTime(meeting.startsAt, locale)}
        {meeting.place && <> — {meeting.place}</>}
      </p>
      <p className="text-sm" role="status">
        {meeting.status === "MINUTES_APPROVED" && meeting.minutesApprovedAt
          ? t("meetings.minutes.approvedBy", {
              name: meeting.minutesApprovedBy?.name ?? t("meetings.minutes.chair"),
              date: formatDate(meeting.minutesApprovedAt, locale),
            })
          : t("meetings.minutes.notApproved")}
      </p>
    </header>
  );
}

/** Who the session expected (the body's members, then its invitees) and who came. */
export function MinutesAttendance({ meeting, t, locale }: Props) {
  const n = (v: number) => formatNumber(v, locale);
  const present = meeting.attendances.filter((a) => a.mode !== "ABSENT").length;
  const absent = meeting.attendances.filter((a) => a.mode === "ABSENT").length;
  const attendance = new Map(meeting.attendances.map((a) => [a.agencyId, a]));
  return (
    <section aria-labelledby="minutes-attendance" className="space-y-2">
      <h2 id="minutes-attendance" className="font-semibold">
        {t("meetings.minutes.attendance")}
      </h2>
      <p className="text-sm">
        {t("meetings.attendance.summary", { present: n(present), absent: n(absent) })}
      </p>
      <table className="w-full border-collapse text-sm">
        <TableHead
          compact
          className="border-b border-slate-300"
          labels={[
            t("meetings.attendance.agency"),
            t("meetings.attendance.mode"),
            t("meetings.attendance.attendee"),
          ]}
        />
        <tbody>
          {/* Who the session expected: the body's members, then its invitees. */}
          {[
            ...meeting.body.members.map(({ agency }) => ({ agency, invited: false })),
            ...meeting.invitees.map(({ agency }) => ({ agency, invited: true })),
          ].map(({ agency, invited }) => {
            const a = attendance.get(agency.id);
            return (
              <tr key={agency.id} className="border-b border-slate-100">
                <td className="p-1">
                  {localName(agency, locale)}
                  {invited && ` (${t("meetings.invitees.invited")})`}
                </td>
                <td className="p-1">
                  {a ? t(`meetings.attendance.${a.mode}`) : t("meetings.attendance.notRecorded")}
                </td>
                <td className="p-1">{a?.attendeeName ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Each unit's case: the obstacles discussed and the resolutions, numbered through the session. */
export function MinutesCases({ meeting, t, locale }: Props) {
  const n = (v: number) => formatNumber(v, locale);
  let resolutionNumber = 0;
  return (
    <section aria-labelledby="minutes-cases" className="space-y-4">
      <h2 id="minutes-cases" className="font-semibold">
        {t("meetings.minutes.cases")}
      </h2>
      {meeting.agendaItems.length === 0 && (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">
          {t("meetings.minutes.noCases")}
        </p>
      )}
      {meeting.agendaItems.map((item, index) => (
        <div key={item.id} className="unit-case space-y-2 border-t border-slate-200 pt-3">
          <h3 className="font-semibold">
            {n(index + 1)}. {item.unit.name}
            {item.outcome && (
              <span className="ms-2 text-sm font-normal">({t(`meetings.outcome.${item.outcome}`)})</span>
            )}
          </h3>
          <p className="text-sm font-medium">{t("meetings.minutes.obstaclesDiscussed")}:</p>
          <ol className="list-decimal space-y-0.5 ps-6 text-sm">
            {item.obstacles.map(({ obstacle }) => {
              const o = obstacleView(obstacle, locale);
              return (
                <li key={o.id}>
                  {o.description}
                  {o.amount && ` (${o.amount})`}
                </li>
              );
            })}
          </ol>
          <p className="text-sm font-medium">{t("meetings.minutes.resolutions")}:</p>
          {item.resolutions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("meetings.minutes.noResolutions")}</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {item.resolutions.map((r) => (
                <MinutesResolution
                  key={r.id}
                  r={r}
                  number={++resolutionNumber}
                  obstacleIds={item.obstacles.map((l) => l.obstacle.id)}
                  t={t}
                  locale={locale}
                />
              ))}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
}

type Resolution = MeetingDetail["agendaItems"][number]["resolutions"][number];

/** One resolution: its number in the session, text, agencies, deadline, and which obstacles it answers. */
function MinutesResolution({
  r,
  number,
  obstacleIds,
  t,
  locale,
}: {
  r: Resolution;
  number: number;
  obstacleIds: string[];
  t: Translate;
  locale: Locale;
}) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <li>
      <span className="font-medium">{n(number)}. </span>
      {r.text}
      <span className="block text-xs text-slate-700">
        {t("resolution.agency")}: {localName(r.responsibleAgency, locale)}
        {r.supportingAgencies.length > 0 && (
          <>
            {" "}
            —{" "}
            {t("meetings.minutes.supportingShort", {
              names: formatList(
                r.supportingAgencies.map((s) => localName(s.agency, locale)),
                locale,
              ),
            })}
          </>
        )}
        {" — "}
        {t("resolution.deadline")}: {formatDate(r.deadline, locale, { style: "short" })}
      </span>
      {obstacleIds.length > 1 && (
        <span className="block text-xs text-slate-700">
          {t("meetings.minutes.answers", {
            list: formatList(
              answeredPositions(
                obstacleIds,
                r.obstacles.map((o) => o.obstacleId),
              ).map(n),
              locale,
            ),
          })}
        </span>
      )}
    </li>
  );
}

/** Earlier resolutions brought back for follow-up, with the session's decision on each. */
export function MinutesFollowUps({
  followUps,
  t,
  locale,
}: {
  followUps: ReturnType<typeof followUpItemView>[];
  t: Translate;
  locale: Locale;
}) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section aria-labelledby="minutes-follow-up" className="space-y-2">
      <h2 id="minutes-follow-up" className="font-semibold">
        {t("meetings.followUp.minutesSection")}
      </h2>
      <table className="w-full border-collapse text-sm">
        <TableHead
          compact
          className="border-b border-slate-300"
          labels={[
            t("notices.row"),
            t("notices.unit"),
            t("meetings.followUp.originalSession"),
            t("meetings.followUp.agency"),
            t("meetings.followUp.deadline"),
            t("meetings.followUp.late"),
            t("meetings.followUp.decisionLabel"),
          ]}
        />
        <tbody>
          {followUps.map((f, i) => (
            <tr key={f.id} className="unit-case border-b border-slate-100 align-top">
              <td className="p-1">{n(i + 1)}</td>
              <td className="p-1">
                {f.unit}
                <span className="block text-xs text-slate-700">{f.text}</span>
              </td>
              <td className="p-1">{f.session}</td>
              <td className="p-1">{f.agency}</td>
              <td className="p-1">{f.deadline}</td>
              <td className="p-1">{f.late}</td>
              <td className="p-1">{f.decision ?? t("meetings.followUp.undecided")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
