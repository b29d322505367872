import { Suspense } from "react";
import Link from "next/link";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { formatDateTime, formatNumber, localName, formatList } from "@/lib/i18n/format";
import { listUsers } from "@/lib/users/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";
import { TableHead } from "@/components/ui/table-head";
import { pageNumber } from "@/lib/validation";
import { PageSkeleton } from "@/components/ui/skeleton";

export const generateMetadata = pageTitle("admin.users");

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const context = await pageContext("user.manage");
  const params = await searchParams;
  // In the page rather than a loading.tsx beside it: the account pages below this segment
  // answer 404 for an unknown id, which a loading boundary above them would turn into a 200.
  return (
    <Suspense fallback={<PageSkeleton shape="list" />}>
      <UserList context={context} query={params.q ?? ""} page={pageNumber(params.page)} />
    </Suspense>
  );
}

async function UserList({ context, query, page }: { context: PageContext; query: string; page: number }) {
  const { user: actor, t, locale } = context;
  const { users, total, pages } = await listUsers(actor, { query, page });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("admin.users")}</h1>
        <ButtonLink href="/admin/users/new">{t("admin.newUser")}</ButtonLink>
      </div>
      <Card>
        <form role="search" className="mb-4 flex gap-2">
          <label htmlFor="user-search" className="sr-only">
            {t("admin.searchUsers")}
          </label>
          <input
            id="user-search"
            name="q"
            defaultValue={query}
            placeholder={t("admin.searchUsers")}
            className={`${inputClass} max-w-xs`}
          />
          <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm">
            {t("common.search")}
          </button>
        </form>
        <p className="mb-2 text-sm text-slate-600">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        {users.length === 0 ? (
          <EmptyState>{t("admin.noUsers")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-sm">
              <TableHead
                labels={[
                  t("admin.name"),
                  t("admin.roles"),
                  t("admin.agency"),
                  t("admin.lastLogin"),
                  t("admin.status"),
                  t("common.actions"),
                ]}
              />
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className="border-b border-slate-100">
                    <td className="p-2">
                      <Link
                        href={`/admin/users/${u.id}`}
                        className="font-medium text-brand-700 underline-offset-4 hover:underline"
                      >
                        {u.name}
                      </Link>
                      <div className="text-xs text-slate-500" dir="ltr">
                        {u.email}
                      </div>
                    </td>
                    <td className="p-2">
                      {formatList(
                        u.roles.map((r) => t(`roles.${r}`)),
                        locale,
                      )}
                    </td>
                    <td className="p-2">{u.agency ? localName(u.agency, locale) : t("common.none")}</td>
                    <td className="p-2">
                      {u.lastLoginAt
                        ? formatDateTime(u.lastLoginAt, locale, { style: "short" })
                        : t("admin.never")}
                    </td>
                    <td className="p-2">
                      {u.active ? (
                        t("admin.active")
                      ) : (
                        <span className="text-red-700">{t("admin.inactive")}</span>
                      )}
                    </td>
                    <td className="p-2">
                      {u.id !== actor.id && <UserActiveToggle id={u.id} name={u.name} active={u.active} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={page}
          pages={pages}
          href={(p) => `/admin/users?q=${encodeURIComponent(query)}&page=${p}`}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
