// What the unit list shows (app/(app)/units/(list)/page.tsx draws it with components/ui/list.tsx):
// unitListView() reads, unitList() decides the screen from what was read (unit-tested).
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { isFiltered, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import type { OperatingStatus } from "@/lib/generated/prisma/enums";
import { listUnits, unitFormOptions, type UnitListItem } from "./queries";
import {
  OPERATING_STATUSES,
  SECTORS,
  UNIT_SORTS,
  unitFiltersSchema,
  type UnitFilters,
  type UnitSort,
} from "./schema";
import { listHref } from "./url";

const SORT_LABEL = {
  name: "units.sortName",
  updated: "units.sortUpdated",
  obstacles: "units.sortObstacles",
  employees: "units.sortEmployees",
} as const satisfies Record<UnitSort, MessageKey>;

type UnitColumn = "name" | "county" | "sector" | "status" | "open" | "employees";

export interface UnitListData {
  filters: UnitFilters;
  units: UnitListItem[];
  total: number;
  pages: number;
  counties: { id: string; nameFa: string; nameEn: string }[];
  parks: string[];
}

export interface UnitList extends ListView<UnitColumn, { status: OperatingStatus }> {
  /** The viewer may add and import units. */
  canWrite: boolean;
  exportHref: string;
}

/** The unit list for these filters and rows, in the reader's language. */
export function unitList(data: UnitListData, actor: Actor, t: Translate, locale: Locale): UnitList {
  const { filters } = data;
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
  const filtered = isFiltered({ ...current, sort: undefined, dir: undefined });
  const n = (v: number) => formatNumber(v, locale);
  return {
    canWrite: can(actor, "unit.write"),
    exportHref: listHref("/api/units/export", current),
    filters: {
      label: t("units.searchLabel"),
      search: true,
      layout: "grid",
      columns: 4,
      submit: t("units.filter"),
      clear: filtered ? { href: "/units", label: t("units.clearFilters") } : undefined,
      filters: [
        { kind: "search", id: "unit-q", name: "q", label: t("units.searchLabel"), value: filters.q, span: 2 },
        {
          kind: "select",
          id: "unit-sector",
          label: t("units.sector"),
          name: "sector",
          value: filters.sector,
          options: SECTORS.map((s) => [s, t(`sector.${s}`)]),
          all: t("units.all"),
        },
        {
          kind: "county",
          id: "unit-county",
          label: t("units.county"),
          name: "countyId",
          value: filters.countyId,
          counties: data.counties,
          all: t("units.all"),
        },
        {
          kind: "select",
          id: "unit-status",
          label: t("units.status"),
          name: "status",
          value: filters.status,
          options: OPERATING_STATUSES.map((s) => [s, t(`operatingStatus.${s}`)]),
          all: t("units.all"),
        },
        {
          kind: "select",
          id: "unit-park",
          label: t("units.industrialPark"),
          name: "park",
          value: filters.park,
          options: data.parks.map((p) => [p, p]),
          all: t("units.all"),
        },
        {
          kind: "select",
          id: "unit-open",
          label: t("units.hasOpenObstacles"),
          name: "open",
          value: filters.open,
          options: [
            ["yes", t("units.withOpen")],
            ["no", t("units.withoutOpen")],
          ],
          all: t("units.anyObstacles"),
        },
        {
          kind: "pair",
          filters: [
            {
              kind: "select",
              id: "unit-sort",
              label: t("units.sortBy"),
              name: "sort",
              value: filters.sort,
              options: UNIT_SORTS.map((s) => [s, t(SORT_LABEL[s])]),
            },
            {
              kind: "select",
              id: "unit-dir",
              label: t("units.sortDir"),
              name: "dir",
              value: filters.dir,
              options: [
                ["asc", t("units.ascending")],
                ["desc", t("units.descending")],
              ],
            },
          ],
        },
      ],
    },
    columns: [
      {
        key: "name",
        label: t("units.name"),
        sortHref: listHref("/units", current, {
          sort: undefined,
          dir: filters.sort === "name" && filters.dir === "asc" ? "desc" : undefined,
        }),
      },
      { key: "county", label: t("units.county") },
      { key: "sector", label: t("units.sector") },
      { key: "status", label: t("units.status") },
      { key: "open", label: t("units.openObstacles") },
      { key: "employees", label: t("units.employees") },
    ],
    rows: data.units.map((u) => ({
      id: u.id,
      data: { status: u.status },
      cells: {
        name: { text: u.name, href: `/units/${u.id}`, note: u.industrialPark ?? undefined },
        county: localName(u.county, locale),
        sector: t(`sector.${u.sector}`),
        status: null,
        open: n(u._count.obstacles),
        employees: u.employees === null ? t("common.none") : n(u.employees),
      },
    })),
    total: totalLabel(data.total, t, locale),
    empty: filtered ? t("units.noUnits") : t("units.noUnitsYet"),
    page: filters.page,
    pages: data.pages,
    pageHref: (page) => listHref("/units", current, { page }),
  };
}

/** The unit list a viewer asked for with these search parameters. */
export async function unitListView(actor: Actor, searchParams: SearchParams, t: Translate, locale: Locale) {
  const filters = unitFiltersSchema.parse(searchParams);
  const [{ units, total, pages }, { counties, parks }] = await Promise.all([
    listUnits(actor, filters),
    unitFormOptions(actor),
  ]);
  return unitList({ filters, units, total, pages, counties, parks }, actor, t, locale);
}
