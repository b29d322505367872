import { pageContext, pageTitle } from "@/lib/page";
import { formatNumber } from "@/lib/i18n/format";
import { listOutbox } from "@/lib/notifications/queries";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MessageList } from "@/components/notifications/message-list";

export const generateMetadata = pageTitle("notifications.outboxTitle");

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { user, t, locale } = await pageContext("settings.manage");
  const { items, total, page, pages } = await listOutbox(user, {
    page: Math.max(1, Number((await searchParams).page) || 1),
  });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("notifications.outboxTitle")}</h1>
        <p className="text-sm text-slate-600">
          {t("notifications.outboxIntro")}
          {total > 0 && <> — {t("common.total", { count: formatNumber(total, locale) })}</>}
        </p>
      </div>
      <Card>
        <MessageList
          items={items}
          locale={locale}
          t={t}
          empty={t("notifications.outboxEmpty")}
          showRecipient
        />
        <Pagination page={page} pages={pages} href={(p) => `/admin/outbox?page=${p}`} t={t} locale={locale} />
      </Card>
    </div>
  );
}
