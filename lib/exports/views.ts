// What the exports page shows (app/(app)/exports/page.tsx): the viewer's background exports as a
// list of the primitives (lib/views/list.ts), each with its state, progress and download link,
// already in the reader's language.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { oneParam, type ListView, type SearchParams } from "@/lib/views/list";
import { listMyExportJobs, type ExportJobListItem } from "./queries";

type ExportColumn = "export" | "requestedAt" | "state" | "progress" | "file";

/** What the progress and file cells draw: a bar while the file is made, then its link. */
export type ExportJobCells = {
  /** The bar, from queued to ready; none for a failed or expired job. */
  progress: { percent: number; label: string; text: string } | null;
  failed: string | null;
  file: { href: string; label: string; expires: string | null } | null;
  expired: string | null;
};

const KINDS = ["resolutions", "units", "obstacles"] as const;
const kindLabel = (kind: string, t: Translate) =>
  (KINDS as readonly string[]).includes(kind) ? t(`exports.kind.${kind as (typeof KINDS)[number]}`) : kind;

function cells(job: ExportJobListItem, name: string, t: Translate, locale: Locale): ExportJobCells {
  const total = job.totalRows ?? 0;
  const percent = job.status === "READY" ? 100 : total > 0 ? Math.floor((100 * job.doneRows) / total) : 0;
  const rows =
    job.totalRows === null
      ? ""
      : `(${t("exports.rows", { done: formatNumber(job.doneRows, locale), total: formatNumber(total, locale) })})`;
  const short = (d: Date) => formatDateTime(d, locale, { style: "short" });
  return {
    progress:
      job.status === "QUEUED" || job.status === "RUNNING" || job.status === "READY"
        ? {
            percent,
            label: t("exports.progressLabel", { name }),
            text: `${formatPercent(percent, locale)} ${rows}`,
          }
        : null,
    failed: job.status === "FAILED" ? t("exports.failed") : null,
    file:
      job.status === "READY"
        ? {
            href: `/api/exports/${job.id}`,
            label: t("exports.download", { name: job.fileName }),
            expires: job.expiresAt && t("exports.expiresAt", { date: short(job.expiresAt) }),
          }
        : null,
    expired: job.status === "EXPIRED" ? t("exports.expired") : null,
  };
}

/** The viewer's exports, newest first; the one just requested (`highlight`) stands out. */
export function exportJobList(
  jobs: ExportJobListItem[],
  highlight: string | undefined,
  t: Translate,
  locale: Locale,
): ListView<ExportColumn, ExportJobCells> & { active: boolean } {
  return {
    columns: [
      { key: "export", label: t("exports.col.export") },
      { key: "requestedAt", label: t("exports.col.requestedAt") },
      { key: "state", label: t("exports.col.state") },
      { key: "progress", label: t("exports.col.progress") },
      { key: "file", label: t("exports.col.file") },
    ],
    rows: jobs.map((job) => {
      const name = `${kindLabel(job.kind, t)} (${job.format === "CSV" ? "CSV" : "Excel"})`;
      return {
        id: job.id,
        anchor: `job-${job.id}`,
        highlight: job.id === highlight,
        data: cells(job, name, t, locale),
        cells: {
          export: name,
          requestedAt: formatDateTime(job.createdAt, locale, { style: "short" }),
          state: t(`exports.status.${job.status}`),
          progress: null,
          file: null,
        },
      };
    }),
    empty: t("exports.empty"),
    page: 1,
    pages: 1,
    pageHref: () => "/exports",
    // While a job is queued or running the page follows it without a reload.
    active: jobs.some((j) => j.status === "QUEUED" || j.status === "RUNNING"),
  };
}

export async function exportJobListView(
  actor: Actor,
  searchParams: SearchParams,
  t: Translate,
  locale: Locale,
) {
  return exportJobList(await listMyExportJobs(actor), oneParam(searchParams, "job"), t, locale);
}
