import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { PageSkeleton } from "@/components/ui/skeleton";
import { loadIntakeRequest, requestVisible } from "@/lib/requests/queries";
import {
  acceptRequestAction,
  askForDocumentsAction,
  markDuplicateAction,
  putRequestOnAgendaAction,
  rejectRequestAction,
} from "@/lib/requests/actions";
import { stageOf } from "@/lib/requests/stage";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { formatDate, formatDigits, formatNumber, formatRials, localName } from "@/lib/i18n/format";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/requests/action-form";

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
  const waiting = request.status === "SUBMITTED";
  const open = waiting || request.status === "DOCUMENTS_REQUESTED";
  const agencyName = new Map(request.agencies.map((a) => [a.id, localName(a, locale)]));
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
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
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
          <div>
            <dt className="text-slate-600">{t("requests.submittedAt")}</dt>
            <dd>{request.submittedAt ? formatDate(request.submittedAt, locale) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("requests.applicant")}</dt>
            <dd>
              {request.applicant.name} — <bdi dir="ltr">{request.applicant.email}</bdi>
            </dd>
          </div>
          {profile && (
            <>
              <div>
                <dt className="text-slate-600">{t("applicants.nationalCode")}</dt>
                <dd>
                  <bdi dir="ltr">{formatDigits(profile.nationalCode, locale)}</bdi>
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("requests.applicantPosition")}</dt>
                <dd>{t(`applicants.positions.${profile.position}`)}</dd>
              </div>
            </>
          )}
        </dl>
        <p className="mt-3 text-sm">
          {request.match
            ? t("requests.matchingUnit", { name: request.match.name })
            : t("requests.noMatchingUnit")}
        </p>
      </Card>

      <Card title={t("requests.obstaclesSection")}>
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
            </li>
          ))}
        </ol>
      </Card>

      <Card title={t("requests.documentsSection")}>
        {request.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("requests.noDocuments")}</p>
        ) : (
          <ul className="list-inside list-disc text-sm">
            {request.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline">
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        )}
        {request.documentsMessage && (
          <p className="mt-2 text-sm text-slate-700">
            {t("requests.documentsRequestedNote", { message: request.documentsMessage })}
          </p>
        )}
      </Card>

      {waiting && (
        <Card title={t("requests.acceptTitle")}>
          <ActionForm
            action={acceptRequestAction}
            submitLabel={t("requests.accept")}
            pendingLabel={t("requests.saving")}
            fields={[
              { kind: "hidden", name: "id", value: request.id },
              {
                kind: "radio",
                name: "target",
                label: t("requests.acceptAs"),
                // Offered when the national id matches a registered unit: then only that unit.
                options: request.match
                  ? [
                      {
                        value: request.match.id,
                        label: t("requests.acceptLinkUnit", { name: request.match.name }),
                      },
                    ]
                  : [{ value: "new", label: t("requests.acceptNewUnit") }],
              },
            ]}
          />
        </Card>
      )}
      {waiting && (
        <Card title={t("requests.askDocumentsTitle")}>
          <ActionForm
            action={askForDocumentsAction}
            submitLabel={t("requests.askDocuments")}
            pendingLabel={t("requests.saving")}
            variant="secondary"
            fields={[
              { kind: "hidden", name: "id", value: request.id },
              { kind: "textarea", name: "message", label: t("requests.message") },
            ]}
          />
        </Card>
      )}
      {open && (
        <Card title={t("requests.duplicateTitle")}>
          <ActionForm
            action={markDuplicateAction}
            submitLabel={t("requests.markDuplicate")}
            pendingLabel={t("requests.saving")}
            variant="secondary"
            fields={[
              { kind: "hidden", name: "id", value: request.id },
              {
                kind: "text",
                name: "unit",
                label: t("requests.duplicateOf"),
                hint: t("requests.duplicateHint"),
                dir: "ltr",
                defaultValue: request.match ? request.unitNationalId : "",
              },
            ]}
          />
        </Card>
      )}
      {open && (
        <Card title={t("requests.rejectTitle")}>
          <ActionForm
            action={rejectRequestAction}
            submitLabel={t("requests.reject")}
            pendingLabel={t("requests.saving")}
            variant="secondary"
            fields={[
              { kind: "hidden", name: "id", value: request.id },
              { kind: "textarea", name: "reason", label: t("requests.rejectReason") },
            ]}
          />
        </Card>
      )}
      {request.status === "ACCEPTED" &&
        request.obstacles.some((o) => o.obstacle?.status === "REGISTERED") && (
          <Card title={t("requests.agendaTitle")}>
            <ActionForm
              action={putRequestOnAgendaAction}
              submitLabel={t("requests.putOnAgenda")}
              pendingLabel={t("requests.saving")}
              fields={[{ kind: "hidden", name: "id", value: request.id }]}
            />
          </Card>
        )}
    </div>
  );
}
