// What the user list shows (app/(app)/admin/users/page.tsx draws it with components/ui/list.tsx).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDateTime, formatList, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { pageNumber } from "@/lib/validation";
import { listHref } from "@/lib/units/url";
import { oneParam, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import { listUsers } from "./queries";

type UserColumn = "name" | "roles" | "agency" | "lastLogin" | "status" | "actions";
type UserRow = Awaited<ReturnType<typeof listUsers>>["users"][number];

/** A row's toggle: none on the viewer's own account (no one deactivates themselves). */
export type UserListRow = { name: string; active: boolean; canToggle: boolean };

export function userList(
  data: { query: string; page: number; users: UserRow[]; total: number; pages: number },
  actor: Actor,
  t: Translate,
  locale: Locale,
): ListView<UserColumn, UserListRow> {
  const { query } = data;
  return {
    filters: {
      label: t("admin.searchUsers"),
      search: true,
      layout: "inline",
      submit: t("common.search"),
      filters: [
        { kind: "search", id: "user-search", name: "q", label: t("admin.searchUsers"), value: query },
      ],
    },
    columns: [
      { key: "name", label: t("admin.name") },
      { key: "roles", label: t("admin.roles") },
      { key: "agency", label: t("admin.agency") },
      { key: "lastLogin", label: t("admin.lastLogin") },
      { key: "status", label: t("admin.status") },
      { key: "actions", label: t("common.actions") },
    ],
    rows: data.users.map((u) => ({
      id: u.id,
      data: { name: u.name, active: u.active, canToggle: u.id !== actor.id },
      cells: {
        name: { text: u.name, href: `/admin/users/${u.id}`, note: u.email, noteLtr: true },
        roles: formatList(
          u.roles.map((r) => t(`roles.${r}`)),
          locale,
        ),
        agency: u.agency ? localName(u.agency, locale) : t("common.none"),
        lastLogin: u.lastLoginAt
          ? formatDateTime(u.lastLoginAt, locale, { style: "short" })
          : t("admin.never"),
        status: u.active ? t("admin.active") : { text: t("admin.inactive"), danger: true },
        actions: null,
      },
    })),
    total: totalLabel(data.total, t, locale),
    empty: t("admin.noUsers"),
    page: data.page,
    pages: data.pages,
    pageHref: (page) => listHref("/admin/users", { q: query }, { page }),
  };
}

export async function userListView(actor: Actor, searchParams: SearchParams, t: Translate, locale: Locale) {
  const query = oneParam(searchParams, "q") ?? "";
  const page = pageNumber(oneParam(searchParams, "page"));
  const { users, total, pages } = await listUsers(actor, { query, page });
  return userList({ query, page, users, total, pages }, actor, t, locale);
}
