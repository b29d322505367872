// What the province list of the national administrator shows (app/(app)/admin/provinces/page.tsx).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { ListView } from "@/lib/views/list";
import { listProvinces } from "./queries";

type ProvinceColumn = "code" | "name" | "units" | "users" | "created";

/** Every province on one page: a short list, so no count, search or page links. */
export function provinceList(
  provinces: Awaited<ReturnType<typeof listProvinces>>,
  t: Translate,
  locale: Locale,
): ListView<ProvinceColumn> {
  const n = (v: number) => formatNumber(v, locale);
  return {
    columns: [
      { key: "code", label: t("provinces.admin.code") },
      { key: "name", label: t("provinces.province") },
      { key: "units", label: t("provinces.admin.units") },
      { key: "users", label: t("provinces.admin.users") },
      { key: "created", label: t("audit.when") },
    ],
    rows: provinces.map((p) => ({
      id: p.id,
      data: undefined,
      cells: {
        code: { text: p.code, ltr: true },
        name: localName(p, locale),
        units: n(p._count.units),
        users: n(p._count.users),
        created: formatDate(p.createdAt, locale, { style: "short" }),
      },
    })),
    empty: t("common.none"),
    page: 1,
    pages: 1,
    pageHref: () => "/admin/provinces",
  };
}

export async function provinceListView(actor: Actor, t: Translate, locale: Locale) {
  return provinceList(await listProvinces(actor), t, locale);
}
