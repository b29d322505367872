// The sections of a session's minutes (app/(app)/meetings/[id]/minutes/page.tsx), printed on A4:
// each draws what the page has already read and decided; none reads the database.
import { buttonClass } from "@/components/ui/button";
import {
  formatDate,
  formatDateTime,
  formatDigits,
  formatNumber,
  localName,
  formatList,
} from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import type { MeetingDetail } from "@/lib/meetings/queries";
import type { ApprovedResolution } from "@/lib/meetings/minutes-copy";
import type { MinutesAmendment } from "@/lib/meetings/minutes";
import type { followUpItemView } from "@/lib/meetings/follow-up-views";
import { ApproveMinutesButton, PrintButton } from "@/components/meetings/session-actions";
import { answeredPositions, obstacleView } from "@/lib/meetings/views";
import { TableHead } from "@/components/ui/table-head";
import { NoticeList } from "@/components/notices/notice-list";

type Words = { t: Translate; locale: Locale };
type FollowUpRow = ReturnType<typeof followUpItemView>;
type AgendaItem = MeetingDetail["agendaItems"][number];

/** Print, and (for the chair's side, once held) approve, warned when nothing was recorded. */
export function MinutesToolbar({
  meetingId,
  canApprove,
  nothingRecorded,
  t,
}: {
  meetingId: string;
  canApprove: boolean;
  nothingRecorded: boolean;
  t: Translate;
}) {
  return (
    <div className="no-print flex flex-wrap items-start justify-between gap-2">
      <div className="flex flex-wrap gap-2">
        <PrintButton label={t("meetings.minutes.print")} />
        <a href={`/api/meetings/${meetingId}/minutes.docx`} download className={buttonClass("secondary")}>
          {t("meetings.minutes.downloadWord")}
        </a>
      </div>
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
          <ApproveMinutesButton meetingId={meetingId} />
        </div>
      )}
    </div>
  );
}

/** The letterhead and the minutes' heading: body, title, time and place, approval. */
export function MinutesHeading({
  meeting,
  title,
  t,
  locale,
}: Words & { meeting: MeetingDetail; title: string }) {
  return (
    <>
      <Letterhead
        provinceId={meeting.provinceId}
        number={formatDigits(`${meeting.jalaliYear}/${meeting.number}`, locale)}
        date={meeting.startsAt}
        locale={locale}
        t={t}
      />
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
    </>
  );
}

export function MinutesAttendance({ meeting, t, locale }: Words & { meeting: MeetingDetail }) {
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
      <MinutesTable
        labels={[
          t("meetings.attendance.agency"),
          t("meetings.attendance.mode"),
          t("meetings.attendance.attendee"),
        ]}
      >
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
      </MinutesTable>
    </section>
  );
}

/** The cases heard, each with its obstacles and the resolutions (as approved, once approved). */
export function MinutesCases({
  items,
  resolutionsByItem,
  t,
  locale,
}: Words & { items: AgendaItem[]; resolutionsByItem: Map<string, ApprovedResolution[]> }) {
  return (
    <section aria-labelledby="minutes-cases" className="space-y-4">
      <h2 id="minutes-cases" className="font-semibold">
        {t("meetings.minutes.cases")}
      </h2>
      {items.length === 0 && (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">
          {t("meetings.minutes.noCases")}
        </p>
      )}
      {items.map((item, index) => (
        <MinutesCase
          key={item.id}
          item={item}
          index={index}
          resolutions={resolutionsByItem.get(item.id) ?? []}
          t={t}
          locale={locale}
        />
      ))}
    </section>
  );
}

function MinutesCase({
  item,
  index,
  resolutions,
  t,
  locale,
}: Words & { item: AgendaItem; index: number; resolutions: ApprovedResolution[] }) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="unit-case space-y-2 border-t border-slate-200 pt-3">
      <h3 className="font-semibold">
        {n(index + 1)}. {item.unit.name}
        {item.outcome && (
          <span className="ms-2 text-sm font-normal">({t(`meetings.outcome.${item.outcome}`)})</span>
        )}
      </h3>
      <p className="text-sm font-medium">{t("meetings.minutes.obstaclesDiscussed")}:</p>
      {/* Numbered by hand: a list-decimal marker prints Latin digits on a Persian page. */}
      <ol className="space-y-0.5 ps-2 text-sm">
        {item.obstacles.map(({ obstacle }, position) => {
          const o = obstacleView(obstacle, locale);
          return (
            <li key={o.id}>
              <span className="font-medium">{n(position + 1)}. </span>
              {o.description}
              {o.amount && ` (${o.amount})`}
            </li>
          );
        })}
      </ol>
      <p className="text-sm font-medium">{t("meetings.minutes.resolutions")}:</p>
      {resolutions.length === 0 ? (
        <p className="text-sm text-slate-600">{t("meetings.minutes.noResolutions")}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {resolutions.map((r) => (
            <li key={r.id}>
              <span className="font-medium">{n(r.number)}. </span>
              {r.text}
              <span className="block text-xs text-slate-700">
                {t("resolution.agency")}: {localName(r.responsibleAgency, locale)}
                {r.supportingAgencies.length > 0 && (
                  <>
                    {" "}
                    —{" "}
                    {t("meetings.minutes.supportingShort", {
                      names: formatList(
                        r.supportingAgencies.map((s) => localName(s, locale)),
                        locale,
                      ),
                    })}
                  </>
                )}
                {" — "}
                {t("resolution.deadline")}: {formatDate(r.deadline, locale, { style: "short" })}
              </span>
              {item.obstacles.length > 1 && (
                <span className="block text-xs text-slate-700">
                  {t("meetings.minutes.answers", {
                    list: formatList(
                      answeredPositions(
                        item.obstacles.map((l) => l.obstacle.id),
                        r.obstacleIds,
                      ).map(n),
                      locale,
                    ),
                  })}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Earlier resolutions brought back before this session (issue #16). */
export function MinutesFollowUps({ followUps, t, locale }: Words & { followUps: FollowUpRow[] }) {
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section aria-labelledby="minutes-follow-up" className="space-y-2">
      <h2 id="minutes-follow-up" className="font-semibold">
        {t("meetings.followUp.minutesSection")}
      </h2>
      <MinutesTable
        labels={[
          t("notices.row"),
          t("notices.unit"),
          t("meetings.followUp.originalSession"),
          t("meetings.followUp.agency"),
          t("meetings.followUp.deadline"),
          t("meetings.followUp.late"),
          t("meetings.followUp.decisionLabel"),
        ]}
      >
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
      </MinutesTable>
    </section>
  );
}

/** Changes made after approval, dated, below what was approved. */
export function MinutesAmendments({ amendments, t }: { amendments: MinutesAmendment[]; t: Translate }) {
  return (
    <section aria-labelledby="minutes-amendments" className="space-y-2 border-t border-slate-300 pt-3">
      <h2 id="minutes-amendments" className="font-semibold">
        {t("meetings.minutes.amendments")}
      </h2>
      <p className="text-xs text-slate-700">{t("meetings.minutes.amendmentsHint")}</p>
      <ol className="space-y-1 text-sm">
        {amendments.map((a) => (
          <li key={a.id} className="unit-case">
            <span className="font-medium">{a.date}: </span>
            {a.lines.join(" ")}
            {a.reason && (
              <span className="block text-xs text-slate-700">
                {t("meetings.minutes.amendmentReason", { reason: a.reason })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function MinutesSignatures({ meeting, t }: { meeting: MeetingDetail; t: Translate }) {
  return (
    <SignatureBlock
      t={t}
      signers={[
        { role: t("meetings.minutes.secretary"), name: meeting.body.secretaryName ?? "" },
        { role: t("meetings.minutes.chair"), name: meeting.body.chairName ?? "" },
      ]}
    />
  );
}

/** The notices issued at approval (never printed). */
export function MinutesNotices({
  notices,
  t,
  locale,
}: Words & { notices: React.ComponentProps<typeof NoticeList>["items"] }) {
  return (
    <section aria-labelledby="minutes-notices" className="no-print space-y-2 border-t border-slate-200 pt-4">
      <h2 id="minutes-notices" className="font-semibold">
        {t("notices.meetingNotices")}
      </h2>
      <NoticeList items={notices} t={t} locale={locale} empty="" showAgency />
    </section>
  );
}

/** A table of the minutes: on a phone it scrolls in its own box, never the page (issue #30). */
function MinutesTable({ labels, children }: { labels: string[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">
        <TableHead compact className="border-b border-slate-300" labels={labels} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
