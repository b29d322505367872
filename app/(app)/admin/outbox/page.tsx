import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";
import { listOutbox } from "@/lib/notifications/queries";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { MessageList } from "@/components/notifications/message-list";
import { pageNumber } from "@/lib/validation";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("notifications.outboxTitle") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("settings.manage");
  const { t, locale } = await getTranslator();
  const { items, total, page, pages } = await listOutbox(user, {
    page: pageNumber((await searchParams).page),
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
