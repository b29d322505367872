import { pageContext, pageTitle } from "@/lib/page";
import { formatNumber } from "@/lib/i18n/format";
import { listResolutions, resolutionFilterOptions } from "@/lib/resolutions/queries";
import { resolutionFilterSchema } from "@/lib/resolutions/schema";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { ResolutionTable } from "@/components/resolutions/resolution-table";
import { filterQuery, ResolutionFilters } from "@/components/resolutions/resolution-filters";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("nav.resolutions");

const FIELDS = ["agencyId", "status", "overdue", "meetingId", "unitId", "categoryId", "from", "to"] as const;

export default async function ResolutionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, t, locale } = await pageContext("case.read");
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? raw[k] : undefined);
  const values = Object.fromEntries(FIELDS.map((k) => [k, one(k)]));
  const filter = resolutionFilterSchema.parse({ ...values, page: one("page") });
  const filtered = FIELDS.some((k) => values[k]);
  const [{ items, total, page, pages }, options] = await Promise.all([
    listResolutions(user, filter),
    resolutionFilterOptions({ actor: user, locale, t }, filter),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("nav.resolutions")}</h1>
          <p className="text-sm text-slate-600">{t("resolutions.registerIntro")}</p>
        </div>
        {/* Plain links: the route handler streams the file with the same filters, or queues it. */}
        <div className="flex flex-wrap gap-2">
          <ExportLinks
            href={`/api/resolutions/export?${filterQuery(values)}`}
            label={t("resolutions.exportXlsx")}
            t={t}
          />
        </div>
      </div>
      <Card>
        <ResolutionFilters
          action="/resolutions"
          values={values}
          options={options}
          locale={locale}
          t={t}
          full
        />
        <p className="mb-2 text-sm text-slate-600" role="status">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        <ResolutionTable
          items={items}
          locale={locale}
          t={t}
          empty={filtered ? t("resolutions.noMatches") : t("home.agencyEmpty")}
        />
        <Pagination
          page={page}
          pages={pages}
          href={(p) => `/resolutions?${filterQuery(values, { page: String(p) })}`}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
