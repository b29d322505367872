import Link from "next/link";
import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";
import { listIntake } from "@/lib/requests/queries";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { formatDate, formatDigits, formatNumber } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/card";
import { stacked } from "@/components/ui/stacked-table";
import { TableHead } from "@/components/ui/table-head";

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
  const labels = [
    t("requests.unitName"),
    t("requests.trackingCode"),
    t("requests.applicant"),
    t("requests.submittedAt"),
    t("requests.waiting"),
    t("requests.stage"),
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("requests.intake")}</h1>
      {rows.length === 0 ? (
        <EmptyState>{t("requests.intakeEmpty")}</EmptyState>
      ) : (
        // A stack of cards on a phone (components/ui/stacked-table.ts): the waiting time and the
        // stage stay in view without sideways scrolling.
        <div className={stacked.wrapper}>
          <table className={stacked.table}>
            <TableHead
              className={`border-b border-slate-200 text-slate-600 ${stacked.head}`}
              labels={labels}
            />
            <tbody className={stacked.body}>
              {rows.map((r) => (
                <tr key={r.id} className={`border-b border-slate-100 ${stacked.row}`}>
                  <td data-label={labels[0]} className={`p-2 ${stacked.cell}`}>
                    <Link href={`/intake/${r.id}`} className="text-brand-700 underline">
                      {r.unitName}
                    </Link>
                  </td>
                  <td data-label={labels[1]} className={`p-2 ${stacked.cell}`}>
                    <bdi dir="ltr">
                      {r.trackingCode ? formatDigits(formatTrackingCode(r.trackingCode), locale) : "—"}
                    </bdi>
                  </td>
                  <td data-label={labels[2]} className={`p-2 ${stacked.cell}`}>
                    {r.applicant.name}
                  </td>
                  <td data-label={labels[3]} className={`p-2 ${stacked.cell}`}>
                    {r.submittedAt ? formatDate(r.submittedAt, locale) : "—"}
                  </td>
                  <td data-label={labels[4]} className={`p-2 ${stacked.cell}`}>
                    {t("requests.ageWorkingDays", { days: formatNumber(r.ageWorkingDays, locale) })}
                  </td>
                  <td data-label={labels[5]} className={`p-2 ${stacked.cell}`}>
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
