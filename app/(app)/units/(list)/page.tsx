import Link from "next/link";
import { stacked } from "@/components/ui/stacked-table";
import { pageContext, pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatNumber, localName } from "@/lib/i18n/format";
import { listUnits, unitFormOptions } from "@/lib/units/queries";
import {
  OPERATING_STATUSES,
  SECTORS,
  unitFiltersSchema,
  UNIT_SORTS,
  type UnitSort,
} from "@/lib/units/schema";
import type { MessageKey } from "@/lib/i18n/messages";
import { listHref } from "@/lib/units/url";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilterSelect as Select } from "@/components/ui/filter-select";
import { CountyFilter } from "@/components/ui/county-filter";
import { Pagination } from "@/components/ui/pagination";
import { OperatingStatusBadge } from "@/components/units/badges";
import { ExportLinks } from "@/components/exports/export-links";

export const generateMetadata = pageTitle("units.title");

type Params = Record<string, string | undefined>;

const SORT_LABEL = {
  name: "units.sortName",
  updated: "units.sortUpdated",
  obstacles: "units.sortObstacles",
  employees: "units.sortEmployees",
} as const satisfies Record<UnitSort, MessageKey>;

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { user: actor, t, locale } = await pageContext("case.read");
  const raw = await searchParams;
  const filters = unitFiltersSchema.parse(raw);
  const [{ units, total, pages }, { counties, parks }] = await Promise.all([
    listUnits(actor, filters),
    unitFormOptions(actor),
  ]);
  const current = {
    q: filters.q,
    sector: filters.sector,
    countyId: filters.countyId,
    status: filters.status,
    park: filters.park,
    open: filters.open,
    sort: filters.sort === "name" ? undefined : filters.sort,
    dir: filters.dir === "asc" ? undefined : filters.dir,
  };
  const filtered = Object.entries(current).some(
    ([k, v]) => v !== undefined && v !== "" && k !== "sort" && k !== "dir",
  );
  const writer = can(actor, "unit.write");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("units.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <ExportLinks href={listHref("/api/units/export", current)} label={t("units.export")} t={t} />
          {writer && (
            <ButtonLink variant="secondary" href="/units/import">
              {t("units.import")}
            </ButtonLink>
          )}
          {writer && <ButtonLink href="/units/new">{t("units.newUnit")}</ButtonLink>}
        </div>
      </div>
      <Card>
        <form
          role="search"
          aria-label={t("units.searchLabel")}
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        >
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="unit-q" className="block text-sm font-medium">
              {t("units.searchLabel")}
            </label>
            <input id="unit-q" name="q" type="search" defaultValue={filters.q} className={inputClass} />
          </div>
          <Select
            id="unit-sector"
            label={t("units.sector")}
            name="sector"
            value={filters.sector}
            options={SECTORS.map((s) => [s, t(`sector.${s}`)])}
            all={t("units.all")}
          />
          <CountyFilter
            id="unit-county"
            label={t("units.county")}
            labelClassName="block text-sm font-medium"
            name="countyId"
            value={filters.countyId}
            counties={counties}
            all={t("units.all")}
            locale={locale}
            t={t}
          />
          <Select
            id="unit-status"
            label={t("units.status")}
            name="status"
            value={filters.status}
            options={OPERATING_STATUSES.map((s) => [s, t(`operatingStatus.${s}`)])}
            all={t("units.all")}
          />
          <Select
            id="unit-park"
            label={t("units.industrialPark")}
            name="park"
            value={filters.park}
            options={parks.map((p) => [p, p])}
            all={t("units.all")}
          />
          <Select
            id="unit-open"
            label={t("units.hasOpenObstacles")}
            name="open"
            value={filters.open}
            options={[
              ["yes", t("units.withOpen")],
              ["no", t("units.withoutOpen")],
            ]}
            all={t("units.anyObstacles")}
          />
          {/* Sort field and direction are one choice: kept side by side on every width. */}
          <div className="grid grid-cols-2 gap-3 sm:col-span-2">
            <Select
              id="unit-sort"
              label={t("units.sortBy")}
              name="sort"
              value={filters.sort}
              options={UNIT_SORTS.map((s) => [s, t(SORT_LABEL[s])])}
            />
            <Select
              id="unit-dir"
              label={t("units.sortDir")}
              name="dir"
              value={filters.dir}
              options={[
                ["asc", t("units.ascending")],
                ["desc", t("units.descending")],
              ]}
            />
          </div>
          <div className="flex items-end gap-2 sm:col-span-2">
            <button type="submit" className={buttonClass("primary")}>
              {t("units.filter")}
            </button>
            {filtered && (
              <Link href="/units" className={buttonClass("ghost")}>
                {t("units.clearFilters")}
              </Link>
            )}
          </div>
        </form>
        <p className="mb-2 text-sm text-slate-600">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        {units.length === 0 ? (
          <EmptyState>{filtered ? t("units.noUnits") : t("units.noUnitsYet")}</EmptyState>
        ) : (
          <div className={stacked.wrapper}>
            <table className={`${stacked.table} md:min-w-[52rem]`}>
              {/* On a phone each card labels its own lines; sorting is a desktop affordance. */}
              <thead className="border-b border-slate-200 text-slate-600 phone:hidden">
                <tr>
                  <th scope="col" className="p-2 text-start font-medium">
                    <Link
                      href={listHref("/units", current, {
                        sort: undefined,
                        dir: filters.sort === "name" && filters.dir === "asc" ? "desc" : undefined,
                      })}
                      className="underline-offset-4 hover:underline"
                    >
                      {t("units.name")}
                    </Link>
                  </th>
                  <th scope="col" className="p-2 text-start font-medium">
                    {t("units.county")}
                  </th>
                  <th scope="col" className="p-2 text-start font-medium">
                    {t("units.sector")}
                  </th>
                  <th scope="col" className="p-2 text-start font-medium">
                    {t("units.status")}
                  </th>
                  <th scope="col" className="p-2 text-start font-medium">
                    {t("units.openObstacles")}
                  </th>
                  <th scope="col" className="p-2 text-start font-medium">
                    {t("units.employees")}
                  </th>
                </tr>
              </thead>
              <tbody className={stacked.body}>
                {units.map((u) => (
                  <tr key={u.id} className={`border-b border-slate-100 ${stacked.row}`}>
                    <td className={`p-2 ${stacked.cell}`} data-label={t("units.name")}>
                      <Link
                        href={`/units/${u.id}`}
                        className="font-medium text-brand-700 underline-offset-4 hover:underline"
                      >
                        {u.name}
                      </Link>
                      {u.industrialPark && <div className="text-xs text-slate-500">{u.industrialPark}</div>}
                    </td>
                    <td className={`p-2 ${stacked.cell}`} data-label={t("units.county")}>
                      {localName(u.county, locale)}
                    </td>
                    <td className={`p-2 ${stacked.cell}`} data-label={t("units.sector")}>
                      {t(`sector.${u.sector}`)}
                    </td>
                    <td className={`p-2 ${stacked.cell}`} data-label={t("units.status")}>
                      <OperatingStatusBadge status={u.status} t={t} />
                    </td>
                    <td className={`p-2 ${stacked.cell}`} data-label={t("units.openObstacles")}>
                      {formatNumber(u._count.obstacles, locale)}
                    </td>
                    <td className={`p-2 ${stacked.cell}`} data-label={t("units.employees")}>
                      {u.employees === null ? t("common.none") : formatNumber(u.employees, locale)}
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
          href={(p) => listHref("/units", current, { page: p })}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
