import "server-only";
import { PassThrough, type Writable } from "node:stream";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { translator, type Locale } from "@/lib/i18n/messages";
import { deliver } from "@/lib/notifications/deliver";
import { writeCsv } from "@/lib/reports/csv";
import type { ExportFormat, Progress, TableSource } from "@/lib/reports/table";
import { writeXlsx } from "@/lib/reports/xlsx";
import { fileStorage, newStorageKey } from "@/lib/storage";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildExport } from "./kinds";
import { enqueueExportJob } from "./queue";
import { isExportKind, type ExportKind } from "./schema";
import { appUrl } from "@/lib/app-url";
import { errorFields, log } from "@/lib/observability/log";

// Exports too large to wait for become background jobs (docs/decisions/061-export-jobs.md):
// the request saves an ExportJob row and queues it; some app instance streams the same
// table into the storage module, updating the row's progress; the requester alone is told
// and alone may download it until it expires.

/** Above this many rows an export link becomes a job (EXPORT_JOB_ROWS; see docs/performance.md). */
export const exportJobThreshold = () => Math.max(0, Number(process.env.EXPORT_JOB_ROWS ?? 50_000) || 0);
/** How long a prepared file stays downloadable (EXPORT_TTL_HOURS, default one day). */
const ttlMs = () => Math.max(1, Number(process.env.EXPORT_TTL_HOURS ?? 24) || 24) * 3_600_000;
/** Progress is written at most this often: a row update per second, not per batch. */
const PROGRESS_EVERY_MS = 1000;

/** Writes the table in the chosen format into `out` and ends it. */
export function writeTable(out: Writable, table: TableSource, format: ExportFormat, onProgress?: Progress) {
  return format === "csv" ? writeCsv(out, table, onProgress) : writeXlsx(out, [table], onProgress);
}

const sorted = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Saves and queues a background export for the actor. The same export asked again while one
 * is still queued or running (a reload, a double click) returns that one instead.
 */
export async function requestExport(
  actor: Actor,
  request: {
    kind: ExportKind;
    format: ExportFormat;
    params: Record<string, string>;
    locale: Locale;
    fileName: string;
  },
) {
  authorize(actor, "case.read");
  const params = sorted(request.params);
  const format = request.format === "csv" ? "CSV" : "XLSX";
  const pending = await db.exportJob.findFirst({
    where: {
      requesterId: actor.id,
      kind: request.kind,
      format,
      status: { in: ["QUEUED", "RUNNING"] },
      params: { equals: params },
    },
    orderBy: { createdAt: "desc" },
  });
  if (pending) return pending;
  const job = await db.$transaction(async (tx) => {
    const created = await tx.exportJob.create({
      data: {
        requesterId: actor.id,
        kind: request.kind,
        format,
        params,
        locale: request.locale,
        fileName: request.fileName,
      },
    });
    // Who took which national list out of the system is worth a trail.
    await recordAudit(tx, {
      actorId: actor.id,
      provinceId: actor.provinceId,
      action: "export.request",
      entityType: "ExportJob",
      entityId: created.id,
      after: { kind: request.kind, format, params },
    });
    return created;
  });
  try {
    await enqueueExportJob(job.id);
  } catch (err) {
    await db.exportJob.update({ where: { id: job.id }, data: { status: "FAILED", error: String(err) } });
    throw err;
  }
  return job;
}

/**
 * Prepares export job `jobId`: the requester's current rights decide what it holds (a user
 * deactivated meanwhile gets nothing). Safe to run again: a ready job is left alone, a
 * half-done one starts over with a new file.
 */
export async function runExportJob(jobId: string): Promise<void> {
  const job = await db.exportJob.findUnique({
    where: { id: jobId },
    include: {
      requester: {
        select: {
          id: true,
          email: true,
          roles: true,
          agencyId: true,
          provinceId: true,
          active: true,
          locale: true,
        },
      },
    },
  });
  if (!job || job.status === "READY" || job.status === "EXPIRED") return;
  const claimed = await db.exportJob.updateMany({
    where: { id: job.id, status: { in: ["QUEUED", "RUNNING", "FAILED"] } },
    data: { status: "RUNNING", startedAt: new Date(), doneRows: 0, error: null, storageKey: null },
  });
  if (claimed.count === 0) return;
  const storage = fileStorage();
  // A crashed earlier attempt may have left its partial file behind.
  if (job.storageKey) await storage.remove(job.storageKey);

  const key = newStorageKey();
  try {
    const { requester } = job;
    if (!requester.active) throw new Error("the requester's account is deactivated");
    if (!isExportKind(job.kind)) throw new Error(`unknown export kind: ${job.kind}`);
    const actor: Actor = {
      id: requester.id,
      roles: requester.roles,
      agencyId: requester.agencyId,
      provinceId: requester.provinceId,
    };
    const exp = buildExport(job.kind, actor, job.params as Record<string, string>, job.locale);
    const total = await exp.count();
    await db.exportJob.update({ where: { id: job.id }, data: { totalRows: total, storageKey: key } });

    let reported = Date.now();
    const progress: Progress = async (rows) => {
      if (Date.now() - reported < PROGRESS_EVERY_MS) return;
      reported = Date.now();
      await db.exportJob.update({ where: { id: job.id }, data: { doneRows: rows } });
    };
    const out = new PassThrough();
    const written = writeTable(out, exp.table(), job.format === "CSV" ? "csv" : "xlsx", progress).catch(
      (err: unknown) => {
        // Without this the storage side would wait for the end of a stream that never ends.
        out.destroy(err instanceof Error ? err : new Error(String(err)));
        throw err;
      },
    );
    const [rows, bytes] = await Promise.all([written, storage.putStream(key, out)]);

    const finishedAt = new Date();
    const expiresAt = new Date(finishedAt.getTime() + ttlMs());
    await db.exportJob.update({
      where: { id: job.id },
      // The count may have moved while the rows were read; the file's own count is the truth.
      data: { status: "READY", doneRows: rows, totalRows: rows, byteSize: bytes, finishedAt, expiresAt },
    });
    await notifyReady({ ...job, doneRows: rows, expiresAt }, requester);
  } catch (err) {
    await storage.remove(key).catch(() => {});
    await db.exportJob.update({
      where: { id: job.id },
      data: { status: "FAILED", storageKey: null, finishedAt: new Date(), error: String(err).slice(0, 500) },
    });
    throw err;
  }
}

/** The requester, and only the requester, gets a message with the download link. */
async function notifyReady(
  job: { id: string; kind: string; fileName: string; doneRows: number; expiresAt: Date },
  to: { id: string; email: string; locale: Locale; provinceId: string | null },
) {
  const t = translator(to.locale);
  const name = job.fileName;
  const body = t("exports.mail.readyBody", {
    name,
    rows: formatNumber(job.doneRows, to.locale),
    date: formatDateTime(job.expiresAt, to.locale, { style: "short" }),
    url: `${appUrl()}/api/exports/${job.id}`,
  });
  try {
    await deliver([
      {
        eventKey: `export-ready:${job.id}`,
        toEmail: to.email,
        userId: to.id,
        provinceId: to.provinceId,
        subject: t("exports.mail.readySubject", { name }),
        body: `${t("notifications.mail.greeting")}\n\n${body}\n\n${t("notifications.mail.signature")}`,
      },
    ]);
  } catch (err) {
    // The file is ready and the exports page shows it; a mail server's trouble must not
    // turn a finished export into a failed one. The message stays FAILED in the outbox.
    log.error(errorFields(err), "export ready message not sent");
  }
}

/**
 * Removes the files whose time is up (the row stays, EXPIRED, as a record), gives up on jobs
 * stuck for a day, and forgets rows older than a month. Runs hourly (lib/exports/queue.ts).
 */
export async function removeExpiredExports(now = new Date()) {
  const storage = fileStorage();
  const due = await db.exportJob.findMany({
    where: { status: "READY", expiresAt: { lte: now } },
    select: { id: true, storageKey: true },
    take: 1000,
  });
  for (const job of due) {
    if (job.storageKey) await storage.remove(job.storageKey);
    await db.exportJob.update({ where: { id: job.id }, data: { status: "EXPIRED", storageKey: null } });
  }
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const stuck = await db.exportJob.updateMany({
    where: { status: { in: ["QUEUED", "RUNNING"] }, createdAt: { lt: dayAgo } },
    data: { status: "FAILED", error: "did not finish within a day" },
  });
  const old: Prisma.ExportJobWhereInput = {
    createdAt: { lt: new Date(now.getTime() - 30 * 86_400_000) },
    status: { in: ["EXPIRED", "FAILED"] },
  };
  const forgotten = await db.exportJob.deleteMany({ where: old });
  return { expired: due.length, stuck: stuck.count, forgotten: forgotten.count };
}
