// The sections of a resolution's file (app/(app)/resolutions/[id]/page.tsx): each draws what the
// page has already read and decided; none reads the database.
import { DayOffWarning } from "@/components/calendar/day-off-warning";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRials,
  localName,
  formatList,
} from "@/lib/i18n/format";
import type { Progress } from "@/lib/outcomes/progress";
import { ProgressNote } from "@/components/outcomes/progress-note";
import { AddMilestoneForm, ApprovedAmountForm } from "@/components/outcomes/plan-forms";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import type { getResolutionDetail, listResolutionReturns, remindReach } from "@/lib/resolutions/queries";
import type { ComponentProps } from "react";
import type { followUpChoices } from "@/lib/resolutions/status";
import {
  DecideReturnForm,
  RemindNowButton,
  ReturnResolutionForm,
} from "@/components/resolutions/chase-forms";
import { Card, EmptyState } from "@/components/ui/card";
import { IssueLettersForm } from "@/components/letters/issue-letters-form";
import { DeadlineNote, STATUS_TONE } from "@/components/resolutions/resolution-table";
import { meetingTitle } from "@/lib/meetings/title";
import {
  DecideExtensionForm,
  ExtensionRequestForm,
  ReportProgressForm,
  VerifyForm,
} from "@/components/resolutions/follow-up-forms";

export type ResolutionDetail = NonNullable<Awaited<ReturnType<typeof getResolutionDetail>>>;
/** A return as read, with the days it has been (or was) in dispute as of the page's "now". */
export type ResolutionReturn = Awaited<ReturnType<typeof listResolutionReturns>>[number] & {
  daysSoFar: number;
};
type Words = { t: Translate; locale: Locale };

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
  "resolution.addMilestone": "outcomes.milestones.add",
  "resolution.approvedAmount": "outcomes.money.approved",
};

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export function ResolutionHeading({ r, t, locale }: Words & { r: ResolutionDetail }) {
  return (
    <div>
      <p className="text-sm text-slate-600">{meetingTitle(r.meeting, locale, t)}</p>
      <h1 className="text-2xl font-bold">
        {t("resolutions.pageTitle")}: {r.unit.name}
      </h1>
    </div>
  );
}

export function ResolutionDetails({
  r,
  progress,
  t,
  locale,
}: Words & { r: ResolutionDetail; progress: Progress }) {
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
        <dt className="font-medium text-slate-600">{t("outcomes.progress.label")}</dt>
        <dd>
          {progress.pct === null ? (
            t("outcomes.progress.none")
          ) : (
            <ProgressNote progress={progress} locale={locale} t={t} detail />
          )}
        </dd>
        {r.approvedAmountRials !== null && (
          <>
            <dt className="font-medium text-slate-600">{t("outcomes.money.approved")}</dt>
            <dd data-testid="approved-amount">{formatRials(r.approvedAmountRials, locale)}</dd>
          </>
        )}
        {r.obstacles.length > 0 && (
          <>
            <dt className="font-medium text-slate-600">{t("resolutions.obstacles")}</dt>
            <dd>
              <ObstacleList r={r} t={t} locale={locale} />
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}

function ObstacleList({ r, t, locale }: Words & { r: ResolutionDetail }) {
  return (
    <ul className="list-disc space-y-1 ps-5">
      {r.obstacles.map(({ obstacle: o }) => (
        <li key={o.id}>
          {o.description}{" "}
          <span className="ms-1 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
            {localName(o.category, locale)}
          </span>
          {o.moneyKind && (
            <span className="ms-1 whitespace-nowrap rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">
              {t(`outcomes.money.kind.${o.moneyKind}`)}
            </span>
          )}
          {o.amountRials !== null && (
            <span className="ms-1 whitespace-nowrap text-xs text-slate-600">
              {formatRials(o.amountRials, locale)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MilestonesCard({
  r,
  today,
  mayPlan,
  open,
  t,
  locale,
}: Words & { r: ResolutionDetail; today: string; mayPlan: boolean; open: boolean }) {
  return (
    <Card title={t("outcomes.milestones.title")}>
      {r.milestones.length === 0 ? (
        <EmptyState>{t("outcomes.milestones.none")}</EmptyState>
      ) : (
        <ol className="list-decimal space-y-1 ps-5 text-sm" aria-label={t("outcomes.milestones.title")}>
          {r.milestones.map((m) => {
            const due = m.dueOn.toISOString().slice(0, 10);
            return (
              <li key={m.id}>
                <span className={m.doneAt ? "line-through decoration-slate-400" : undefined}>{m.title}</span>{" "}
                <span
                  className={`text-xs ${m.doneAt ? "text-emerald-800" : due < today ? "text-red-700" : "text-slate-600"}`}
                >
                  {m.doneAt
                    ? t("outcomes.milestones.done", { date: formatDate(m.doneAt, locale) })
                    : t(due < today ? "outcomes.milestones.late" : "outcomes.milestones.open", {
                        date: formatDate(m.dueOn, locale),
                      })}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {mayPlan && (
        <div className="no-print mt-4 grid gap-6 border-t border-slate-100 pt-4 lg:grid-cols-2">
          {open && <AddMilestoneForm id={r.id} version={r.version} locale={locale} />}
          <ApprovedAmountForm
            id={r.id}
            version={r.version}
            // Prefilled in the reader's digits, grouped as the amount is shown (issue #30).
            current={r.approvedAmountRials === null ? "" : formatNumber(r.approvedAmountRials, locale)}
          />
        </div>
      )}
    </Card>
  );
}

/** Chasing the responsible agency: a reminder now, and its letter where the viewer may issue one. */
export function ChaseActions({
  id,
  reach,
  mayIssueLetters,
  t,
}: {
  id: string;
  reach: Awaited<ReturnType<typeof remindReach>>;
  mayIssueLetters: boolean;
  t: Translate;
}) {
  return (
    <div className="no-print flex flex-wrap items-start gap-3">
      <RemindNowButton id={id} reach={reach} />
      {mayIssueLetters && <IssueLettersForm resolutionId={id} label={t("letters.issueOne")} />}
    </div>
  );
}

export function ReturnCards({
  r,
  mayReturn,
  pendingReturn,
  agencies,
  t,
  locale,
}: Words & {
  r: ResolutionDetail;
  mayReturn: boolean;
  /** The pending return, when the viewer may decide it. */
  pendingReturn: ResolutionReturn | undefined;
  agencies: ComponentProps<typeof DecideReturnForm>["agencies"];
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {mayReturn && (
        <Card title={t("resolutions.returns.title")}>
          <ReturnResolutionForm id={r.id} version={r.version} />
        </Card>
      )}
      {pendingReturn && (
        <Card title={t("resolutions.returns.decideTitle")}>
          <p className="mb-3 whitespace-pre-line text-sm">
            {t("resolutions.returns.pending", {
              agency: localName(pendingReturn.fromAgency, locale),
              date: formatDate(pendingReturn.createdAt, locale),
              reason: pendingReturn.reason,
            })}
          </p>
          <DecideReturnForm
            id={r.id}
            version={r.version}
            returnId={pendingReturn.id}
            agencies={agencies}
            locale={locale}
          />
        </Card>
      )}
    </div>
  );
}

export function FollowUpCards({
  r,
  may,
  pending,
  t,
  locale,
}: Words & {
  r: ResolutionDetail;
  may: ReturnType<typeof followUpChoices>;
  pending: ResolutionDetail["extensionRequests"][number] | undefined;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {may.report && (
        <Card title={t("resolutions.reportTitle")}>
          <ReportProgressForm
            id={r.id}
            version={r.version}
            locale={locale}
            bank={r.responsibleAgency.kind === "BANK"}
            milestones={r.milestones
              .filter((m) => m.doneAt === null)
              .map((m) => ({ id: m.id, title: m.title, due: formatDate(m.dueOn, locale) }))}
          />
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

export function ProgressReports({
  reports,
  t,
  locale,
}: Words & { reports: ResolutionDetail["progressReports"] }) {
  return (
    <Card title={t("resolutions.progress")}>
      {reports.length === 0 ? (
        <EmptyState>{t("resolutions.noProgress")}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {reports.map((p) => (
            <ProgressReport key={p.id} p={p} t={t} locale={locale} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function ProgressReport({ p, t, locale }: Words & { p: ResolutionDetail["progressReports"][number] }) {
  return (
    <li className="border-s-2 border-slate-200 ps-4">
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
      {(p.progressPct !== null || p.moneyMovement || p.milestones.length > 0) && (
        <ul className="mt-1 space-y-0.5 text-sm text-slate-800" data-testid="report-outcome">
          {p.progressPct !== null && (
            <li>{t("outcomes.progress.stated", { pct: formatNumber(p.progressPct, locale) })}</li>
          )}
          {p.moneyMovement && p.amountRials !== null && p.moneyOn && (
            <li>
              {t("outcomes.money.moved", {
                movement: t(`outcomes.money.movement.${p.moneyMovement}`),
                amount: formatNumber(p.amountRials, locale),
                date: formatDate(p.moneyOn, locale),
              })}
            </li>
          )}
          {p.milestones.map((m) => (
            <li key={m.id}>✓ {m.title}</li>
          ))}
        </ul>
      )}
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
  );
}

export function ExtensionHistory({
  requests,
  t,
  locale,
}: Words & { requests: ResolutionDetail["extensionRequests"] }) {
  return (
    <Card title={t("resolutions.extensions")}>
      {requests.length === 0 ? (
        <EmptyState>{t("resolutions.noExtensions")}</EmptyState>
      ) : (
        <ol className="space-y-3 text-sm">
          {requests.map((e) => (
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

export function ReturnHistory({ returns, t, locale }: Words & { returns: ResolutionReturn[] }) {
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
                  days: formatNumber(x.daysSoFar, locale),
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

export function ResolutionHistory({
  history,
  t,
  locale,
}: Words & { history: NonNullable<ResolutionDetail["history"]> }) {
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
