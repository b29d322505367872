// The sections of a resolution's file (app/(app)/resolutions/[id]/page.tsx), one component
// each: the page decides what the viewer may do, these draw it.
import { DayOffWarning } from "@/components/calendar/day-off-warning";
import { formatDate, formatDateTime, formatList, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import type { ResolutionDetail, listResolutionReturns } from "@/lib/resolutions/queries";
import type { followUpChoices } from "@/lib/resolutions/status";
import { meetingTitle } from "@/lib/meetings/title";
import { disputeDays } from "@/lib/resolutions/returns";
import { DecideReturnForm, ReturnResolutionForm } from "@/components/resolutions/chase-forms";
import {
  DecideExtensionForm,
  ExtensionRequestForm,
  ReportProgressForm,
  VerifyForm,
} from "@/components/resolutions/follow-up-forms";
import { DeadlineNote, STATUS_TONE } from "@/components/resolutions/resolution-table";
import { Card, EmptyState } from "@/components/ui/card";
import type { AgencyPicker } from "@/components/ui/decision-fields";

type Props = { r: ResolutionDetail; t: Translate; locale: Locale };
type Return = Awaited<ReturnType<typeof listResolutionReturns>>[number];
type Extension = ResolutionDetail["extensionRequests"][number];

const AUDIT_LABEL: Record<string, MessageKey> = {
  "resolution.report": "resolutions.auditAction.report",
  "resolution.requestExtension": "resolutions.auditAction.requestExtension",
  "extension.approve": "resolutions.auditAction.extensionApprove",
  "extension.reject": "resolutions.auditAction.extensionReject",
  "resolution.verify": "resolutions.auditAction.verify",
  "resolution.reopen": "resolutions.auditAction.reopen",
  "resolution.followUpDecision": "resolutions.auditAction.followUp",
  "resolution.return": "resolutions.auditAction.return",
  "resolution.reassign": "resolutions.auditAction.reassign",
  "resolution.returnReject": "resolutions.auditAction.returnReject",
  "resolution.remind": "resolutions.auditAction.remind",
};

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** What was decided, for whom, by when, and where it stands. */
export function ResolutionDetails({ r, t, locale }: Props) {
  return (
    <Card title={t("resolutions.details")}>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t("resolutions.text")}</dt>
        <dd className="whitespace-pre-line">{r.text}</dd>
        <dt className="font-medium text-slate-600">{t("resolutions.unit")}</dt>
        <dd>{r.unit.name}</dd>
        <dt className="font-medium text-slate-600">{t("resolutions.session")}</dt>
        <dd>
          {meetingTitle(r.meeting, locale, t)} — {formatDate(r.meeting.startsAt, locale)}
        </dd>
        <dt className="font-medium text-slate-600">{t("resolutions.responsible")}</dt>
        <dd>{localName(r.responsibleAgency, locale)}</dd>
        <dt className="font-medium text-slate-600">{t("resolutions.supporting")}</dt>
        <dd>
          {r.supportingAgencies.length
            ? formatList(
                r.supportingAgencies.map((s) => localName(s.agency, locale)),
                locale,
              )
            : t("resolutions.noSupporting")}
        </dd>
        <dt className="font-medium text-slate-600">{t("resolutions.deadline")}</dt>
        <dd className="flex flex-wrap items-center gap-3">
          <span>{formatDate(r.deadline, locale)}</span>
          <DeadlineNote item={r} locale={locale} t={t} />
          <DayOffWarning
            date={r.deadline.toISOString().slice(0, 10)}
            provinceId={r.provinceId}
            locale={locale}
            t={t}
          />
        </dd>
        <dt className="font-medium text-slate-600">{t("resolutions.status")}</dt>
        <dd>
          <span
            className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${STATUS_TONE[r.status]}`}
            data-testid="resolution-status"
          >
            {t(`resolutionStatus.${r.status}`)}
          </span>
        </dd>
        {r.obstacles.length > 0 && (
          <>
            <dt className="font-medium text-slate-600">{t("resolutions.obstacles")}</dt>
            <dd>
              <ul className="list-disc space-y-1 ps-5">
                {r.obstacles.map(({ obstacle: o }) => (
                  <li key={o.id}>
                    {o.description}{" "}
                    <span className="ms-1 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                      {localName(o.category, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}

/** An agency returning a resolution that is not its remit; the secretariat deciding it. */
export function ReturnForms({
  r,
  mayReturn,
  pendingReturn,
  agencies,
  t,
  locale,
}: Props & {
  mayReturn: boolean;
  pendingReturn: Return | undefined;
  agencies: AgencyPicker;
}) {
  const mayDecideReturn = pendingReturn !== undefined;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {mayReturn && (
        <Card title={t("resolutions.returns.title")}>
          <ReturnResolutionForm id={r.id} version={r.version} />
        </Card>
      )}
      {mayDecideReturn && pendingReturn && (
        <Card title={t("resolutions.returns.decideTitle")}>
          <p className="mb-3 whitespace-pre-line text-sm">
            {t("resolutions.returns.pending", {
              agency: localName(pendingReturn.fromAgency, locale),
              date: formatDate(pendingReturn.createdAt, locale),
              reason: pendingReturn.reason,
            })}
          </p>
          <DecideReturnForm id={r.id} version={r.version} returnId={pendingReturn.id} agencies={agencies} />
        </Card>
      )}
    </div>
  );
}

/** Reporting, asking for more time, deciding a request for more time, verifying. */
export function FollowUpForms({
  r,
  may,
  pending,
  t,
  locale,
}: Props & { may: ReturnType<typeof followUpChoices>; pending: Extension | undefined }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {may.report && (
        <Card title={t("resolutions.reportTitle")}>
          <ReportProgressForm id={r.id} version={r.version} />
        </Card>
      )}
      {may.requestExtension && (
        <Card title={t("resolutions.extensionTitle")}>
          <ExtensionRequestForm id={r.id} version={r.version} locale={locale} />
        </Card>
      )}
      {may.decideExtension && pending && (
        <Card title={t("resolutions.decideTitle")}>
          <p className="mb-3 text-sm">
            {t("resolutions.extensionLine", {
              from: formatDate(pending.previousDeadline, locale),
              to: formatDate(pending.requestedDeadline, locale),
            })}
            <br />
            {pending.reason}
          </p>
          <DecideExtensionForm id={r.id} version={r.version} extensionId={pending.id} />
        </Card>
      )}
      {may.verify && (
        <Card title={t("resolutions.verifyTitle")}>
          <VerifyForm id={r.id} version={r.version} />
        </Card>
      )}
    </div>
  );
}

export function ProgressReports({ r, t, locale }: Props) {
  return (
    <Card title={t("resolutions.progress")}>
      {r.progressReports.length === 0 ? (
        <EmptyState>{t("resolutions.noProgress")}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {r.progressReports.map((p) => (
            <li key={p.id} className="border-s-2 border-slate-200 ps-4">
              <p className="text-xs text-slate-600">
                {formatDateTime(p.createdAt, locale, { style: "short" })}
                {p.author && <> — {t("resolutions.by", { name: p.author.name })}</>}
                {p.fromStatus !== p.toStatus && (
                  <>
                    {" "}
                    —{" "}
                    {t("resolutions.statusChange", {
                      from: t(`resolutionStatus.${p.fromStatus}`),
                      to: t(`resolutionStatus.${p.toStatus}`),
                    })}
                  </>
                )}
              </p>
              {p.note && <p className="mt-1 whitespace-pre-line text-sm">{p.note}</p>}
              {p.attachments.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label={t("resolutions.attachments")}>
                  {p.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline">
                        {a.fileName}
                      </a>
                      <span className="ms-1 text-xs text-slate-500">
                        ({formatNumber(kb(a.sizeBytes), locale)} KB)
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function ExtensionRequests({ r, t, locale }: Props) {
  return (
    <Card title={t("resolutions.extensions")}>
      {r.extensionRequests.length === 0 ? (
        <EmptyState>{t("resolutions.noExtensions")}</EmptyState>
      ) : (
        <ol className="space-y-3 text-sm">
          {r.extensionRequests.map((e) => (
            <li key={e.id} className="border-s-2 border-slate-200 ps-4">
              <p>
                <span className="font-medium">{t(`resolutions.extensionStatus.${e.status}`)}</span> —{" "}
                {t("resolutions.extensionLine", {
                  from: formatDate(e.previousDeadline, locale),
                  to: formatDate(e.requestedDeadline, locale),
                })}
              </p>
              <p className="text-xs text-slate-600">
                {formatDateTime(e.createdAt, locale, { style: "short" })}
                {e.requestedBy && <> — {t("resolutions.by", { name: e.requestedBy.name })}</>}
              </p>
              <p className="mt-1 whitespace-pre-line">{e.reason}</p>
              {e.decisionNote && (
                <p className="mt-1 text-slate-700">
                  {t("resolutions.decisionNote", { note: e.decisionNote })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function ReturnHistory({ returns, t, locale }: { returns: Return[]; t: Translate; locale: Locale }) {
  return (
    <Card title={t("resolutions.returns.history")}>
      <ol className="space-y-3 text-sm">
        {returns.map((x) => (
          <li key={x.id} className="border-s-2 border-slate-200 ps-4">
            <p className="font-medium">
              {t(`resolutions.returns.statusLabel.${x.status}`, {
                agency: x.toAgency ? localName(x.toAgency, locale) : "",
              })}
            </p>
            <p className="text-xs text-slate-600">
              {localName(x.fromAgency, locale)} — {formatDateTime(x.createdAt, locale, { style: "short" })}
              {x.requestedBy && <> — {t("resolutions.by", { name: x.requestedBy.name })}</>}
            </p>
            <p className="mt-1 whitespace-pre-line">{x.reason}</p>
            {x.status === "PENDING" ? (
              <p className="mt-1 text-amber-800">
                {t("resolutions.returns.inDispute", {
                  date: formatDate(x.createdAt, locale),
                  days: formatNumber(disputeDays(x.createdAt, new Date()), locale),
                })}
              </p>
            ) : (
              <>
                {x.decisionNote && (
                  <p className="mt-1 text-slate-700">
                    {t("resolutions.decisionNote", { note: x.decisionNote })}
                  </p>
                )}
                {x.status === "REASSIGNED" && (
                  <p className="mt-1 text-slate-700">
                    {t("resolutions.returns.disputeDays", {
                      days: formatNumber(x.disputeDays ?? 0, locale),
                    })}
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** The audit trail of the resolution, for those who may read it (r.history is null otherwise). */
export function ResolutionHistory({
  history,
  t,
  locale,
}: {
  history: NonNullable<ResolutionDetail["history"]>;
  t: Translate;
  locale: Locale;
}) {
  return (
    <Card title={t("resolutions.history")}>
      {history.length === 0 ? (
        <EmptyState>{t("resolutions.noHistory")}</EmptyState>
      ) : (
        <table className="w-full text-sm">
          <tbody>
            {history.map((h) => (
              <tr key={h.id} className="border-b border-slate-100">
                <td className="whitespace-nowrap p-2 text-slate-600">
                  {formatDateTime(h.createdAt, locale, { style: "short" })}
                </td>
                <td className="p-2">{t(AUDIT_LABEL[h.action] ?? "resolutions.auditAction.other")}</td>
                <td className="p-2">{h.actor?.name ?? t("common.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
