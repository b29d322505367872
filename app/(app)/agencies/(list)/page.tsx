import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { can } from "@/lib/auth/policy";
import { formatNumber, localName } from "@/lib/i18n/format";
import { listAgencies } from "@/lib/agencies/queries";
import { listHref } from "@/lib/units/url";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { TableHead } from "@/components/ui/table-head";
import { pageNumber } from "@/lib/validation";

export const generateMetadata = pageTitle("agencies.title");

export default async function AgenciesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { user: actor, t, locale } = await pageContext("case.read");
  const params = await searchParams;
  const q = (params.q ?? "").slice(0, 100);
  const page = pageNumber(params.page);
  const { agencies, total, pages } = await listAgencies(actor, { q, page });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("agencies.title")}</h1>
        {can(actor, "agency.write") && (
          <ButtonLink href="/agencies/new">{t("agencies.newAgency")}</ButtonLink>
        )}
      </div>
      <Card>
        <form role="search" className="mb-4 flex gap-2">
          <label htmlFor="agency-q" className="sr-only">
            {t("agencies.searchLabel")}
          </label>
          <input
            id="agency-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("agencies.searchLabel")}
            className={`${inputClass} max-w-xs`}
          />
          <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm">
            {t("common.search")}
          </button>
        </form>
        <p className="mb-2 text-sm text-slate-600">
          {t("common.total", { count: formatNumber(total, locale) })}
        </p>
        {agencies.length === 0 ? (
          <EmptyState>{t("agencies.noAgencies")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <TableHead
                labels={[
                  t("agencies.name"),
                  t("agencies.kind"),
                  t("agencies.headName"),
                  t("agencies.users"),
                  t("agencies.openResolutions"),
                ]}
              />
              <tbody>
                {agencies.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100">
                    <td className="p-2">
                      <Link
                        href={`/agencies/${a.id}`}
                        className="font-medium text-brand-700 underline-offset-4 hover:underline"
                      >
                        {localName(a, locale)}
                      </Link>
                      {!a.active && (
                        <span className="ms-2 text-xs text-red-700">{t("agencies.inactive")}</span>
                      )}
                    </td>
                    <td className="p-2">{t(`agencyKind.${a.kind}`)}</td>
                    <td className="p-2">{a.headName ?? t("common.none")}</td>
                    <td className="p-2">{formatNumber(a._count.users, locale)}</td>
                    <td className="p-2">{formatNumber(a._count.responsibleResolutions, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={page}
          pages={pages}
          href={(p) => listHref("/agencies", { q }, { page: p })}
          t={t}
          locale={locale}
        />
      </Card>
    </div>
  );
}
