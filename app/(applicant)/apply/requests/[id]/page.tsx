import { Suspense } from "react";
import { notFound } from "next/navigation";
import { PageSkeleton } from "@/components/ui/skeleton";
import { applicantContext } from "@/lib/requests/page";
import { loadOwnRequest, requestFormOptions, requestVisible } from "@/lib/requests/queries";
import { removeRequestObstacleAction, submitRequestAction } from "@/lib/requests/actions";
import { pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/requests/action-form";
import { RequestDocuments, RequestFacts, RequestObstacles } from "@/components/requests/request-summary";
import {
  AddObstacleForm,
  ApplicantRequestHeading,
  RequestDetailsForm,
  RequestResolutions,
  UploadDocumentsForm,
} from "@/components/requests/applicant-request";

export const generateMetadata = pageTitle("requests.request");

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await applicantContext();
  // Someone else's request answers exactly like one that does not exist.
  if (!(await requestVisible(context.user, id))) notFound();
  return (
    <Suspense fallback={<PageSkeleton shape="form" />}>
      <ApplicantRequest id={id} context={context} />
    </Suspense>
  );
}

async function ApplicantRequest({
  id,
  context: { user, t, locale },
}: {
  id: string;
  context: Awaited<ReturnType<typeof applicantContext>>;
}) {
  const request = await loadOwnRequest(user, id);
  if (!request) return null;
  const editable = request.status === "DRAFT" || request.status === "DOCUMENTS_REQUESTED";
  const options = editable ? await requestFormOptions(user) : null;
  return (
    <>
      <ApplicantRequestHeading request={request} t={t} locale={locale} />

      <Card title={t("requests.unitSection")}>
        {editable && options ? (
          <RequestDetailsForm request={request} options={options} t={t} locale={locale} />
        ) : (
          <RequestFacts request={request} t={t} locale={locale} />
        )}
      </Card>

      <Card title={t("requests.obstaclesSection")}>
        <RequestObstacles
          obstacles={request.obstacles}
          agencies={request.agencies}
          t={t}
          locale={locale}
          empty={t("requests.noObstacles")}
          more={(o) => (
            <>
              {o.obstacle && <p className="text-slate-600">{t(`obstacleStatus.${o.obstacle.status}`)}</p>}
              {editable && (
                <ActionForm
                  action={removeRequestObstacleAction}
                  submitLabel={t("requests.removeObstacle")}
                  pendingLabel={t("requests.saving")}
                  variant="secondary"
                  fields={[
                    { kind: "hidden", name: "requestId", value: request.id },
                    { kind: "hidden", name: "obstacleId", value: o.id },
                  ]}
                />
              )}
            </>
          )}
        />
        {editable && options && (
          <AddObstacleForm requestId={request.id} options={options} t={t} locale={locale} />
        )}
      </Card>

      <Card title={t("requests.documentsSection")}>
        <RequestDocuments attachments={request.attachments} route="/api/apply/documents" t={t} />
        {editable && <UploadDocumentsForm requestId={request.id} t={t} />}
      </Card>

      {editable && (
        <Card title={t("requests.declarationSection")}>
          <ActionForm
            action={submitRequestAction}
            submitLabel={request.status === "DRAFT" ? t("requests.submit") : t("requests.resubmit")}
            pendingLabel={t("requests.submitting")}
            fields={[
              { kind: "hidden", name: "requestId", value: request.id },
              { kind: "checkbox", name: "declaration", label: t("requests.declaration") },
            ]}
          />
        </Card>
      )}

      {request.unitId && (
        <Card title={t("requests.resolutionsSection")}>
          <RequestResolutions resolutions={request.resolutions} t={t} locale={locale} />
        </Card>
      )}
    </>
  );
}
