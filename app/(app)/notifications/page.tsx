import { pageContext, pageTitle } from "@/lib/page";
import { listMyMessages } from "@/lib/notifications/queries";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MessageList } from "@/components/notifications/message-list";

export const generateMetadata = pageTitle("notifications.title");

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const { user, t, locale } = await pageContext("case.read");
  const { items, page, pages } = await listMyMessages(user, {
    page: Math.max(1, Number((await searchParams).page) || 1),
  });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        <p className="text-sm text-slate-600">{t("notifications.intro")}</p>
      </div>
      <Card>
        <MessageList
          items={items}
          locale={locale}
          t={t}
          empty={t("notifications.empty")}
          showRecipient={false}
        />
        <Pagination
          page={page}
          pages={pages}
          href={(p) => `/notifications?page=${p}`}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
