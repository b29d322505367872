import Link from "next/link";
import { Suspense } from "react";
import { PageSkeleton } from "@/components/ui/skeleton";
import { applicantContext } from "@/lib/requests/page";
import { applicantProfile, listOwnRequests, ownNotifications } from "@/lib/requests/queries";
import { createRequestAction } from "@/lib/requests/actions";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { formatDate, formatDigits } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/page";
import { Card, EmptyState } from "@/components/ui/card";
import { ActionForm } from "@/components/requests/action-form";

export const generateMetadata = pageTitle("requests.myRequests");

export default async function MyRequestsPage() {
  const context = await applicantContext();
  return (
    <Suspense fallback={<PageSkeleton shape="list" />}>
      <MyRequests context={context} />
    </Suspense>
  );
}

async function MyRequests({
  context: { user, t, locale },
}: {
  context: Awaited<ReturnType<typeof applicantContext>>;
}) {
  const [requests, profile, notifications] = await Promise.all([
    listOwnRequests(user),
    applicantProfile(user),
    ownNotifications(user),
  ]);
  return (
    <>
      <div className="space-y-1">
        <h1 className="text-xl font-bold">{t("requests.myRequests")}</h1>
        <p className="text-sm text-slate-600">
          {t("requests.signedInAs", {
            name: user.name,
            id: formatDigits(profile?.unitNationalId ?? "", locale),
          })}
        </p>
      </div>
      <ActionForm
        action={createRequestAction}
        fields={[]}
        submitLabel={t("requests.newRequest")}
        pendingLabel={t("requests.saving")}
      />
      {requests.length === 0 ? (
        <EmptyState>{t("requests.noRequests")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {requests.map((r) => (
            <li key={r.id}>
              <Link
                href={`/apply/requests/${r.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-700"
              >
                <span className="block font-semibold">{r.unitName || t("requests.request")}</span>
                <span className="block text-sm text-slate-700">
                  {t("requests.stage")}: {t(`requests.stages.${r.stage}`)}
                </span>
                {r.trackingCode && (
                  <span className="block text-sm text-slate-600">
                    {t("requests.trackingCode")}:{" "}
                    <bdi dir="ltr">{formatDigits(formatTrackingCode(r.trackingCode), locale)}</bdi>
                  </span>
                )}
                <span className="block text-xs text-slate-500">
                  {formatDate(r.submittedAt ?? r.createdAt, locale)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card title={t("requests.notificationsSection")}>
        {notifications.length === 0 ? (
          <p className="text-sm text-slate-600">{t("requests.noNotifications")}</p>
        ) : (
          <ul className="space-y-3">
            {notifications.map((n) => (
              <li key={n.id} className="border-b border-slate-100 pb-2 text-sm last:border-0">
                <p className="font-medium">{n.subject}</p>
                <p className="whitespace-pre-line text-slate-700">{n.body}</p>
                <p className="text-xs text-slate-500">{formatDate(n.createdAt, locale)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
