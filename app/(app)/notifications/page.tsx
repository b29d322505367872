import { pageContext, pageTitle } from "@/lib/page";
import { notificationsView } from "@/lib/notifications/views";
import type { SearchParams } from "@/lib/views/list";
import { Card } from "@/components/ui/card";
import { ListCard, ListHeader } from "@/components/ui/list";
import { MessageList } from "@/components/notifications/message-list";
import { NotificationInbox } from "@/components/notifications/notification-inbox";
import {
  MailFrequencyForm,
  MarkReadButton,
  SmsSettingsForm,
} from "@/components/notifications/notification-forms";

export const generateMetadata = pageTitle("notifications.inboxTitle");

/** What the user must act on (in-app notifications), their e-mail choice, and the e-mails sent. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("notifications.own");
  const { inbox, mails, sms } = await notificationsView(user, await searchParams, t, locale);
  const words = { t, locale };
  return (
    <div className="space-y-6">
      <ListHeader
        title={t("notifications.inboxTitle")}
        intro={t("notifications.inboxIntro")}
        actions={inbox.markAll && <MarkReadButton id="all" label={inbox.markAll} />}
      />
      <ListCard
        view={inbox}
        cardTitle={inbox.title}
        table={<NotificationInbox items={inbox.items} {...words} />}
        {...words}
      />
      <Card title={t("notifications.preference")}>
        <MailFrequencyForm value={inbox.mailFrequency} />
      </Card>
      <Card title={t("sms.mobile.title")}>
        <SmsSettingsForm {...sms} />
      </Card>
      <ListCard
        view={mails}
        cardTitle={t("notifications.sentMails")}
        table={<MessageList items={mails.items} empty={mails.empty} showRecipient={false} {...words} />}
        {...words}
      />
    </div>
  );
}
