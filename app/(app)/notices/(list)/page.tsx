import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatNumber, localName } from "@/lib/i18n/format";
import { listNotices, noticeAgencies } from "@/lib/notices/queries";
import { NOTICE_RECEIPTS, noticeFilterSchema } from "@/lib/notices/schema";
import { Card } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { NoticeList } from "@/components/notices/notice-list";

export const generateMetadata = pageTitle("notices.title");

/** ابلاغ‌ها: every notice of the province, by receipt, agency and session (issue #30). */
export default async function NoticesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, t, locale } = await pageContext("case.read");
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? raw[k] : undefined);
  // An agency's people start at their own agency's notices; "all" widens the list.
  const ownAgency = can(user, "agencyInbox.view") ? user.agencyId : null;
  const agencyParam = one("agencyId");
  const agencyId = agencyParam === "all" ? undefined : (agencyParam ?? ownAgency ?? undefined);
  const filter = noticeFilterSchema.parse({
    receipt: one("receipt"),
    agencyId,
    meetingId: one("meetingId"),
    page: one("page"),
  });
  const [{ items, total, page, pages }, agencies] = await Promise.all([
    listNotices(user, filter),
    noticeAgencies(user),
  ]);
  const query = (p: number) =>
    "/notices?" +
    new URLSearchParams({
      ...(filter.receipt ? { receipt: filter.receipt } : {}),
      agencyId: filter.agencyId ?? "all",
      ...(filter.meetingId ? { meetingId: filter.meetingId } : {}),
      page: String(p),
    }).toString();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("notices.title")}</h1>
        <p className="text-sm text-slate-600">{t("notices.indexIntro")}</p>
      </div>
      <Card>
        <form method="get" action="/notices" className="mb-4 flex flex-wrap items-end gap-3">
          {filter.meetingId && <input type="hidden" name="meetingId" value={filter.meetingId} />}
          <FilterSelect
            id="notice-receipt"
            label={t("notices.receipt")}
            name="receipt"
            value={filter.receipt}
            all={t("notices.receiptAny")}
            options={NOTICE_RECEIPTS.map((r) => [r, t(`notices.receiptFilter.${r}`)])}
          />
          <FilterSelect
            id="notice-agency"
            label={t("resolution.agency")}
            name="agencyId"
            value={filter.agencyId ?? "all"}
            options={[
              ["all", t("notices.allAgencies")],
              ...agencies.map((a): [string, string] => [a.id, localName(a, locale)]),
            ]}
          />
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
          >
            {t("notices.filter")}
          </button>
          {filter.meetingId && (
            <Link href="/notices" className="text-sm text-brand-700 underline-offset-4 hover:underline">
              {t("notices.allSessions")}
            </Link>
          )}
        </form>
        <p className="mb-2 text-sm text-slate-600" role="status">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        <NoticeList items={items} t={t} locale={locale} empty={t("notices.indexEmpty")} showAgency />
        <Pagination page={page} pages={pages} href={query} t={t} locale={locale} />
      </Card>
    </div>
  );
}
