import type { loadOwnRequest, requestFormOptions } from "@/lib/requests/queries";
import {
  addRequestObstacleAction,
  saveRequestDetailsAction,
  uploadRequestDocumentsAction,
} from "@/lib/requests/actions";
import { formatTrackingCode } from "@/lib/requests/tracking";
import { SECTORS, OPERATING_STATUSES } from "@/lib/units/constants";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { formatDate, formatDateTime, formatDigits, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { PrintButton } from "@/components/ui/print-button";
import { ActionForm, type FormField } from "@/components/requests/action-form";

// What only the applicant's own request page shows (apply/requests/[id]): where the request
// stands, the forms of a draft, and the resolutions the request led to. The read-out shared
// with the intake page is request-summary.tsx.

type OwnRequest = NonNullable<Awaited<ReturnType<typeof loadOwnRequest>>>;
type Options = NonNullable<Awaited<ReturnType<typeof requestFormOptions>>>;
type Speech = { t: Translate; locale: Locale };

/** The heading: the unit, the stage (with its meeting's date), the tracking code and any note. */
export function ApplicantRequestHeading({ request, t, locale }: Speech & { request: OwnRequest }) {
  const stageLine = (() => {
    const stage = t(`requests.stages.${request.stage}`);
    if (request.stage === "ON_AGENDA" && request.committeeDate)
      return t("requests.stageOn", { stage, date: formatDateTime(request.committeeDate, locale) });
    if (request.stage === "REFERRED" && request.workingGroupDate)
      return t("requests.stageOn", { stage, date: formatDateTime(request.workingGroupDate, locale) });
    return stage;
  })();
  return (
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
  );
}

/** The unit's details of a draft (or of a request sent back for documents), saved as a draft. */
export function RequestDetailsForm({
  request,
  options,
  t,
  locale,
}: Speech & { request: OwnRequest; options: Options }) {
  return (
    <DraftForm
      action={saveRequestDetailsAction}
      submit={t("requests.saveDraft")}
      pending={t("requests.saving")}
      hidden={{ id: request.id }}
      fields={[
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
          defaultValue: request.employees === null ? "" : formatDigits(String(request.employees), locale),
        },
      ]}
    />
  );
}

/** A further obstacle for the draft: category, description, amount, agencies. */
export function AddObstacleForm({
  requestId,
  options,
  t,
  locale,
}: Speech & { requestId: string; options: Options }) {
  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <h3 className="mb-2 font-semibold">{t("requests.addObstacle")}</h3>
      <DraftForm
        action={addRequestObstacleAction}
        submit={t("requests.addObstacle")}
        pending={t("requests.adding")}
        hidden={{ requestId: requestId }}
        fields={[
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
  );
}

/** Documents added to the draft. */
export function UploadDocumentsForm({ requestId, t }: { requestId: string; t: Translate }) {
  return (
    <div className="mt-4">
      <DraftForm
        action={uploadRequestDocumentsAction}
        submit={t("requests.upload")}
        pending={t("requests.uploading")}
        hidden={{ requestId: requestId }}
        fields={[
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
  );
}

/** The resolutions about the obstacles the request became: text, agency, deadline, progress. */
export function RequestResolutions({
  resolutions,
  t,
  locale,
}: Speech & { resolutions: OwnRequest["resolutions"] }) {
  if (resolutions.length === 0)
    return <p className="text-sm text-slate-600">{t("requests.noResolutions")}</p>;
  return (
    <ul className="space-y-3">
      {resolutions.map((r) => (
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
  );
}

/** A form on the applicant's draft: the record's id hidden, a secondary button. */
function DraftForm({
  action,
  submit,
  pending,
  hidden,
  fields,
}: {
  action: React.ComponentProps<typeof ActionForm>["action"];
  submit: string;
  pending: string;
  hidden: Record<string, string>;
  fields: FormField[];
}) {
  const ids = Object.entries(hidden).map(([name, value]) => ({ kind: "hidden" as const, name, value }));
  return (
    <ActionForm
      action={action}
      submitLabel={submit}
      pendingLabel={pending}
      variant="secondary"
      fields={[...ids, ...fields]}
    />
  );
}
