import { pageContext, pageTitle } from "@/lib/page";
import { noticeIndexView } from "@/lib/notices/views";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { NoticeList } from "@/components/notices/notice-list";

export const generateMetadata = pageTitle("notices.title");

/** ابلاغ‌ها: every notice of the province, by receipt, agency and session (issue #30). */
export default async function NoticesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, t, locale } = await pageContext("case.read");
  const view = await noticeIndexView(user, await searchParams, t, locale);
  return (
    <ListPage
      title={t("notices.title")}
      intro={t("notices.indexIntro")}
      view={view}
      liveTotal
      table={<NoticeList items={view.items} t={t} locale={locale} empty={view.empty} showAgency />}
      t={t}
      locale={locale}
    />
  );
}
