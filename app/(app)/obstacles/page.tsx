import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { formatDate, formatNumber, formatRials, localName } from "@/lib/i18n/format";
import { listObstacles, obstacleFormOptions } from "@/lib/obstacles/queries";
import { choiceById } from "@/lib/search/choices";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { unitFormOptions } from "@/lib/units/queries";
import { listHref } from "@/lib/units/url";
import { ObstacleStatus } from "@/lib/generated/prisma/enums";
import { Card, EmptyState } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { CountyFilter } from "@/components/ui/county-filter";
import { Pagination } from "@/components/ui/pagination";
import { ObstacleStatusBadge } from "@/components/units/badges";
import { TableHead } from "@/components/ui/table-head";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("obstacles.title");

export default async function ObstaclesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { user: actor, t, locale } = await pageContext("case.read");
  const filters = obstacleFiltersSchema.parse(await searchParams);
  const [{ obstacles, total, pages }, { categories }, { counties }, agency] = await Promise.all([
    listObstacles(actor, filters),
    obstacleFormOptions(actor),
    unitFormOptions(actor),
    // Hundreds of agencies at national scope: only the chosen one is named, the rest searched.
    choiceById({ actor, locale, t }, "agencies", filters.agencyId),
  ]);
  const current = {
    q: filters.q,
    status: filters.status,
    open: filters.open,
    categoryId: filters.categoryId,
    countyId: filters.countyId,
    agencyId: filters.agencyId,
  };
  const filtered = Object.values(current).some((v) => v !== undefined && v !== "");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("obstacles.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <ExportLinks href={listHref("/api/obstacles/export", current)} label={t("units.export")} t={t} />
        </div>
      </div>
      <Card>
        <form
          role="search"
          aria-label={t("obstacles.searchLabel")}
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          <div className="space-y-1">
            <label htmlFor="obstacle-q" className="block text-sm font-medium">
              {t("obstacles.searchLabel")}
            </label>
            <input id="obstacle-q" name="q" type="search" defaultValue={filters.q} className={inputClass} />
          </div>
          <FilterSelect
            id="obstacle-status"
            label={t("obstacles.status")}
            name="status"
            value={filters.status}
            options={Object.values(ObstacleStatus).map((s) => [s, t(`obstacleStatus.${s}`)])}
            all={t("units.all")}
          />
          <FilterSelect
            id="obstacle-category"
            label={t("obstacles.category")}
            name="categoryId"
            value={filters.categoryId}
            options={categories.map((c) => [c.id, localName(c, locale)])}
            all={t("units.all")}
          />
          <CountyFilter
            id="obstacle-county"
            label={t("units.county")}
            labelClassName="block text-sm font-medium"
            name="countyId"
            value={filters.countyId}
            counties={counties}
            all={t("units.all")}
            locale={locale}
            t={t}
          />
          <div className="space-y-1">
            <label htmlFor="obstacle-agency" className="block text-sm font-medium">
              {t("obstacles.agencies")}
            </label>
            <SearchCombobox
              id="obstacle-agency"
              name="agencyId"
              source="agencies"
              initial={agency}
              placeholder={t("common.typeToSearch")}
              noMatch={t("common.noMatch")}
            />
          </div>
          <label className="flex items-end gap-2 pb-2 text-sm">
            <input type="checkbox" name="open" value="yes" defaultChecked={filters.open === "yes"} />
            {t("obstacles.openOnly")}
          </label>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
            <button type="submit" className={buttonClass("primary")}>
              {t("units.filter")}
            </button>
            {filtered && (
              <Link href="/obstacles" className={buttonClass("ghost")}>
                {t("units.clearFilters")}
              </Link>
            )}
          </div>
        </form>
        <p className="mb-2 text-sm text-slate-600">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        {obstacles.length === 0 ? (
          <EmptyState>{t("obstacles.noObstacles")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] text-sm">
              <TableHead
                labels={[
                  t("obstacles.unit"),
                  t("obstacles.category"),
                  t("obstacles.description"),
                  t("obstacles.amount"),
                  t("obstacles.status"),
                  t("obstacles.registeredOn"),
                ]}
              />
              <tbody>
                {obstacles.map((o) => (
                  <tr key={o.id} className="border-b border-slate-100 align-top">
                    <td className="p-2">
                      <Link
                        href={`/units/${o.unit.id}`}
                        className="font-medium text-brand-700 underline-offset-4 hover:underline"
                      >
                        {o.unit.name}
                      </Link>
                      <div className="text-xs text-slate-500">{localName(o.unit.county, locale)}</div>
                    </td>
                    <td className="p-2">
                      {localName(o.category, locale)}
                      {o.subCategory && (
                        <div className="text-xs text-slate-500">{localName(o.subCategory, locale)}</div>
                      )}
                    </td>
                    <td className="max-w-md p-2">{o.description}</td>
                    <td className="p-2 whitespace-nowrap">
                      {o.amountRials === null ? t("common.none") : formatRials(o.amountRials, locale)}
                    </td>
                    <td className="p-2">
                      <ObstacleStatusBadge status={o.status} t={t} />
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {formatDate(o.createdAt, locale, { style: "short" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={filters.page}
          pages={pages}
          href={(p) => listHref("/obstacles", current, { page: p })}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
