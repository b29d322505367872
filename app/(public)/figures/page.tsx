import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/locale";
import { formatDate, formatNumber, formatPercent } from "@/lib/i18n/format";
import { publicFiguresScope } from "@/lib/settings/queries";
import { publicFigures } from "@/lib/dashboard/public";
import { returnsFigures } from "@/lib/outcomes/queries";
import { ReturnsTables } from "@/components/outcomes/returns-tables";
import { Stat } from "@/components/ui/card";
import { PublicHeader } from "@/components/layout/public-header";
import { pageTitle } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("figures.title");

/** Public, no sign-in, switched on by the admin: aggregate numbers only, no names of people. */
export default async function PublicFiguresPage() {
  // Whether the figures are public at all, before the figures stream in behind a skeleton:
  // switched off, the page is a 404 while the status can still say so.
  const scope = await publicFiguresScope();
  if (!scope.all && scope.provinceIds.length === 0) notFound();
  return (
    <Suspense
      fallback={
        <main className="mx-auto max-w-4xl p-6">
          <PageSkeleton shape="dashboard" />
        </main>
      }
    >
      <PublicFigures scope={scope} />
    </Suspense>
  );
}

async function PublicFigures({ scope }: { scope: Awaited<ReturnType<typeof publicFiguresScope>> }) {
  const { t, locale } = await getTranslator();
  const [f, returns] = await Promise.all([
    publicFigures(scope.all ? {} : { provinceIds: scope.provinceIds }),
    returnsFigures(scope.all ? null : scope.provinceIds),
  ]);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <PublicHeader title={t("figures.title")} t={t}>
        <p className="text-sm text-slate-600">{t("figures.intro")}</p>
      </PublicHeader>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <Stat label={t("figures.sessions")} value={n(f.sessions)} />
        <Stat label={t("figures.unitsReviewed")} value={n(f.unitsReviewed)} />
        <Stat label={t("figures.resolutions")} value={n(f.resolutions)} />
        <Stat label={t("figures.completed")} value={n(f.completed)} tone="success" />
        <Stat label={t("figures.reportedDone")} value={n(f.reportedDone)} />
        <Stat label={t("figures.completion")} value={formatPercent(f.completionPct, locale)} tone="success" />
        <Stat label={t("figures.unitsReturned")} value={n(f.unitsReturned)} tone="success" />
        <Stat label={t("outcomes.dashboard.jobsKept")} value={n(f.jobsKept)} />
        <Stat label={t("outcomes.dashboard.jobsCreated")} value={n(f.jobsCreated)} />
      </dl>
      <section className="space-y-2">
        <h2 className="text-lg font-bold">{t("figures.returnsTitle")}</h2>
        <p className="text-xs text-slate-600">{t("outcomes.dashboard.returnedHint")}</p>
        <ReturnsTables returns={returns} t={t} locale={locale} />
      </section>
      <p className="text-xs text-slate-500">
        {t("figures.updated", { date: formatDate(new Date(), locale) })}
      </p>
    </main>
  );
}
