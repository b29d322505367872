import { pageContext, pageTitle } from "@/lib/page";
import { formatNumber } from "@/lib/i18n/format";
import {
  listAgencyInbox,
  listSupportedResolutions,
  resolutionFilterOptions,
} from "@/lib/resolutions/queries";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { filterQuery, ResolutionFilters } from "@/components/resolutions/resolution-filters";
import { pageNumber } from "@/lib/validation";
import { listAgencyNotices } from "@/lib/notices/queries";
import { NoticeList } from "@/components/notices/notice-list";

export const generateMetadata = pageTitle("nav.agency");

type Search = { status?: string; meetingId?: string; page?: string; spage?: string };

export default async function AgencyInboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, t, locale } = await pageContext("agencyInbox.view");
  const raw = await searchParams;
  const filter = resolutionFilterSchema.parse({
    status: raw.status,
    meetingId: raw.meetingId,
    page: raw.page,
  });
  const supportedPage = pageNumber(raw.spage);
  const [inbox, supported, options, notices] = await Promise.all([
    listAgencyInbox(user, filter),
    listSupportedResolutions(user, { page: supportedPage }),
    // agencyInbox.view is only granted with an agency; "" would match nothing.
    resolutionFilterOptions(user, { agencyId: user.agencyId ?? "" }),
    listAgencyNotices(user),
  ]);
  const values = { status: raw.status, meetingId: raw.meetingId };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("nav.agency")}</h1>
      <Card title={t("notices.inboxTitle")}>
        <NoticeList
          items={notices}
          t={t}
          locale={locale}
          empty={t("notices.inboxEmpty")}
          showAgency={false}
        />
      </Card>
      <Card title={t("resolutions.responsibleSection")}>
        <ResolutionFilters
          action="/agency"
          values={values}
          options={options}
          locale={locale}
          t={t}
          full={false}
        />
        <p className="mb-2 text-sm text-slate-600">
          {t("common.total", { count: formatNumber(inbox.total, locale) })}
        </p>
        <ResolutionTable
          items={inbox.items}
          locale={locale}
          t={t}
          empty={filter.status || filter.meetingId ? t("resolutions.noMatches") : t("home.agencyEmpty")}
        />
        <Pagination
          page={inbox.page}
          pages={inbox.pages}
          href={(p) => `/agency?${filterQuery(values, { page: String(p) })}`}
          t={t}
          locale={locale}
        />
      </Card>
      <Card title={t("resolutions.supportingSection")}>
        <ResolutionTable
          items={supported.items}
          locale={locale}
          t={t}
          empty={t("resolutions.supportingEmpty")}
        />
        <Pagination
          page={supported.page}
          pages={supported.pages}
          href={(p) => `/agency?${filterQuery(values, { spage: String(p) })}`}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
