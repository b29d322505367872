import "server-only";
import { removeExpiredExports, runExportJob } from "./jobs";
import { startExportWorker } from "./queue";

/** Starts this instance's share of the background exports (instrumentation.ts). */
export function startExportJobs() {
  return startExportWorker({ run: runExportJob, cleanup: removeExpiredExports });
}
