import Link from "next/link";
import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";
import { listIntake } from "@/lib/requests/queries";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { formatDate, formatDigits, formatNumber } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/card";

export const generateMetadata = pageTitle("requests.intake");

/** The secretariat's inbox of units' own requests, oldest first, with their age in working days. */
export default async function IntakePage() {
  const context = await pageContext("request.intake");
  return (
    <Suspense fallback={<PageSkeleton shape="list" />}>
      <IntakeList context={context} />
    </Suspense>
  );
}

async function IntakeList({ context: { user, t, locale } }: { context: PageContext }) {
  const rows = await listIntake(user, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("requests.intake")}</h1>
      {rows.length === 0 ? (
        <EmptyState>{t("requests.intakeEmpty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-start">
                <th scope="col" className="p-2 text-start">
                  {t("requests.unitName")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.trackingCode")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.applicant")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.submittedAt")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.waiting")}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t("requests.stage")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="p-2">
                    <Link href={`/intake/${r.id}`} className="text-brand-700 underline">
                      {r.unitName}
                    </Link>
                  </td>
                  <td className="p-2">
                    <bdi dir="ltr">
                      {r.trackingCode ? formatDigits(formatTrackingCode(r.trackingCode), locale) : "—"}
                    </bdi>
                  </td>
                  <td className="p-2">{r.applicant.name}</td>
                  <td className="p-2">{r.submittedAt ? formatDate(r.submittedAt, locale) : "—"}</td>
                  <td className="p-2">
                    {t("requests.ageWorkingDays", { days: formatNumber(r.ageWorkingDays, locale) })}
                  </td>
                  <td className="p-2">
                    {t(
                      `requests.stages.${r.status === "DOCUMENTS_REQUESTED" ? "DOCUMENTS_REQUESTED" : r.resubmittedAt ? "UNDER_REVIEW" : "RECEIVED"}`,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
