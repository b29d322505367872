// What the agency list shows (app/(app)/agencies/(list)/page.tsx draws it with components/ui/list.tsx).
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { pageNumber } from "@/lib/validation";
import { listHref } from "@/lib/units/url";
import { oneParam, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import { listAgencies } from "./queries";

type AgencyColumn = "name" | "kind" | "head" | "users" | "open";
type AgencyRow = Awaited<ReturnType<typeof listAgencies>>["agencies"][number];

export interface AgencyList extends ListView<AgencyColumn> {
  canWrite: boolean;
}

export function agencyList(
  data: { q: string; page: number; agencies: AgencyRow[]; total: number; pages: number },
  actor: Actor,
  t: Translate,
  locale: Locale,
): AgencyList {
  const { q } = data;
  const n = (v: number) => formatNumber(v, locale);
  return {
    canWrite: can(actor, "agency.write"),
    filters: {
      label: t("agencies.searchLabel"),
      search: true,
      layout: "inline",
      submit: t("common.search"),
      filters: [
        {
          kind: "search",
          id: "agency-q",
          name: "q",
          label: t("agencies.searchLabel"),
          value: q,
          type: "search",
        },
      ],
    },
    columns: [
      { key: "name", label: t("agencies.name") },
      { key: "kind", label: t("agencies.kind") },
      { key: "head", label: t("agencies.headName") },
      { key: "users", label: t("agencies.users") },
      { key: "open", label: t("agencies.openResolutions") },
    ],
    rows: data.agencies.map((a) => ({
      id: a.id,
      data: undefined,
      cells: {
        name: {
          text: localName(a, locale),
          href: `/agencies/${a.id}`,
          flag: a.active ? undefined : t("agencies.inactive"),
        },
        kind: t(`agencyKind.${a.kind}`),
        head: a.headName ?? t("common.none"),
        users: n(a._count.users),
        open: n(a._count.responsibleResolutions),
      },
    })),
    total: totalLabel(data.total, t, locale),
    empty: t("agencies.noAgencies"),
    page: data.page,
    pages: data.pages,
    pageHref: (page) => listHref("/agencies", { q }, { page }),
  };
}

export async function agencyListView(actor: Actor, searchParams: SearchParams, t: Translate, locale: Locale) {
  const q = (oneParam(searchParams, "q") ?? "").slice(0, 100);
  const page = pageNumber(oneParam(searchParams, "page"));
  const { agencies, total, pages } = await listAgencies(actor, { q, page });
  return agencyList({ q, page, agencies, total, pages }, actor, t, locale);
}
