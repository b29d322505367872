import Link from "next/link";
import { pageContext, pageTitle } from "@/lib/page";
import { searchRegistry } from "@/lib/search/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { ObstacleStatusBadge, OperatingStatusBadge } from "@/components/units/badges";
import { localName } from "@/lib/i18n/format";

export const generateMetadata = pageTitle("search.title");

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { user: actor, t, locale } = await pageContext("case.read");
  const q = ((await searchParams).q ?? "").slice(0, 100);
  const results = q.trim() ? await searchRegistry(actor, q) : null;
  const empty = results && results.units.length + results.obstacles.length + results.agencies.length === 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("search.title")}</h1>
      <form role="search" className="flex max-w-2xl gap-2">
        <label htmlFor="registry-q" className="sr-only">
          {t("search.label")}
        </label>
        <input
          id="registry-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("search.placeholder")}
          autoFocus
          className={inputClass}
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 text-sm text-white">
          {t("common.search")}
        </button>
      </form>
      {q.trim() && !results && <p className="text-sm text-slate-600">{t("search.prompt")}</p>}
      {empty && <EmptyState>{t("search.none", { q })}</EmptyState>}
      {results && !empty && (
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={t("search.units")}>
            <ul className="space-y-2 text-sm">
              {results.units.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/units/${u.id}`} className="font-medium text-brand-700 underline">
                    {u.name}
                  </Link>
                  <span className="text-xs text-slate-500">{localName(u.county, locale)}</span>
                  <OperatingStatusBadge status={u.status} t={t} />
                </li>
              ))}
              {results.units.length === 0 && <li className="text-slate-500">{t("common.noResults")}</li>}
            </ul>
          </Card>
          <Card title={t("search.obstacles")}>
            <ul className="space-y-2 text-sm">
              {results.obstacles.map((o) => (
                <li key={o.id}>
                  <Link href={`/units/${o.unit.id}`} className="font-medium text-brand-700 underline">
                    {o.unit.name}
                  </Link>{" "}
                  <ObstacleStatusBadge status={o.status} t={t} />
                  <p className="text-slate-700">{o.description}</p>
                </li>
              ))}
              {results.obstacles.length === 0 && <li className="text-slate-500">{t("common.noResults")}</li>}
            </ul>
          </Card>
          <Card title={t("search.agencies")}>
            <ul className="space-y-2 text-sm">
              {results.agencies.map((a) => (
                <li key={a.id}>
                  <Link href={`/agencies/${a.id}`} className="font-medium text-brand-700 underline">
                    {localName(a, locale)}
                  </Link>
                </li>
              ))}
              {results.agencies.length === 0 && <li className="text-slate-500">{t("common.noResults")}</li>}
            </ul>
          </Card>
        </div>
      )}
    </div>
  );
}
