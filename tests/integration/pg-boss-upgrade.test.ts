// An existing database written by pg-boss 10 (the version Tashil shipped before) meets the
// application's worker on pg-boss 12: waiting jobs run once on the new version, done jobs
// stay done, and the four schedules are in place. pg-boss 10 is installed under the alias
// `pg-boss-v10` for this test only; it writes the old schema exactly as production has it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import PgBossV10 from "pg-boss-v10";
import type { PgBoss } from "pg-boss";
import {
  JOB_SCHEMA,
  LEGACY_SCHEMA,
  createNotificationWorker,
  JOBS,
  type JobName,
} from "@/lib/notifications/worker";

const base = new URL(process.env.DATABASE_URL ?? "");
const name = `${base.pathname.slice(1)}_pgboss_upgrade`;
const url = new URL(base);
url.pathname = `/${name}`;
const connectionString = url.toString();

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: base.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
async function query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return (await c.query<R>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

// The queues pg-boss 10 had: "notify-new-resolutions" has since been retired (new resolutions
// travel in the notice issued at the minutes' approval), so the new worker unschedules it.
const QUEUES: Record<string, string> = {
  "notify-new-resolutions": "*/10 * * * *",
  "deadline-reminders": "0 8 * * *",
  "overdue-escalations": "30 8 * * *",
  "weekly-digest": "0 9 * * 6",
};
const ids = {} as Record<"waiting" | "later" | "done", string>;
const tomorrow = new Date(Date.now() + 86_400_000);

beforeAll(async () => {
  await admin(async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  // What pg-boss 10 left behind: its queues and schedules as the old worker made them, a job
  // waiting to run, one deferred to tomorrow, and one already done.
  const old = new PgBossV10({ connectionString, schema: LEGACY_SCHEMA, max: 2 });
  old.on("error", () => {});
  await old.start();
  for (const [queue, cron] of Object.entries(QUEUES)) {
    await old.createQueue(queue, {
      name: queue,
      retryLimit: 5,
      retryDelay: 120,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    });
    await old.schedule(queue, cron, {}, { tz: "Asia/Tehran" });
  }
  ids.waiting = (await old.send("deadline-reminders", { from: "pg-boss 10" }))!;
  ids.later = (await old.send("weekly-digest", { week: "1404-03-10" }, { startAfter: tomorrow }))!;
  ids.done = (await old.send("overdue-escalations", { from: "pg-boss 10" }))!;
  const [fetched] = await old.fetch("overdue-escalations");
  expect(fetched?.id).toBe(ids.done);
  await old.complete("overdue-escalations", ids.done);
  await old.stop({ graceful: false, wait: true });
  const [row] = await query<{ version: number }>(`select version from ${LEGACY_SCHEMA}.version`);
  expect(row?.version).toBe(24);
});

afterAll(async () => {
  await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
});

describe("upgrading pg-boss 10 to 12 on an existing database", () => {
  it("runs the waiting job once on the new version, keeps the deferred one for its time, leaves done jobs done, and schedules the current jobs", async () => {
    const ran: { queue: JobName; data: unknown }[] = [];
    // The every-minute mail job may fire meanwhile; only the jobs pg-boss 10 had are watched.
    const record = (queue: JobName) => async (data: unknown) => {
      if (queue in QUEUES) ran.push({ queue, data });
    };
    const handlers = Object.fromEntries(
      (Object.keys(JOBS) as JobName[]).map((q) => [q, record(q)]),
    ) as Record<JobName, (data: unknown) => Promise<void>>;

    let boss: PgBoss | null = await createNotificationWorker({ connectionString, handlers });
    try {
      // The worker picks the moved job up by itself.
      for (let i = 0; i < 150 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(ran).toEqual([{ queue: "deadline-reminders", data: { from: "pg-boss 10" } }]);

      const schedules = await boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual(
        Object.entries(JOBS)
          .map(([q, job]) => [q, job.cron, "Asia/Tehran"])
          .sort(),
      );
      expect((await boss.getQueue("deadline-reminders"))?.retryLimit).toBe(5);

      // The deferred job kept its id, data and time; it has not run.
      const [later] = await boss.findJobs("weekly-digest", { id: ids.later });
      expect(later?.state).toBe("created");
      expect(later?.data).toEqual({ week: "1404-03-10" });
      expect(Math.abs(later!.startAfter.getTime() - tomorrow.getTime())).toBeLessThan(1000);
      // The job pg-boss 10 had finished is not run again.
      expect(await boss.findJobs("overdue-escalations", { id: ids.done })).toEqual([]);

      // In the old schema the moved jobs are cancelled, so a pg-boss 10 instance still running
      // during the upgrade cannot run them a second time.
      const old = await query<{ id: string; state: string }>(
        `select id, state from ${LEGACY_SCHEMA}.job where id = any($1::uuid[]) order by state`,
        [[ids.waiting, ids.later, ids.done]],
      );
      expect(Object.fromEntries(old.map((j) => [j.id, j.state]))).toEqual({
        [ids.waiting]: "cancelled",
        [ids.later]: "cancelled",
        [ids.done]: "completed",
      });

      // A restart moves nothing twice.
      await boss.stop({ graceful: true });
      boss = await createNotificationWorker({ connectionString, handlers });
      const copies = await query<{ n: string }>(
        `select count(*) as n from ${JOB_SCHEMA}.job where id = any($1::uuid[])`,
        [[ids.waiting, ids.later]],
      );
      expect(Number(copies[0]?.n)).toBe(2);
      expect(ran).toHaveLength(1);
    } finally {
      await boss?.stop({ graceful: false });
    }
  });
});
