import "server-only";
import pg from "pg";
import { PgBoss, type Db, type JobInsert } from "pg-boss";
import { escalateOverdue, sendDeadlineReminders, sendWeeklyDigest } from "./events";
import { sendNotificationDigests, sendNotificationMails } from "./inbox";
import { sendQueuedMails } from "./deliver";
import { refreshSmsDelivery, sendPendingSms } from "@/lib/sms/outbox";
import { sendGovernorWeekly } from "@/lib/outcomes/weekly";
import { runJob } from "@/lib/observability/jobs";
import { errorFields, log } from "@/lib/observability/log";

// Scheduling and retries on the application's own PostgreSQL (pg-boss): no other server.
// pg-boss elects one instance to fire each cron, so several app instances send once; the
// handlers are idempotent anyway (EmailMessage eventKey), so a retry or a double run is safe.
export const JOBS = {
  // In-app notifications e-mailed to those who want them at once (new resolutions travel in
  // the notice issued when the minutes are approved, docs/decisions/090)...
  "notification-mails": { cron: "* * * * *", run: () => sendNotificationMails() },
  // ...and to the others in one digest a day, before the working day starts.
  "notification-digest": { cron: "0 7 * * *", run: () => sendNotificationDigests() },
  // Hourly, but once a day per province: each province's digests go out at the first run from
  // its own hour (settings, default 08:00 Tehran); later runs that day find it done (decision 160).
  "deadline-reminders": { cron: "0 * * * *", run: () => sendDeadlineReminders({ now: new Date() }) },
  "overdue-escalations": { cron: "30 * * * *", run: () => escalateOverdue({ now: new Date() }) },
  // Saturday, the first working day of the Iranian week.
  "weekly-digest": { cron: "0 9 * * 6", run: () => sendWeeklyDigest() },
  // Mails written inside a change's transaction (an agency head's copy of a notice) and any
  // that failed: sent within a minute (issue #37).
  "queued-mails": { cron: "* * * * *", run: () => sendQueuedMails() },
  // The SMS outbox: due messages every minute (quiet hours, the daily cap and the backoff
  // decide which are due, lib/sms/outbox.ts), and the gateway's delivery reports.
  "sms-outbox": { cron: "* * * * *", run: () => sendPendingSms() },
  "sms-delivery": { cron: "*/10 * * * *", run: () => refreshSmsDelivery() },
  // The governor's weekly report, Saturday 08:00 Tehran: once per recipient per week
  // (lib/outcomes/weekly.ts), whichever worker fires it.
  "governor-weekly": { cron: "0 8 * * 6", run: () => sendGovernorWeekly() },
} satisfies Record<string, { cron: string; run: () => Promise<unknown> }>;
export type JobName = keyof typeof JOBS;
/**
 * Schedules of earlier versions, removed at start. "notify-new-resolutions" announced every
 * resolution as soon as it was typed, before the chair approved the minutes.
 */
const RETIRED = ["notify-new-resolutions"];
const NAMES = Object.keys(JOBS) as JobName[];

/**
 * pg-boss 11 rewrote its tables and cannot migrate pg-boss 10's schema (version 24) in place,
 * so pg-boss 12 lives in a schema of its own beside the old `pgboss` one (pg-boss's own
 * advice: run the new schema side by side and move the waiting jobs over). See
 * docs/decisions/011-pg-boss-12.md.
 */
export const JOB_SCHEMA = "pgboss_v12";
export const LEGACY_SCHEMA = "pgboss";

export type WorkerOptions = {
  connectionString?: string;
  /** Replaces the jobs' handlers (tests of the scheduling itself, on a database of their own). */
  handlers?: Partial<Record<JobName, (data: unknown) => Promise<unknown>>>;
};

/** Runs SQL on one client, so pg-boss's own writes join the caller's transaction. */
const onClient = (client: pg.ClientBase): Db => ({
  executeSql: (text, values) => client.query(text, values as unknown[]),
});

/**
 * Moves the jobs still waiting in pg-boss 10's schema (created, or waiting for a retry) into
 * the new one, in one transaction: each is cancelled there and inserted here, with its id,
 * data, start time and retry settings, so it runs exactly once — whether a pg-boss 10
 * instance is still running during a rolling upgrade or not. Runs at every start and finds
 * nothing once the old queues are empty; a database that never had pg-boss 10 skips it.
 */
export async function moveLegacyJobs(boss: PgBoss, connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows: found } = await client
      .query<{ version: number }>(`select version from ${LEGACY_SCHEMA}.version limit 1`)
      .catch(() => ({ rows: [] as { version: number }[] })); // no such table: never had pg-boss 10
    const version = found[0]?.version ?? null;
    // 24 is pg-boss 10's schema; anything newer in that schema is not ours to move.
    if (version === null || version > 24) return 0;
    await client.query("begin");
    // Two instances starting at once move each job once.
    await client.query("select pg_advisory_xact_lock(hashtext('tashil:pgboss-10-to-12'))");
    const { rows } = await client.query<{
      id: string;
      name: JobName;
      data: object | null;
      priority: number;
      retry_limit: number;
      retry_delay: number;
      retry_backoff: boolean;
      start_after: Date;
      singleton_key: string | null;
      expire_seconds: number;
    }>(
      `update ${LEGACY_SCHEMA}.job set state = 'cancelled', completed_on = now(),
         output = jsonb_build_object('movedTo', $2::text)
       where name = any($1::text[]) and state in ('created', 'retry')
       returning id, name, data, priority, retry_limit, retry_delay, retry_backoff, start_after,
         singleton_key, extract(epoch from expire_in)::int as expire_seconds`,
      [NAMES, JOB_SCHEMA],
    );
    for (const name of NAMES) {
      const jobs: JobInsert[] = rows
        .filter((r) => r.name === name)
        .map((r) => ({
          id: r.id,
          data: r.data ?? {},
          priority: r.priority,
          retryLimit: r.retry_limit,
          retryDelay: r.retry_delay,
          retryBackoff: r.retry_backoff,
          startAfter: r.start_after,
          singletonKey: r.singleton_key ?? undefined,
          expireInSeconds: r.expire_seconds,
        }));
      if (jobs.length) await boss.insert(name, jobs, { db: onClient(client) });
    }
    await client.query("commit");
    return rows.length;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/** A started pg-boss with the four queues, their schedules (Tehran time) and workers. */
export async function createNotificationWorker({
  connectionString = process.env.DATABASE_URL ?? "",
  handlers = {},
}: WorkerOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 3 });
  boss.on("error", (err) => log.error(errorFields(err), "notification queue error"));
  await boss.start();
  for (const name of NAMES) {
    // An existing queue gets the current settings, so a change here reaches existing databases.
    const settings = { retryLimit: 5, retryDelay: 120, retryBackoff: true, expireInSeconds: 15 * 60 };
    if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
    else await boss.createQueue(name, settings);
  }
  for (const name of RETIRED) if (await boss.getQueue(name)) await boss.unschedule(name);
  const moved = await moveLegacyJobs(boss, connectionString);
  for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
    await boss.schedule(name, job.cron, {}, { tz: "Asia/Tehran" });
    const run = handlers[name];
    await boss.work(name, async ([item]) => {
      await runJob(name, item, () => (run ? run(item?.data) : job.run()));
    });
  }
  // The runtime is part of the log line: `npm start`, the e2e server and this worker must agree.
  log.info(
    { node: process.version, schema: JOB_SCHEMA, moved },
    `notifications worker started on Node.js ${process.version} (pg-boss schema ${JOB_SCHEMA}` +
      `${moved ? `, ${moved} waiting job(s) moved from pg-boss 10` : ""})`,
  );
  return boss;
}

let started: Promise<PgBoss> | null = null;

/** The application's one worker (instrumentation.ts), on DATABASE_URL. */
export function startNotificationWorker(): Promise<PgBoss> {
  started ??= createNotificationWorker();
  return started;
}
