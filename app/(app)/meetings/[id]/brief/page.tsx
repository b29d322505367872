import { recordPage, type RecordProps } from "@/components/ui/record-page";
import { pageTitle } from "@/lib/page";
import { formatDateTime } from "@/lib/i18n/format";
import { getChairBrief, getMeetingRef } from "@/lib/meetings/queries";
import { EmptyState } from "@/components/ui/card";
import { meetingTitle } from "@/lib/meetings/title";
import { PrintButton } from "@/components/meetings/session-actions";
import "@/components/meetings/print.css";
import { Letterhead } from "@/components/print/letterhead";
import { UnitBrief } from "@/components/meetings/brief-sections";

export const generateMetadata = pageTitle("meetings.brief.title");

/** The chair's reading before the session: one printed page per unit on the agenda. */
async function Brief({ context, record: brief }: RecordProps<typeof getChairBrief>) {
  const { user, t, locale } = context;
  return (
    <article className="print-document mx-auto max-w-4xl space-y-6 bg-white p-6 print:p-0">
      <div className="no-print">
        <PrintButton label={t("meetings.brief.print")} />
      </div>
      {/* A provincial reader only opens their province's sessions: its letterhead is theirs. */}
      <Letterhead provinceId={user.provinceId} date={new Date()} locale={locale} t={t} />
      <header className="space-y-1 border-b border-slate-300 pb-3">
        <h1 className="text-xl font-bold">{t("meetings.brief.title")}</h1>
        <p className="text-sm">
          {meetingTitle(brief, locale, t)} — {formatDateTime(brief.startsAt, locale)}
          {brief.place && <> — {brief.place}</>}
        </p>
        <ol className="list-decimal ps-6 text-sm">
          {brief.agendaItems.map((item) => (
            <li key={item.id}>
              <a href={`#unit-${item.id}`}>{item.unit.name}</a>
            </li>
          ))}
        </ol>
      </header>
      {brief.agendaItems.length === 0 && <EmptyState>{t("meetings.brief.noAgenda")}</EmptyState>}
      {brief.agendaItems.map((item, index) => (
        <UnitBrief key={item.id} item={item} index={index} t={t} locale={locale} />
      ))}
    </article>
  );
}

export default recordPage({
  action: "case.read",
  inReach: getMeetingRef,
  skeleton: "document",
  load: getChairBrief,
  body: Brief,
});
