import type { Actor } from "@/lib/auth/policy";
import { formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { expectedAttendance } from "@/lib/meetings/rsvp";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

/**
 * Who said they would come (issue #37 §3): the replies to the session's invitations, before
 * the attendance of the day is recorded below it.
 */
export async function ExpectedAttendance({
  user,
  meetingId,
  t,
  locale,
}: {
  user: Actor;
  meetingId: string;
  t: Translate;
  locale: Locale;
}) {
  const replies = await expectedAttendance(user, meetingId);
  const count = (mode: string) => formatNumber(replies.filter((r) => r.mode === mode).length, locale);
  return (
    <Card title={t("rsvp.expectedTitle")}>
      {replies.length === 0 ? (
        <p className="text-sm text-slate-600">{t("rsvp.expectedEmpty")}</p>
      ) : (
        <div className="space-y-2">
          <p className="text-sm">
            {t("rsvp.expectedSummary", {
              head: count("HEAD"),
              rep: count("REPRESENTATIVE"),
              absent: count("ABSENT"),
            })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="expected-attendance">
              <TableHead labels={[t("rsvp.party"), t("rsvp.answer"), t("rsvp.answeredAt")]} />
              <tbody>
                {replies.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100">
                    <td className="p-2">
                      {r.agency
                        ? localName(r.agency, locale)
                        : t("invitations.unitParty", { unit: r.unit?.name ?? "" })}
                    </td>
                    <td className="p-2">
                      {t(`rsvp.${r.mode}`)}
                      {r.attendeeName && <> — {r.attendeeName}</>}
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {formatDateTime(r.answeredAt, locale, { style: "short" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
