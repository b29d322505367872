import { requestStore } from "./context";
import { errorFields, log } from "./log";
import { metrics } from "./metrics";

/**
 * Runs one background job with its log line: queue, job id, outcome, duration, and the id of
 * the request that enqueued it (`reqId` in the job's data), so a user's export or e-mail can
 * be followed from the click that asked for it. Lines the job writes carry the same id.
 */
export async function runJob<T>(
  queue: string,
  job: { id?: string; data?: unknown } | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const given = (job?.data as { reqId?: unknown } | undefined)?.reqId;
  const requestId = typeof given === "string" ? given : `job-${job?.id ?? "scheduled"}`;
  return requestStore.run({ requestId }, async () => {
    const started = process.hrtime.bigint();
    const ms = () => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    try {
      const result = await work();
      metrics.jobRuns.inc({ queue, outcome: "done" });
      log.info({ queue, jobId: job?.id, ms: ms(), outcome: "done" }, "job");
      return result;
    } catch (err) {
      metrics.jobRuns.inc({ queue, outcome: "failed" });
      log.error({ ...errorFields(err), queue, jobId: job?.id, ms: ms(), outcome: "failed" }, "job");
      throw err;
    }
  });
}
