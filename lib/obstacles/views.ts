// What the obstacle list shows (app/(app)/obstacles/page.tsx draws it with components/ui/list.tsx).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDate, formatRials, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { ObstacleStatus } from "@/lib/generated/prisma/enums";
import { choiceById } from "@/lib/search/choices";
import { unitFormOptions } from "@/lib/units/queries";
import { listHref } from "@/lib/units/url";
import { isFiltered, totalLabel, type Choice, type ListView, type SearchParams } from "@/lib/views/list";
import { listObstacles, obstacleFormOptions, type ObstacleListItem } from "./queries";
import { obstacleFiltersSchema, type ObstacleFilters } from "./schema";

type ObstacleColumn = "unit" | "category" | "description" | "amount" | "status" | "registered";

export interface ObstacleList extends ListView<ObstacleColumn, { status: ObstacleStatus }> {
  exportHref: string;
}

export function obstacleList(
  data: {
    filters: ObstacleFilters;
    obstacles: ObstacleListItem[];
    total: number;
    pages: number;
    categories: { id: string; nameFa: string; nameEn: string }[];
    counties: { id: string; nameFa: string; nameEn: string }[];
    agency: Choice | null;
  },
  t: Translate,
  locale: Locale,
): ObstacleList {
  const { filters } = data;
  const current = {
    q: filters.q,
    status: filters.status,
    open: filters.open,
    categoryId: filters.categoryId,
    countyId: filters.countyId,
    agencyId: filters.agencyId,
  };
  return {
    exportHref: listHref("/api/obstacles/export", current),
    filters: {
      label: t("obstacles.searchLabel"),
      search: true,
      layout: "grid",
      columns: 3,
      submit: t("units.filter"),
      clear: isFiltered(current) ? { href: "/obstacles", label: t("units.clearFilters") } : undefined,
      filters: [
        { kind: "search", id: "obstacle-q", name: "q", label: t("obstacles.searchLabel"), value: filters.q },
        {
          kind: "select",
          id: "obstacle-status",
          label: t("obstacles.status"),
          name: "status",
          value: filters.status,
          options: Object.values(ObstacleStatus).map((s) => [s, t(`obstacleStatus.${s}`)]),
          all: t("units.all"),
        },
        {
          kind: "select",
          id: "obstacle-category",
          label: t("obstacles.category"),
          name: "categoryId",
          value: filters.categoryId,
          options: data.categories.map((c) => [c.id, localName(c, locale)]),
          all: t("units.all"),
        },
        {
          kind: "county",
          id: "obstacle-county",
          label: t("units.county"),
          name: "countyId",
          value: filters.countyId,
          counties: data.counties,
          all: t("units.all"),
        },
        {
          kind: "agency",
          id: "obstacle-agency",
          label: t("obstacles.agencies"),
          name: "agencyId",
          initial: data.agency,
          placeholder: t("common.typeToSearch"),
          noMatch: t("common.noMatch"),
        },
        {
          kind: "check",
          name: "open",
          value: "yes",
          label: t("obstacles.openOnly"),
          checked: filters.open === "yes",
        },
      ],
    },
    columns: [
      { key: "unit", label: t("obstacles.unit") },
      { key: "category", label: t("obstacles.category") },
      { key: "description", label: t("obstacles.description"), wide: true },
      { key: "amount", label: t("obstacles.amount"), nowrap: true },
      { key: "status", label: t("obstacles.status") },
      { key: "registered", label: t("obstacles.registeredOn"), nowrap: true },
    ],
    rows: data.obstacles.map((o) => ({
      id: o.id,
      data: { status: o.status },
      cells: {
        unit: { text: o.unit.name, href: `/units/${o.unit.id}`, note: localName(o.unit.county, locale) },
        category: {
          text: localName(o.category, locale),
          note: o.subCategory ? localName(o.subCategory, locale) : undefined,
        },
        description: o.description,
        amount: o.amountRials === null ? t("common.none") : formatRials(o.amountRials, locale),
        status: null,
        registered: formatDate(o.createdAt, locale, { style: "short" }),
      },
    })),
    total: totalLabel(data.total, t, locale),
    empty: t("obstacles.noObstacles"),
    page: filters.page,
    pages: data.pages,
    pageHref: (page) => listHref("/obstacles", current, { page }),
  };
}

export async function obstacleListView(
  actor: Actor,
  searchParams: SearchParams,
  t: Translate,
  locale: Locale,
) {
  const filters = obstacleFiltersSchema.parse(searchParams);
  const [{ obstacles, total, pages }, { categories }, { counties }, agency] = await Promise.all([
    listObstacles(actor, filters),
    obstacleFormOptions(actor),
    unitFormOptions(actor),
    // Hundreds of agencies at national scope: only the chosen one is named, the rest searched.
    choiceById({ actor, locale, t }, "agencies", filters.agencyId),
  ]);
  return obstacleList({ filters, obstacles, total, pages, categories, counties, agency }, t, locale);
}
