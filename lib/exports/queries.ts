import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { fileStorage } from "@/lib/storage";

const LIST_SELECT = {
  id: true,
  kind: true,
  format: true,
  status: true,
  totalRows: true,
  doneRows: true,
  fileName: true,
  byteSize: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

/** The actor's own background exports, newest first: nobody sees another person's. */
export async function listMyExportJobs(actor: Actor, take = 20) {
  authorize(actor, "case.read");
  return db.exportJob.findMany({
    where: { requesterId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: LIST_SELECT,
  });
}
export type ExportJobListItem = Awaited<ReturnType<typeof listMyExportJobs>>[number];

/**
 * A prepared file for download: its bytes as a stream, or why not. Someone else's job is
 * "not found", not "forbidden", so ids cannot be probed. A file past its time is refused
 * even before the hourly clean-up has removed it.
 */
export async function openExportFile(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<
  | { file: Readable; fileName: string; byteSize: number | null; format: "XLSX" | "CSV" }
  | { error: "notFound" | "expired" }
> {
  const job = await db.exportJob.findUnique({
    where: { id },
    select: {
      requesterId: true,
      status: true,
      storageKey: true,
      fileName: true,
      byteSize: true,
      format: true,
      expiresAt: true,
    },
  });
  if (!job || !can(actor, "export.download", { ownerId: job.requesterId })) return { error: "notFound" };
  if (job.status === "EXPIRED" || (job.expiresAt && job.expiresAt <= now)) return { error: "expired" };
  if (job.status !== "READY" || !job.storageKey) return { error: "notFound" };
  const file = await fileStorage().getStream(job.storageKey);
  if (!file) return { error: "expired" };
  return { file, fileName: job.fileName, byteSize: job.byteSize, format: job.format };
}
