import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { listMyMessages, listMyNotifications } from "@/lib/notifications/queries";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MessageList } from "@/components/notifications/message-list";
import {
  MailFrequencyForm,
  MarkReadButton,
  SmsSettingsForm,
} from "@/components/notifications/notification-forms";
import { mySmsSettings } from "@/lib/sms/mobile";
import { pageNumber } from "@/lib/validation";

export const generateMetadata = pageTitle("notifications.inboxTitle");

/** What the user must act on (in-app notifications), their e-mail choice, and the e-mails sent. */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; mpage?: string }>;
}) {
  const { user, t, locale } = await pageContext("notifications.own");
  const raw = await searchParams;
  const [inbox, mails, sms] = await Promise.all([
    listMyNotifications(user, { page: pageNumber(raw.page) }),
    listMyMessages(user, { page: pageNumber(raw.mpage) }),
    mySmsSettings(user),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("notifications.inboxTitle")}</h1>
          <p className="text-sm text-slate-600">{t("notifications.inboxIntro")}</p>
        </div>
        {inbox.unread > 0 && <MarkReadButton id="all" label={t("notifications.markAllRead")} />}
      </div>
      <Card title={t("notifications.unreadCount", { count: formatNumber(inbox.unread, locale) })}>
        {inbox.items.length === 0 ? (
          <EmptyState>{t("notifications.inboxEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("notifications.inboxTitle")}>
            {inbox.items.map((n) => (
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
        )}
        <Pagination
          page={inbox.page}
          pages={inbox.pages}
          href={(p) => `/notifications?page=${p}`}
          t={t}
          locale={locale}
        />
      </Card>
      <Card title={t("notifications.preference")}>
        <MailFrequencyForm value={inbox.mailFrequency} />
      </Card>
      <Card title={t("sms.mobile.title")}>
        <SmsSettingsForm {...sms} />
      </Card>
      <Card title={t("notifications.sentMails")}>
        <MessageList
          items={mails.items}
          locale={locale}
          t={t}
          empty={t("notifications.empty")}
          showRecipient={false}
        />
        <Pagination
          page={mails.page}
          pages={mails.pages}
          href={(p) => `/notifications?mpage=${p}`}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
