import { notFound } from "next/navigation";
import { recordPage } from "@/components/ui/record-page";
import { pageTitle, type PageContext } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatDigits } from "@/lib/i18n/format";
import { Letterhead, SignatureBlock } from "@/components/print/letterhead";
import { getMeeting, getMeetingRef } from "@/lib/meetings/queries";
import { meetingTitle } from "@/lib/meetings/title";
import "@/components/meetings/print.css";
import {
  MinutesActions,
  MinutesAttendance,
  MinutesCases,
  MinutesFollowUps,
  MinutesHeader,
} from "@/components/meetings/minutes-sections";
import { listFollowUpItems } from "@/lib/meetings/follow-up";
import { followUpItemView } from "@/lib/meetings/follow-up-views";
import { listMeetingNotices } from "@/lib/notices/queries";
import { NoticeList } from "@/components/notices/notice-list";

export const generateMetadata = pageTitle("meetings.minutes.title");

/** صورتجلسه: generated from the recorded agenda, attendance and resolutions; printed on A4. */
export default recordPage({
  action: "case.read",
  inReach: getMeetingRef,
  skeleton: "document",
  body: Minutes,
});

async function Minutes({ context, id }: { context: PageContext; id: string }) {
  const { user, t, locale } = context;
  const meeting = await getMeeting(user, id);
  if (!meeting) notFound();
  const title = meetingTitle(meeting, locale, t);
  const [followUps, notices] = await Promise.all([
    listFollowUpItems(user, meeting.id).then((items) => items.map((i) => followUpItemView(i, locale, t))),
    listMeetingNotices(user, meeting.id),
  ]);
  const canApprove =
    meeting.status === "HELD" && can(user, "minutes.approve", { provinceId: meeting.provinceId });
  return (
    <article className="print-document mx-auto max-w-4xl space-y-6 bg-white p-6 print:p-0">
      <MinutesActions meeting={meeting} canApprove={canApprove} t={t} />
      <Letterhead
        provinceId={meeting.provinceId}
        number={formatDigits(`${meeting.jalaliYear}/${meeting.number}`, locale)}
        date={meeting.startsAt}
        locale={locale}
        t={t}
      />
      <MinutesHeader meeting={meeting} title={title} t={t} locale={locale} />
      <MinutesAttendance meeting={meeting} t={t} locale={locale} />
      <MinutesCases meeting={meeting} t={t} locale={locale} />
      {followUps.length > 0 && <MinutesFollowUps followUps={followUps} t={t} locale={locale} />}
      <SignatureBlock
        t={t}
        signers={[
          { role: t("meetings.minutes.secretary"), name: meeting.body.secretaryName ?? "" },
          { role: t("meetings.minutes.chair"), name: meeting.body.chairName ?? "" },
        ]}
      />
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
