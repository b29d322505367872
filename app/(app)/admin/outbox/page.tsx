import { pageTitle } from "@/lib/page";
import { outboxView } from "@/lib/notifications/views";
import { listRoute } from "@/components/ui/list-route";
import { MessageList } from "@/components/notifications/message-list";

export const generateMetadata = pageTitle("notifications.outboxTitle");

export default listRoute(
  "settings.manage",
  "notifications.outboxTitle",
  outboxView,
  (view, { t, locale }) => ({
    intro: t("notifications.outboxIntro"),
    table: <MessageList items={view.items} locale={locale} t={t} empty={view.empty} showRecipient />,
  }),
);
