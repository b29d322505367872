import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";
import { listResolutions } from "@/lib/resolutions/queries";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { ResolutionTable } from "@/components/resolutions/resolution-table";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("nav.resolutions") };
}

export default async function ResolutionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("case.read");
  const { t, locale } = await getTranslator();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, total, pages } = await listResolutions(user, { page });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("nav.resolutions")}</h1>
        <p className="text-sm text-slate-600">{t("home.memberIntro")} — {t("common.total", { count: formatNumber(total, locale) })}</p>
      </div>
      <Card>
        <ResolutionTable items={items} locale={locale} t={t} empty={t("home.agencyEmpty")} />
        <Pagination page={page} pages={pages} href={(p) => `/resolutions?page=${p}`} t={t} locale={locale} />
      </Card>
    </div>
  );
}
