import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { getMeeting, getMeetingRef } from "@/lib/meetings/queries";
import { meetingTitle } from "@/lib/meetings/title";
import "@/components/meetings/print.css";
import { listFollowUpItems } from "@/lib/meetings/follow-up";
import { followUpItemView } from "@/lib/meetings/follow-up-views";
import { listMeetingNotices } from "@/lib/notices/queries";
import { listMinutesAmendments, minutesResolutions } from "@/lib/meetings/minutes";
import { minutesVerification } from "@/lib/meetings/minutes-proof";
import { verifyQrSvg, verifyUrl } from "@/lib/letters/queries";
import { PaperFoot, PaperVerification } from "@/components/letters/paper-verification";
import { PaperPages } from "@/components/print/paper-pages";
import {
  MinutesAmendments,
  MinutesAttendance,
  MinutesCases,
  MinutesFollowUps,
  MinutesHeading,
  MinutesNotices,
  MinutesSignatures,
  MinutesToolbar,
} from "@/components/meetings/minutes-sections";

export const generateMetadata = pageTitle("meetings.minutes.title");

/** صورتجلسه: generated from the recorded agenda, attendance and resolutions; printed on A4. */
async function Minutes({ context, record: meeting }: RecordProps<typeof getMeeting>) {
  const { user, t, locale } = context;
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
  const canApprove =
    meeting.status === "HELD" && can(user, "minutes.approve", { provinceId: meeting.provinceId });
  // An approved minutes with nothing in it is almost always a session whose record was never
  // entered; approving stays allowed (a session can end without decisions) but not unwarned.
  const nothingRecorded =
    meeting.attendances.length === 0 && !meeting.agendaItems.some((item) => item.outcome);
  const words = { t, locale };
  return (
    <article className="print-document mx-auto max-w-4xl space-y-6 bg-white p-3 break-words sm:p-6 print:p-0">
      <MinutesToolbar
        meetingId={meeting.id}
        canApprove={canApprove}
        nothingRecorded={nothingRecorded}
        t={t}
      />
      {/* Approved minutes carry their code and QR at the foot of every printed page (issue #37). */}
      <PaperPages className="space-y-6" foot={verification && <PaperFoot {...verification} t={t} />}>
        <MinutesHeading meeting={meeting} title={title} {...words} />
        <MinutesAttendance meeting={meeting} {...words} />
        <MinutesCases items={meeting.agendaItems} resolutionsByItem={resolutionsByItem} {...words} />
        {followUps.length > 0 && <MinutesFollowUps followUps={followUps} {...words} />}
        {amendments.length > 0 && <MinutesAmendments amendments={amendments} t={t} />}
        <MinutesSignatures meeting={meeting} t={t} />
        {verification && <PaperVerification {...verification} t={t} />}
        {notices.length > 0 && <MinutesNotices notices={notices} {...words} />}
      </PaperPages>
    </article>
  );
}

// One cheap look-up before the minutes stream in behind a skeleton (never printed): an unknown
// id is a 404 only while the status has not been sent.
export default recordPage({
  action: "case.read",
  inReach: getMeetingRef,
  skeleton: "document",
  load: getMeeting,
  body: Minutes,
});
