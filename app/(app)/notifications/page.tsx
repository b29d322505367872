import { pageContext, pageTitle } from "@/lib/page";
import { listMyMessages, listMyNotifications } from "@/lib/notifications/queries";
import { formatNumber } from "@/lib/i18n/format";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MessageList } from "@/components/notifications/message-list";
import { NotificationInbox } from "@/components/notifications/notification-inbox";
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
        <NotificationInbox items={inbox.items} t={t} locale={locale} />
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
