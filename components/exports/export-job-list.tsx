import { formatDateTime, formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

type Job = {
  id: string;
  kind: string;
  format: "XLSX" | "CSV";
  status: "QUEUED" | "RUNNING" | "READY" | "FAILED" | "EXPIRED";
  totalRows: number | null;
  doneRows: number;
  fileName: string;
  createdAt: Date;
  expiresAt: Date | null;
};

const KINDS = ["resolutions", "units", "obstacles"] as const;
const kindLabel = (kind: string, t: Translate) =>
  (KINDS as readonly string[]).includes(kind) ? t(`exports.kind.${kind as (typeof KINDS)[number]}`) : kind;

/** The user's background exports: what, when, state, a progress bar and the download link. */
export function ExportJobList({
  jobs,
  highlight,
  locale,
  t,
}: {
  jobs: Job[];
  highlight?: string;
  locale: Locale;
  t: Translate;
}) {
  if (jobs.length === 0) return <EmptyState>{t("exports.empty")}</EmptyState>;
  return (
    <table className="w-full text-sm">
      <TableHead
        labels={[
          t("exports.col.export"),
          t("exports.col.requestedAt"),
          t("exports.col.state"),
          t("exports.col.progress"),
          t("exports.col.file"),
        ]}
      />
      <tbody>
        {jobs.map((job) => {
          const name = `${kindLabel(job.kind, t)} (${job.format === "CSV" ? "CSV" : "Excel"})`;
          const total = job.totalRows ?? 0;
          const pct = job.status === "READY" ? 100 : total > 0 ? Math.floor((100 * job.doneRows) / total) : 0;
          return (
            <tr
              key={job.id}
              id={`job-${job.id}`}
              className={`border-b border-slate-100 ${job.id === highlight ? "bg-amber-50" : ""}`}
            >
              <td className="p-2 font-medium">{name}</td>
              <td className="p-2">{formatDateTime(job.createdAt, locale, { style: "short" })}</td>
              <td className="p-2">{t(`exports.status.${job.status}`)}</td>
              <td className="p-2">
                {(job.status === "QUEUED" || job.status === "RUNNING" || job.status === "READY") && (
                  <div className="flex items-center gap-2">
                    <div
                      role="progressbar"
                      aria-label={t("exports.progressLabel", { name })}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={pct}
                      className="h-2 w-32 overflow-hidden rounded bg-slate-200"
                    >
                      <div className="h-full bg-brand-600" style={{ width: `${pct}%` }} />
                    </div>
                    <span className="text-xs text-slate-600">
                      {formatPercent(pct, locale)}{" "}
                      {job.totalRows !== null &&
                        `(${t("exports.rows", {
                          done: formatNumber(job.doneRows, locale),
                          total: formatNumber(total, locale),
                        })})`}
                    </span>
                  </div>
                )}
                {job.status === "FAILED" && <span className="text-red-700">{t("exports.failed")}</span>}
              </td>
              <td className="p-2">
                {job.status === "READY" ? (
                  <div className="space-y-1">
                    <a href={`/api/exports/${job.id}`} className="text-brand-700 underline">
                      {t("exports.download", { name: job.fileName })}
                    </a>
                    {job.expiresAt && (
                      <p className="text-xs text-slate-500">
                        {t("exports.expiresAt", {
                          date: formatDateTime(job.expiresAt, locale, { style: "short" }),
                        })}
                      </p>
                    )}
                  </div>
                ) : job.status === "EXPIRED" ? (
                  <span className="text-slate-500">{t("exports.expired")}</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
