import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { SmsOutboxView } from "@/lib/sms/outbox-view";
import { EmptyState } from "@/components/ui/card";
import { stacked } from "@/components/ui/stacked-table";
import { TableHead } from "@/components/ui/table-head";

const TONE: Record<string, string> = {
  DELIVERED: "text-green-800",
  SENT: "text-slate-800",
  UNDELIVERED: "text-red-700",
  FAILED: "text-red-700",
  PENDING: "text-amber-800",
  SENDING: "text-amber-800",
};

/** The SMS outbox's rows: what, to whom, where it stands, what the gateway said and charged. */
export function SmsOutboxTable({
  items,
  t,
  locale,
}: {
  items: SmsOutboxView["items"];
  t: Translate;
  locale: Locale;
}) {
  if (items.length === 0) return <EmptyState>{t("sms.outbox.empty")}</EmptyState>;
  const labels = [
    t("sms.outbox.when"),
    t("sms.outbox.to"),
    t("sms.outbox.text"),
    t("sms.outbox.status"),
    t("sms.outbox.attempts"),
    t("sms.outbox.provider"),
    t("sms.outbox.cost"),
  ];
  return (
    // A stack of cards on a phone (components/ui/stacked-table.ts), a table from md up.
    <div className={stacked.wrapper}>
      <table className={`${stacked.table} md:min-w-[56rem]`}>
        <TableHead className={`border-b border-slate-200 text-slate-600 ${stacked.head}`} labels={labels} />
        <tbody className={stacked.body}>
          {items.map((m) => (
            <tr
              key={m.id}
              className={`border-b border-slate-100 align-top ${stacked.row}`}
              data-testid="sms-row"
            >
              <td data-label={labels[0]} className={`p-2 whitespace-nowrap ${stacked.cell}`}>
                {formatDateTime(m.sentAt ?? m.createdAt, locale, { style: "short" })}
              </td>
              <td data-label={labels[1]} className={`p-2 ${stacked.cell}`} dir="ltr">
                {m.toMobile}
              </td>
              <td
                data-label={labels[2]}
                className={`max-w-md p-2 break-words whitespace-pre-line ${stacked.cell}`}
              >
                {m.body}
                {m.urgent && <span className="ms-1 text-xs text-slate-600">({t("sms.outbox.urgent")})</span>}
              </td>
              <td data-label={labels[3]} className={`p-2 ${TONE[m.status] ?? ""} ${stacked.cell}`}>
                {t(`sms.outbox.statuses.${m.status}`)}
                {m.status === "PENDING" && (
                  <div className="text-xs text-slate-600">
                    {t("sms.outbox.next", {
                      when: formatDateTime(m.nextAttemptAt, locale, { style: "short" }),
                    })}
                  </div>
                )}
                {m.lastError && (
                  <div className="text-xs break-all text-slate-600" dir="auto">
                    {m.lastError}
                  </div>
                )}
              </td>
              <td data-label={labels[4]} className={`p-2 ${stacked.cell}`}>
                {formatNumber(m.attempts, locale)}
              </td>
              <td data-label={labels[5]} className={`p-2 text-xs break-all ${stacked.cell}`}>
                {m.provider && <div>{m.provider}</div>}
                {m.providerMessageId && <div dir="ltr">{m.providerMessageId}</div>}
              </td>
              <td data-label={labels[6]} className={`p-2 ${stacked.cell}`}>
                {m.costUnits === null ? "—" : formatNumber(m.costUnits, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
