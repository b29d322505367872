import Link from "next/link";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { listMyNotifications } from "@/lib/notifications/queries";
import { EmptyState } from "@/components/ui/card";
import { MarkReadButton } from "@/components/notifications/notification-forms";

type Notification = Awaited<ReturnType<typeof listMyNotifications>>["items"][number];

/** The user's in-app notifications, unread ones marked and each with its own "mark read". */
export function NotificationInbox({
  items,
  t,
  locale,
}: {
  items: Notification[];
  t: Translate;
  locale: Locale;
}) {
  if (items.length === 0) return <EmptyState>{t("notifications.inboxEmpty")}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("notifications.inboxTitle")}>
      {items.map((n) => (
        <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1 space-y-1">
            <p className={`text-sm ${n.readAt ? "" : "font-semibold"}`}>
              {!n.readAt && (
                <span className="me-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">
                  {t("notifications.unread")}
                </span>
              )}
              {n.link ? (
                <Link href={n.link} className="text-brand-700 underline-offset-4 hover:underline">
                  {n.subject}
                </Link>
              ) : (
                n.subject
              )}
            </p>
            <p className="whitespace-pre-line text-sm text-slate-700">{n.body}</p>
            <p className="text-xs text-slate-500">
              {formatDateTime(n.createdAt, locale, { style: "short" })}
              {n.earlier > 0 && (
                <> · {t("notifications.earlier", { count: formatNumber(n.earlier, locale) })}</>
              )}
            </p>
          </div>
          {!n.readAt && <MarkReadButton id={n.id} label={t("notifications.markRead")} />}
        </li>
      ))}
    </ul>
  );
}
