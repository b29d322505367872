import { pageTitle } from "@/lib/page";
import { noticeIndexView } from "@/lib/notices/views";
import { listRoute } from "@/components/ui/list-route";
import { NoticeList } from "@/components/notices/notice-list";

export const generateMetadata = pageTitle("notices.title");

/** ابلاغ‌ها: every notice of the province, by receipt, agency and session (issue #30). */
export default listRoute("case.read", "notices.title", noticeIndexView, (view, { t, locale }) => ({
  intro: t("notices.indexIntro"),
  liveTotal: true,
  table: <NoticeList items={view.items} t={t} locale={locale} empty={view.empty} showAgency />,
}));
