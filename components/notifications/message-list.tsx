import { formatDateTime } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";

type Message = {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  status: "PENDING" | "SENT" | "FAILED" | "OUTBOX";
  sentAt: Date | null;
  createdAt: Date;
};

/** E-mails as a list of expandable entries: subject first, the body on demand. */
export function MessageList({
  items,
  locale,
  t,
  empty,
  showRecipient,
}: {
  items: Message[];
  locale: Locale;
  t: Translate;
  empty: string;
  showRecipient: boolean;
}) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((m) => (
        <li key={m.id} className="py-2">
          <details>
            <summary className="cursor-pointer text-sm">
              <span className="font-medium">{m.subject}</span>
              <span className="ms-2 text-xs text-slate-500">
                {formatDateTime(m.sentAt ?? m.createdAt, locale, { style: "short" })} —{" "}
                {t(`notifications.status.${m.status}`)}
                {showRecipient && (
                  <>
                    {" "}
                    — <span dir="ltr">{m.toEmail}</span>
                  </>
                )}
              </span>
            </summary>
            <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-sm">{m.body}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
