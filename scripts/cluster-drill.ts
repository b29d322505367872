// `npm run cluster:drill`: the operator's drills on the cluster of `npm run cluster`, with the
// real servers (docs/deploy.md "Metrics and alerts", "Point-in-time recovery"):
//   1. Prometheus: every target up (instances, HAProxy, both PostgreSQL exporters, node).
//   2. Alert: the replica crashes; TashilReplicaDown must fire; the replica comes back.
//   3. WAL archiving: how long a committed row waits until its WAL segment is in the backup
//      repository — what a lost primary disk would lose (target ≤ 60 s, archive_timeout).
//   4. Point-in-time recovery: rows written, the time noted, more rows written; pgBackRest
//      restores the backup and the archived WAL to the noted time into a new data folder,
//      which must hold exactly the first rows; every attachment row it holds has its object
//      in the bucket (one attachment is stored before the noted time, one after).
// Prints what it measured; exits 1 when a drill fails. Needs Debian's prometheus,
// prometheus-postgres-exporter, prometheus-node-exporter and pgbackrest. ~3 minutes.
import { rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { PORTS, STANZA, startCluster, type Cluster } from "./cluster";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failures: string[] = [];

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(1_000);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

async function prometheus<T>(c: Cluster, api: string): Promise<T> {
  const res = await fetch(`${c.prometheusUrl}/api/v1/${api}`, { signal: AbortSignal.timeout(5_000) });
  return ((await res.json()) as { data: T }).data;
}

type Target = { labels: { job: string; instance: string }; health: string; lastError: string };

async function targetsDrill(c: Cluster) {
  const targets = await until(
    "every Prometheus target up",
    async () => {
      const { activeTargets } = await prometheus<{ activeTargets: Target[] }>(c, "targets");
      return activeTargets.length >= 7 && activeTargets.every((t) => t.health === "up")
        ? activeTargets
        : undefined;
    },
    90_000,
  ).catch(async (err: Error) => {
    failures.push(err.message);
    return (await prometheus<{ activeTargets: Target[] }>(c, "targets")).activeTargets;
  });
  console.log("[drill] Prometheus targets:");
  for (const t of targets)
    console.log(`  ${t.labels.job.padEnd(18)} ${t.labels.instance.padEnd(18)} ${t.health} ${t.lastError}`);
}

async function alertDrill(c: Cluster) {
  console.log("[drill] crash the replica (pg_ctl stop -m immediate); waiting for TashilReplicaDown");
  const crashed = Date.now();
  await c.crashReplica();
  try {
    const alert = await until(
      "TashilReplicaDown firing",
      async () => {
        const { alerts } = await prometheus<{ alerts: { labels: { alertname: string }; state: string }[] }>(
          c,
          "alerts",
        );
        return alerts.find((a) => a.labels.alertname === "TashilReplicaDown" && a.state === "firing");
      },
      120_000,
    );
    console.log(
      `[drill] alert ${alert.labels.alertname} firing ${((Date.now() - crashed) / 1000).toFixed(0)} s after the crash (rule: for 30s)`,
    );
  } catch (err) {
    failures.push((err as Error).message);
  }
  await c.startReplica();
}

async function walDrill(client: pg.Client) {
  // No forced switch: the segment is closed by write volume or by archive_timeout (60 s).
  const { rows } = await client.query<{ wal: string }>(
    "INSERT INTO drill_rows (batch) VALUES ('wal') RETURNING pg_walfile_name(pg_current_wal_lsn()) AS wal",
  );
  const wal = rows[0]?.wal ?? "";
  const committed = Date.now();
  const seconds = await until(
    "the row's WAL segment archived",
    async () => {
      const r = await client.query<{ last: string | null }>(
        "SELECT last_archived_wal AS last FROM pg_stat_archiver",
      );
      const last = r.rows[0]?.last;
      return last && last >= wal ? (Date.now() - committed) / 1000 : undefined;
    },
    120_000,
  );
  console.log(
    `[drill] WAL: a committed row was in the backup repository ${seconds.toFixed(1)} s later (target ≤ 60 s)`,
  );
  if (seconds > 61) failures.push(`WAL archived after ${seconds.toFixed(1)} s`);
}

/** An attachment as the app stores one: the object in the bucket, then its row. */
async function attach(client: pg.Client, name: string): Promise<void> {
  const key = `2026/12/${randomUUID()}`;
  const s3 = new S3Client({
    endpoint: `http://127.0.0.1:${PORTS.s3}`,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  await s3.send(
    new PutObjectCommand({ Bucket: "tashil", Key: key, Body: `drill ${name}`, ContentType: "text/plain" }),
  );
  s3.destroy();
  await client.query(
    `INSERT INTO "Attachment" (id, "storageKey", "fileName", "mimeType", "sizeBytes", "obstacleId")
     SELECT $1, $2, $3, 'text/plain', 10, id FROM "Obstacle" ORDER BY "createdAt" LIMIT 1`,
    [`drill-${randomUUID()}`, key, name],
  );
}

async function pitrDrill(c: Cluster, client: pg.Client) {
  const insert = (batch: string, n: number) =>
    client.query("INSERT INTO drill_rows (batch) SELECT $1 FROM generate_series(1, $2)", [batch, n]);
  await insert("before", 100);
  await attach(client, "before.txt");
  const { rows } = await client.query<{ at: string }>("SELECT now()::text AS at");
  const target = rows[0]?.at ?? "";
  await sleep(2_000);
  await insert("after", 50);
  await attach(client, "after.txt");
  const before = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM drill_rows WHERE batch IN ('before', 'after')",
  );
  // Close the segment holding the last rows and wait until the repository has it: a restore
  // can only replay what was archived.
  const switched = await client.query<{ wal: string }>("SELECT pg_walfile_name(pg_switch_wal()) AS wal");
  const segment = switched.rows[0]?.wal ?? "";
  await until(
    "the last segment archived",
    async () => {
      const r = await client.query<{ last: string | null }>(
        "SELECT last_archived_wal AS last FROM pg_stat_archiver",
      );
      const last = r.rows[0]?.last;
      return last && last >= segment ? true : undefined;
    },
    120_000,
  );
  console.log(
    `[drill] PITR: 100 rows, time noted (${target}), 50 more; live database holds ${before.rows[0]?.n}`,
  );

  const restored = path.join(c.dir, "restored");
  rmSync(restored, { recursive: true, force: true });
  const started = Date.now();
  c.pgCommand("/usr/bin/pgbackrest", [
    `--config=${c.backrestConfig}`,
    `--stanza=${STANZA}`,
    `--pg1-path=${restored}`,
    "--type=time",
    `--target=${target}`,
    "--target-action=promote",
    "restore",
  ]);
  // The copy starts as a server of its own, on its own port, archiving nothing.
  c.pgCommand("pg_ctl", [
    "-D",
    restored,
    "-l",
    path.join(c.dir, "logs", "restored.log"),
    "-o",
    `-p ${PORTS.restored} -c archive_mode=off -c unix_socket_directories=${c.dir}`,
    "-w",
    "-t",
    "120",
    "start",
  ]);
  const copy = new pg.Client({
    connectionString: `postgresql://postgres@127.0.0.1:${PORTS.restored}/tashil`,
  });
  await until(
    "the restored server to accept queries",
    async () => {
      await copy.connect();
      return true;
    },
    60_000,
  );
  // It accepts read-only queries while still replaying: count only once it has reached the
  // target and promoted itself.
  await until(
    "the restored server to reach the target time and promote",
    async () => {
      const r = await copy.query<{ recovering: boolean }>("SELECT pg_is_in_recovery() AS recovering");
      return r.rows[0]?.recovering === false ? true : undefined;
    },
    120_000,
  );
  const counts = await copy.query<{ batch: string; n: string }>(
    "SELECT batch, count(*) AS n FROM drill_rows WHERE batch IN ('before', 'after') GROUP BY 1 ORDER BY 1",
  );
  const byBatch = Object.fromEntries(counts.rows.map((r) => [r.batch, Number(r.n)]));
  console.log(
    `[drill] PITR: restored to ${target} in ${((Date.now() - started) / 1000).toFixed(0)} s: before=${byBatch.before ?? 0} after=${byBatch.after ?? 0} (expected 100 and 0)`,
  );
  if (byBatch.before !== 100 || (byBatch.after ?? 0) !== 0)
    failures.push("point-in-time restore did not give exactly the first rows");
  // Attachments: every row the restored database holds points at an object still in the bucket.
  const keys = await copy.query<{ storageKey: string; fileName: string }>(
    'SELECT "storageKey", "fileName" FROM "Attachment"',
  );
  const names = keys.rows.map((r) => r.fileName);
  if (!names.includes("before.txt") || names.includes("after.txt"))
    failures.push(`restored attachments ${names.join(", ")}: expected before.txt and not after.txt`);
  let missing = 0;
  for (const { storageKey } of keys.rows) {
    const res = await fetch(`http://127.0.0.1:${PORTS.s3}/tashil/${storageKey}`, { method: "HEAD" });
    if (res.status !== 200) missing++;
  }
  console.log(
    `[drill] PITR: ${keys.rows.length} attachment rows, ${missing} without their object (target 0)`,
  );
  if (missing) failures.push(`${missing} attachments missing after restore`);
  await copy.end();
  c.pgCommand("pg_ctl", ["-D", restored, "-m", "fast", "-w", "stop"]);
}

let cluster: Cluster | undefined;
try {
  cluster = await startCluster();
  const c = cluster;
  if (!c.prometheusUrl || !c.backrestConfig)
    throw new Error(
      "install Debian's prometheus, prometheus-postgres-exporter, prometheus-node-exporter and pgbackrest first",
    );
  const client = new pg.Client({ connectionString: c.primaryUrl });
  await client.connect();
  await client.query(
    "CREATE TABLE IF NOT EXISTS drill_rows (id serial PRIMARY KEY, batch text NOT NULL, at timestamptz DEFAULT now())",
  );
  await targetsDrill(c);
  await alertDrill(c);
  await walDrill(client);
  await pitrDrill(c, client);
  await client.end();
} catch (err) {
  failures.push((err as Error).message);
} finally {
  // A drill that failed half-way may have left the restored copy running.
  try {
    cluster?.pgCommand("pg_ctl", ["-D", path.join(cluster.dir, "restored"), "-m", "immediate", "-w", "stop"]);
  } catch {
    // not running
  }
  await cluster?.stop();
}
console.log(failures.length ? `[drill] FAILED: ${failures.join("; ")}` : "[drill] every drill passed");
process.exit(failures.length ? 1 : 0);
