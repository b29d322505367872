import "server-only";
import { PgBoss } from "pg-boss";
import { currentRequestId } from "@/lib/observability/context";
import { runJob } from "@/lib/observability/jobs";
import { errorFields, log } from "@/lib/observability/log";

// The only file that speaks pg-boss for exports: a queue of export jobs and an hourly
// clean-up, on the application's own PostgreSQL (decision 001), in pg-boss 12's schema
// beside the mail jobs (docs/decisions/011-pg-boss-12.md). An upgrade touches only this file.
// The job's state and progress live in the ExportJob table, not in pg-boss, so pg-boss only
// has to deliver "run export <id>" once to some instance (and again after a crash).

const RUN = "export-run";
const CLEANUP = "export-cleanup";

let started: Promise<PgBoss> | null = null;

function boss(): Promise<PgBoss> {
  started ??= (async () => {
    const instance = new PgBoss({
      connectionString: process.env.DATABASE_URL ?? "",
      schema: "pgboss_v12",
      max: 2,
    });
    instance.on("error", (err) => log.error(errorFields(err), "export queue error"));
    await instance.start();
    // One retry: a crash mid-export leaves the row RUNNING, and the retry starts it over.
    // The expiry is generous: a national register takes well under a minute.
    const queues = [
      [RUN, { retryLimit: 1, retryDelay: 30, expireInSeconds: 30 * 60 }],
      [CLEANUP, { retryLimit: 2, expireInSeconds: 10 * 60 }],
    ] as const;
    for (const [name, settings] of queues) {
      if (await instance.getQueue(name)) await instance.updateQueue(name, settings);
      else await instance.createQueue(name, settings);
    }
    return instance;
  })().catch((err: unknown) => {
    started = null;
    throw err;
  });
  return started;
}

/** Asks some app instance to prepare export job `jobId` (an ExportJob row already saved). */
export async function enqueueExportJob(jobId: string): Promise<void> {
  // The singleton key keeps a double submit from running the same export twice at once.
  // The request's id travels with the job, so its log lines name the click that asked for it.
  await (await boss()).send(RUN, { jobId, reqId: currentRequestId() }, { singletonKey: jobId });
}

/**
 * Runs export jobs in this process, one at a time per instance (so memory stays that of one
 * streamed export), and the hourly removal of expired files.
 */
export async function startExportWorker(handlers: {
  run: (jobId: string) => Promise<unknown>;
  cleanup: () => Promise<unknown>;
}): Promise<void> {
  const b = await boss();
  await b.work<{ jobId: string }>(RUN, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runJob(RUN, job, () => handlers.run(job.data.jobId));
  });
  await b.schedule(CLEANUP, "17 * * * *", {}, { tz: "Asia/Tehran" });
  await b.work(CLEANUP, async ([job]) => {
    await runJob(CLEANUP, job, handlers.cleanup);
  });
}

/** Stops this process's queue client (tests, shutdown); running jobs finish first. */
export async function stopExportQueue(): Promise<void> {
  const current = started;
  started = null;
  if (current) await (await current).stop({ graceful: true, timeout: 60_000 });
}
