import { Suspense } from "react";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import {
  formatDate,
  formatDateTime,
  formatDigits,
  formatNumber,
  localName,
  formatList,
} from "@/lib/i18n/format";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import { getMeeting, getMeetingRef } from "@/lib/meetings/queries";
import { PageSkeleton } from "@/components/ui/skeleton";
import { meetingTitle } from "@/lib/meetings/title";
import { ApproveMinutesButton, PrintButton } from "@/components/meetings/session-actions";
import { answeredPositions, obstacleView } from "@/lib/meetings/views";
import "@/components/meetings/print.css";
import { TableHead } from "@/components/ui/table-head";
import { listFollowUpItems } from "@/lib/meetings/follow-up";
import { followUpItemView } from "@/lib/meetings/follow-up-views";
import { listMeetingNotices } from "@/lib/notices/queries";
import { NoticeList } from "@/components/notices/notice-list";
import { listMinutesAmendments, minutesResolutions } from "@/lib/meetings/minutes";
import { minutesVerification } from "@/lib/meetings/minutes-proof";
import { verifyQrSvg, verifyUrl } from "@/lib/letters/queries";
import { PaperVerification } from "@/components/letters/paper-verification";

export const generateMetadata = pageTitle("meetings.minutes.title");

/** صورتجلسه: generated from the recorded agenda, attendance and resolutions; printed on A4. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await pageContext("case.read");
  const { id } = await params;
  // One cheap look-up before the minutes stream in behind a skeleton (never printed): an
  // unknown id is a 404 only while the status has not been sent.
  if (!(await getMeetingRef(context.user, id))) notFound();
  return (
    <Suspense fallback={<PageSkeleton shape="document" />}>
      <Minutes context={context} id={id} />
    </Suspense>
  );
}

async function Minutes({ context, id }: { context: PageContext; id: string }) {
  const { user, t, locale } = context;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const title = meetingTitle(meeting, locale, t);
  const [followUps, notices, amendments, verification] = await Promise.all([
    listFollowUpItems(user, meeting.id).then((items) => items.map((i) => followUpItemView(i, locale, t))),
    listMeetingNotices(user, meeting.id),
    listMinutesAmendments(meeting, locale, t),
    // Approved minutes carry their verification code and QR (sealed now if approved before codes).
    minutesVerification(meeting.id).then(async (v) =>
      v ? { code: v.code, qrSvg: await verifyQrSvg(v.code), url: verifyUrl(v.code) } : null,
    ),
  ]);
  // Approved minutes print what was approved; later changes follow as dated amendments.
  const resolutionsByItem = minutesResolutions(meeting);
  const n = (v: number) => formatNumber(v, locale);
  const present = meeting.attendances.filter((a) => a.mode !== "ABSENT").length;
  const absent = meeting.attendances.filter((a) => a.mode === "ABSENT").length;
  const attendance = new Map(meeting.attendances.map((a) => [a.agencyId, a]));
  const canApprove =
    meeting.status === "HELD" && can(user, "minutes.approve", { provinceId: meeting.provinceId });
  // An approved minutes with nothing in it is almost always a session whose record was never
  // entered; approving stays allowed (a session can end without decisions) but not unwarned.
  const nothingRecorded =
    meeting.attendances.length === 0 && !meeting.agendaItems.some((item) => item.outcome);
  return (
    <article className="print-document mx-auto max-w-4xl space-y-6 bg-white p-3 break-words sm:p-6 print:p-0">
      <div className="no-print flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-wrap gap-2">
          <PrintButton label={t("meetings.minutes.print")} />
          <a href={`/api/meetings/${meeting.id}/minutes.docx`} download className={buttonClass("secondary")}>
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
            <ApproveMinutesButton meetingId={meeting.id} />
          </div>
        )}
      </div>
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

      <section aria-labelledby="minutes-attendance" className="space-y-2">
        <h2 id="minutes-attendance" className="font-semibold">
          {t("meetings.minutes.attendance")}
        </h2>
        <p className="text-sm">
          {t("meetings.attendance.summary", { present: n(present), absent: n(absent) })}
        </p>
        {/* On a phone the table scrolls in its own box, never the page (issue #30). */}
        <div className="overflow-x-auto print:overflow-visible">
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
        </div>
      </section>

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
            {(resolutionsByItem.get(item.id) ?? []).length === 0 ? (
              <p className="text-sm text-slate-600">{t("meetings.minutes.noResolutions")}</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {(resolutionsByItem.get(item.id) ?? []).map((r) => (
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
        ))}
      </section>

      {followUps.length > 0 && (
        <section aria-labelledby="minutes-follow-up" className="space-y-2">
          <h2 id="minutes-follow-up" className="font-semibold">
            {t("meetings.followUp.minutesSection")}
          </h2>
          {/* On a phone the table scrolls in its own box, never the page (issue #30). */}
          <div className="overflow-x-auto print:overflow-visible">
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
          </div>
        </section>
      )}

      {amendments.length > 0 && (
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
      )}

      <SignatureBlock
        t={t}
        signers={[
          { role: t("meetings.minutes.secretary"), name: meeting.body.secretaryName ?? "" },
          { role: t("meetings.minutes.chair"), name: meeting.body.chairName ?? "" },
        ]}
      />
      {verification && <PaperVerification {...verification} t={t} />}
      {notices.length > 0 && (
        <section
          aria-labelledby="minutes-notices"
          className="no-print space-y-2 border-t border-slate-200 pt-4"
        >
          <h2 id="minutes-notices" className="font-semibold">
            {t("notices.meetingNotices")}
          </h2>
          <NoticeList items={notices} t={t} locale={locale} empty="" showAgency />
        </section>
      )}
    </article>
  );
}
