import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";
import { loadIntakeRequest, requestVisible } from "@/lib/requests/queries";
import { stageOf } from "@/lib/requests/stage";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { formatDate, formatDigits } from "@/lib/i18n/format";
import { Card } from "@/components/ui/card";
import {
  Fact,
  RequestDocuments,
  RequestFacts,
  RequestObstacles,
} from "@/components/requests/request-summary";
import { IntakeDecisions } from "@/components/requests/intake-decisions";

export const generateMetadata = pageTitle("requests.intake");

export default async function IntakeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await pageContext("request.intake");
  if (!(await requestVisible(context.user, id))) notFound();
  return (
    <Suspense fallback={<PageSkeleton shape="form" />}>
      <IntakeRequest id={id} context={context} />
    </Suspense>
  );
}

async function IntakeRequest({ id, context: { user, t, locale } }: { id: string; context: PageContext }) {
  const request = await loadIntakeRequest(user, id);
  // Decided not-found above; gone since (a race) is the same answer.
  if (!request) return null;
  const stage = stageOf({
    status: request.status,
    resubmittedAt: request.resubmittedAt,
    obstacleStatuses: request.obstacles.flatMap((o) => (o.obstacle ? [o.obstacle.status] : [])),
    onAgenda: false,
    hasResolutions: false,
  });
  const profile = request.applicant.applicantProfile;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{request.unitName}</h1>
        <p className="text-sm">
          {t("requests.stage")}: <strong>{t(`requests.stages.${stage}`)}</strong>
          {request.trackingCode && (
            <>
              {" — "}
              {t("requests.trackingCode")}:{" "}
              <bdi dir="ltr">{formatDigits(formatTrackingCode(request.trackingCode), locale)}</bdi>
            </>
          )}
        </p>
        {request.unitId && (
          <Link href={`/units/${request.unitId}`} className="text-sm text-brand-700 underline">
            {t("requests.openUnit")}
          </Link>
        )}
      </div>

      <Card title={t("requests.unitSection")}>
        <RequestFacts request={request} t={t} locale={locale} wide>
          <Fact term={t("requests.submittedAt")}>
            {request.submittedAt ? formatDate(request.submittedAt, locale) : "—"}
          </Fact>
          <Fact term={t("requests.applicant")}>
            {request.applicant.name} — <bdi dir="ltr">{request.applicant.email}</bdi>
          </Fact>
          {profile && (
            <>
              <Fact term={t("applicants.nationalCode")}>
                <bdi dir="ltr">{formatDigits(profile.nationalCode, locale)}</bdi>
              </Fact>
              <Fact term={t("requests.applicantPosition")}>
                {t(`applicants.positions.${profile.position}`)}
              </Fact>
            </>
          )}
        </RequestFacts>
        <p className="mt-3 text-sm">
          {request.match
            ? t("requests.matchingUnit", { name: request.match.name })
            : t("requests.noMatchingUnit")}
        </p>
      </Card>

      <Card title={t("requests.obstaclesSection")}>
        <RequestObstacles obstacles={request.obstacles} agencies={request.agencies} t={t} locale={locale} />
      </Card>

      <Card title={t("requests.documentsSection")}>
        <RequestDocuments attachments={request.attachments} route="/api/attachments" t={t} />
        {request.documentsMessage && (
          <p className="mt-2 text-sm text-slate-700">
            {t("requests.documentsRequestedNote", { message: request.documentsMessage })}
          </p>
        )}
      </Card>

      <IntakeDecisions request={request} t={t} />
    </div>
  );
}
