import { Suspense } from "react";
import { notFound } from "next/navigation";
import { PageSkeleton } from "@/components/ui/skeleton";
import { applicantContext } from "@/lib/requests/page";
import { loadOwnRequest, requestFormOptions, requestVisible } from "@/lib/requests/queries";
import {
  addRequestObstacleAction,
  removeRequestObstacleAction,
  saveRequestDetailsAction,
  submitRequestAction,
  uploadRequestDocumentsAction,
} from "@/lib/requests/actions";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { SECTORS, OPERATING_STATUSES } from "@/lib/units/constants";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import {
  formatDate,
  formatDateTime,
  formatDigits,
  formatNumber,
  formatRials,
  localName,
} from "@/lib/i18n/format";
import { pageTitle } from "@/lib/page";
import { Card, EmptyState } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { ActionForm } from "@/components/requests/action-form";

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
  const agencyName = new Map(request.agencies.map((a) => [a.id, localName(a, locale)]));
  const stageLine = (() => {
    const stage = t(`requests.stages.${request.stage}`);
    if (request.stage === "ON_AGENDA" && request.committeeDate)
      return t("requests.stageOn", { stage, date: formatDateTime(request.committeeDate, locale) });
    if (request.stage === "REFERRED" && request.workingGroupDate)
      return t("requests.stageOn", { stage, date: formatDateTime(request.workingGroupDate, locale) });
    return stage;
  })();
  return (
    <>
      <div className="space-y-2">
        <h1 className="text-xl font-bold">{request.unitName || t("requests.request")}</h1>
        <p className="text-sm">
          {t("requests.stage")}: <strong>{stageLine}</strong>
        </p>
        {request.trackingCode && (
          <div className="space-y-2 rounded-lg border border-brand-700 bg-white p-4">
            <p className="text-sm">{t("requests.trackingCode")}</p>
            <p className="text-2xl font-bold tracking-wider">
              <bdi dir="ltr">{formatDigits(formatTrackingCode(request.trackingCode), locale)}</bdi>
            </p>
            <p className="text-xs text-slate-600">{t("requests.trackingCodeHint")}</p>
            <PrintButton label={t("requests.print")} />
          </div>
        )}
        {request.status === "DOCUMENTS_REQUESTED" && request.documentsMessage && (
          <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("requests.documentsRequestedNote", { message: request.documentsMessage })}
          </p>
        )}
        {request.notPossibleReason && (
          <p className="rounded-md bg-red-50 p-3 text-sm text-red-900">
            {t("requests.notPossibleReason", { reason: request.notPossibleReason })}
          </p>
        )}
        {request.status === "REJECTED" && request.decisionReason && (
          <p className="rounded-md bg-red-50 p-3 text-sm text-red-900">
            {t("requests.reason", { reason: request.decisionReason })}
          </p>
        )}
      </div>

      <Card title={t("requests.unitSection")}>
        {editable && options ? (
          <ActionForm
            action={saveRequestDetailsAction}
            submitLabel={t("requests.saveDraft")}
            pendingLabel={t("requests.saving")}
            variant="secondary"
            fields={[
              { kind: "hidden", name: "id", value: request.id },
              { kind: "hidden", name: "version", value: String(request.version) },
              {
                kind: "text",
                name: "unitName",
                label: t("requests.unitName"),
                defaultValue: request.unitName,
              },
              {
                kind: "select",
                name: "countyId",
                label: t("requests.county"),
                placeholder: t("applicants.choose"),
                defaultValue: request.countyId ?? "",
                options: options.counties.map((c) => ({ value: c.id, label: localName(c, locale) })),
              },
              {
                kind: "select",
                name: "sector",
                label: t("requests.sector"),
                placeholder: t("applicants.choose"),
                defaultValue: request.sector ?? "",
                options: SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) })),
              },
              {
                kind: "select",
                name: "operatingStatus",
                label: t("requests.operatingStatus"),
                placeholder: t("applicants.choose"),
                defaultValue: request.operatingStatus ?? "",
                options: OPERATING_STATUSES.map((s) => ({ value: s, label: t(`operatingStatus.${s}`) })),
              },
              {
                kind: "text",
                name: "employees",
                label: t("requests.employees"),
                inputMode: "numeric",
                defaultValue:
                  request.employees === null ? "" : formatDigits(String(request.employees), locale),
              },
            ]}
          />
        ) : (
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">{t("requests.unitNationalId")}</dt>
              <dd>
                <bdi dir="ltr">{formatDigits(request.unitNationalId, locale)}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("requests.county")}</dt>
              <dd>{request.county ? localName(request.county, locale) : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("requests.sector")}</dt>
              <dd>{request.sector ? t(`sector.${request.sector}`) : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("requests.operatingStatus")}</dt>
              <dd>{request.operatingStatus ? t(`operatingStatus.${request.operatingStatus}`) : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("requests.employees")}</dt>
              <dd>{request.employees === null ? "—" : formatNumber(request.employees, locale)}</dd>
            </div>
          </dl>
        )}
      </Card>

      <Card title={t("requests.obstaclesSection")}>
        {request.obstacles.length === 0 ? (
          <EmptyState>{t("requests.noObstacles")}</EmptyState>
        ) : (
          <ol className="space-y-3">
            {request.obstacles.map((o, i) => (
              <li key={o.id} className="space-y-1 border-b border-slate-100 pb-3 text-sm last:border-0">
                <p className="font-semibold">
                  {t("requests.obstacleNumber", { n: formatNumber(i + 1, locale) })} —{" "}
                  {localName(o.category, locale)}
                  {o.subCategory ? ` › ${localName(o.subCategory, locale)}` : ""}
                </p>
                <p className="whitespace-pre-line">{o.description}</p>
                {o.amountRials !== null && <p>{formatRials(o.amountRials, locale)}</p>}
                {o.agencyIds.length > 0 && (
                  <p className="text-slate-600">
                    {t("requests.agencies")}: {o.agencyIds.map((a) => agencyName.get(a) ?? "—").join("، ")}
                  </p>
                )}
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
              </li>
            ))}
          </ol>
        )}
        {editable && options && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-semibold">{t("requests.addObstacle")}</h3>
            <ActionForm
              action={addRequestObstacleAction}
              submitLabel={t("requests.addObstacle")}
              pendingLabel={t("requests.adding")}
              variant="secondary"
              fields={[
                { kind: "hidden", name: "requestId", value: request.id },
                {
                  kind: "select",
                  name: "categoryId",
                  label: t("requests.category"),
                  placeholder: t("applicants.choose"),
                  options: options.categories.map((c) => ({ value: c.id, label: localName(c, locale) })),
                },
                {
                  kind: "select",
                  name: "subCategoryId",
                  label: t("requests.subCategory"),
                  placeholder: t("requests.noSubCategory"),
                  options: options.categories.flatMap((c) =>
                    c.children.map((s) => ({
                      value: s.id,
                      label: `${localName(c, locale)} › ${localName(s, locale)}`,
                    })),
                  ),
                },
                { kind: "textarea", name: "description", label: t("requests.description") },
                {
                  kind: "text",
                  name: "amountRials",
                  label: t("requests.amount"),
                  hint: t("requests.amountHint"),
                  inputMode: "numeric",
                },
                {
                  kind: "multiselect",
                  name: "agencyIds",
                  label: t("requests.agencies"),
                  hint: t("requests.agenciesHint"),
                  options: options.agencies.map((a) => ({ value: a.id, label: localName(a, locale) })),
                },
              ]}
            />
          </div>
        )}
      </Card>

      <Card title={t("requests.documentsSection")}>
        {request.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("requests.noDocuments")}</p>
        ) : (
          <ul className="list-inside list-disc text-sm">
            {request.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/apply/documents/${a.id}`} className="text-brand-700 underline">
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <div className="mt-4">
            <ActionForm
              action={uploadRequestDocumentsAction}
              submitLabel={t("requests.upload")}
              pendingLabel={t("requests.uploading")}
              variant="secondary"
              fields={[
                { kind: "hidden", name: "requestId", value: request.id },
                {
                  kind: "file",
                  name: "files",
                  label: t("requests.files"),
                  hint: t("requests.filesHint"),
                  accept: ACCEPT_ATTRIBUTE,
                },
              ]}
            />
          </div>
        )}
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
          {request.resolutions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("requests.noResolutions")}</p>
          ) : (
            <ul className="space-y-3">
              {request.resolutions.map((r) => (
                <li key={r.id} className="space-y-1 border-b border-slate-100 pb-3 text-sm last:border-0">
                  <p className="whitespace-pre-line font-medium">{r.text}</p>
                  <p>
                    {t("requests.responsibleAgency")}: {localName(r.responsibleAgency, locale)}
                  </p>
                  <p>
                    {t("requests.deadline")}: {formatDate(r.deadline, locale)}
                  </p>
                  <p>
                    {t("requests.resolutionStatus")}: {t(`resolutionStatus.${r.status}`)}
                  </p>
                  {r.progressReports[0] && (
                    <p className="text-slate-600">
                      {t("requests.progress")}: {formatNumber(r._count.progressReports, locale)} —{" "}
                      {formatDate(r.progressReports[0].createdAt, locale)}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </>
  );
}
