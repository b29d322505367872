// `npm run cluster`: Tashil scaled out on one machine, with the real servers a deployment uses
// (docs/deploy.md "Several instances"):
//
//   HAProxy :3141 ─┬─ next start :3142 ─┐            ┌─ PostgreSQL primary :55440
//                  ├─ next start :3143 ─┼─ writes ───┤        │ streaming (pg_basebackup -R)
//                  └─ next start :3144 ─┘─ reads ────┴─ PostgreSQL replica :55441
//   worker (scripts/worker.ts) ── pg-boss on the primary      S3 (s3rver) :55442 ← attachments
//
// Debian's binaries: /usr/sbin/haproxy and PostgreSQL 15 from /usr/lib/postgresql/15/bin
// (`apt-get install haproxy postgresql`). Everything lives in a fresh folder (CLUSTER_DIR,
// default /tmp/tashil-cluster) with the demo data, and stops on Ctrl-C. bench/fault.ts uses
// startCluster() to break it on purpose.
//
// Run like a service (docs/deploy.md): the instances listen on 127.0.0.1 only, behind HAProxy,
// which gives each request its id (X-Request-Id, in its own log line and the instance's) and
// logs it; a lost instance is started again by the cluster; `npm run cluster -- upgrade`
// (in another terminal) builds the current checkout and replaces the instances one at a time.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect, createServer, type Server } from "node:net";
import {
  appendFileSync,
  chownSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runOrFail } from "./process";
import { serverNodeOptions } from "./server-options";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const HAPROXY = process.env.HAPROXY ?? "/usr/sbin/haproxy";
// Optional parts, from Debian's packages (`apt-get install pgbackrest prometheus
// prometheus-postgres-exporter prometheus-node-exporter`): left out, with one line, when missing.
const PGBACKREST = "/usr/bin/pgbackrest";
const PROMETHEUS = "/usr/bin/prometheus";
const PG_EXPORTER = "/usr/bin/prometheus-postgres-exporter";
const NODE_EXPORTER = "/usr/bin/prometheus-node-exporter";
export const STANZA = "tashil";
export const PORTS = {
  haproxy: Number(process.env.CLUSTER_PORT ?? 3141),
  apps: [3142, 3143, 3144],
  stats: 3145,
  primary: 55440,
  replica: 55441,
  s3: 55442,
  pgExporterPrimary: 55446,
  pgExporterReplica: 55447,
  nodeExporter: 55448,
  prometheus: 55449,
  restored: 55450,
};
const BUCKET = "tashil";

type Log = (line: string) => void;

export type AppInstance = {
  name: string;
  port: number;
  process: ChildProcess;
  alive: boolean;
  /** Times the cluster started it again after it died (supervision). */
  restarts: number;
  /** The build it serves (NEXT_DIST_DIR). */
  distDir: string;
};

export type Cluster = {
  url: string;
  dir: string;
  primaryUrl: string;
  replicaUrl: string;
  /** Prometheus's address, when Debian's prometheus is installed. */
  prometheusUrl: string | null;
  /** pgBackRest's configuration file, when pgbackrest is installed (point-in-time recovery). */
  backrestConfig: string | null;
  /** Runs a PostgreSQL or pgBackRest command as the cluster's database user. */
  pgCommand(cmd: string, args: string[]): void;
  apps: AppInstance[];
  /** Every line the app instances and the worker print, with its time and source. */
  onLine(listener: (source: string, line: string, at: number) => void): void;
  killApp(index: number): void;
  /** Replaces every instance, one at a time, with one serving `distDir` (drain, stop, start, ready). */
  upgrade(distDir: string, log?: Log): Promise<void>;
  /** A crash of the replica's server (`pg_ctl stop -m immediate`). */
  crashReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
};

/** PostgreSQL refuses to run as root: its commands then run as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function pgCommand(cmd: string, args: string[], user: ReturnType<typeof postgresUser>, log: string): void {
  execFileSync(path.isAbsolute(cmd) ? cmd : path.join(PG_BIN, cmd), args, {
    ...user,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C.UTF-8" },
  });
  appendFileSync(log, `[${new Date().toISOString()}] ${cmd} ${args.join(" ")}\n`);
}

/**
 * A previous run killed before it could stop (kill -9, a closed terminal) leaves its servers
 * running on the cluster's ports: stop exactly those, by the PIDs and data folders it wrote.
 */
function stopLeftovers(dir: string, user: ReturnType<typeof postgresUser>, pgLog: string) {
  const pids = path.join(dir, "pids");
  if (existsSync(pids))
    for (const pid of readFileSync(pids, "utf8").split("\n").map(Number).filter(Boolean))
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
  // "restored": the copy a point-in-time drill started (scripts/cluster-drill.ts).
  for (const data of ["restored", "replica", "primary"].map((d) => path.join(dir, d)))
    if (existsSync(path.join(data, "postmaster.pid")))
      try {
        pgCommand("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], user, pgLog);
      } catch {
        // not running
      }
}

/** Refuses to start over another server: its answers would be taken for this cluster's. */
async function assertFree(port: number): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (taken) throw new Error(`port ${port} is already in use: stop what listens there first`);
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

// A cold instance's first answer on a busy machine can take several seconds: a short timeout
// would abort every attempt and the instance would never count as up (seen in an upgrade at
// load average 48).
const answers =
  (url: string, timeoutMs = 2_000) =>
  async () =>
    (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).ok;

export async function startCluster(log: Log = (l) => console.log(l)): Promise<Cluster> {
  const dir = path.resolve(process.env.CLUSTER_DIR ?? "/tmp/tashil-cluster");
  const logs = path.join(dir, "logs");
  const user = postgresUser();
  const children: ChildProcess[] = [];
  const listeners: ((source: string, line: string, at: number) => void)[] = [];
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  const pgLog = path.join(logs, "postgres-commands.log");
  const backrestConfig = existsSync(PGBACKREST) ? path.join(dir, "pgbackrest.conf") : null;

  stopLeftovers(dir, user, pgLog);
  for (const port of [
    PORTS.haproxy,
    ...PORTS.apps,
    PORTS.stats,
    PORTS.primary,
    PORTS.replica,
    PORTS.s3,
    PORTS.pgExporterPrimary,
    PORTS.pgExporterReplica,
    PORTS.nodeExporter,
    PORTS.prometheus,
    PORTS.restored,
  ])
    await assertFree(port);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  if (user) chownSync(dir, user.uid, user.gid);
  if (user) chownSync(logs, user.uid, user.gid);

  /** One child, one PID (no npm/sh in between), its output timestamped into logs/NAME.log. */
  function launch(name: string, cmd: string, args: string[], env: Record<string, string> = {}): ChildProcess {
    const out = createWriteStream(path.join(logs, `${name}.log`), { flags: "a" });
    const child = spawn(cmd, args, {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let pending = "";
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const at = Date.now();
        out.write(`${new Date(at).toISOString()} ${line}\n`);
        for (const l of listeners) l(name, line, at);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", () => out.end());
    children.push(child);
    // So a run that was killed outright can be cleaned up by the next one (stopLeftovers).
    writeFileSync(path.join(dir, "pids"), children.map((c) => c.pid).join("\n"));
    return child;
  }

  const stopAll = async () => {
    for (const child of children.reverse())
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(
      children.map((c) =>
        c.exitCode !== null || c.signalCode !== null
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const force = setTimeout(() => c.kill("SIGKILL"), 10_000);
              c.once("exit", () => {
                clearTimeout(force);
                resolve();
              });
            }),
      ),
    );
    for (const data of [replicaDir, primaryDir])
      if (existsSync(path.join(data, "postmaster.pid")))
        try {
          pgCommand("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"], user, pgLog);
        } catch {
          // already down
        }
  };

  try {
    if (backrestConfig) {
      const repo = path.join(dir, "backrest");
      mkdirSync(repo, { recursive: true });
      writeFileSync(
        backrestConfig,
        [
          "[global]",
          `repo1-path=${repo}`,
          "repo1-retention-full=2",
          `log-path=${logs}`,
          `lock-path=${path.join(dir, "backrest-lock")}`,
          "start-fast=y",
          "",
          `[${STANZA}]`,
          `pg1-path=${primaryDir}`,
          `pg1-port=${PORTS.primary}`,
          `pg1-socket-path=${dir}`,
          "",
        ].join("\n"),
      );
      if (user) chownSync(repo, user.uid, user.gid);
    } else log("[cluster] pgbackrest not installed: no WAL archive, no point-in-time recovery");

    // 1. The primary: initdb, replication allowed from this machine (initdb's trust lines).
    log(`[cluster] PostgreSQL primary on :${PORTS.primary} (${primaryDir})`);
    pgCommand(
      "initdb",
      ["-D", primaryDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
      user,
      pgLog,
    );
    appendFileSync(
      path.join(primaryDir, "postgresql.conf"),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "wal_level = replica",
        "max_wal_senders = 5",
        "hot_standby = on",
        // 3 instances × (primary pool + pg-boss) + the worker, with room to spare.
        "max_connections = 200",
        // Point-in-time recovery (pgBackRest): every WAL segment goes to the backup repository,
        // and a segment is closed at least once a minute, so losing the primary's disk loses
        // at most the last 60 s of changes (docs/deploy.md "Point-in-time recovery").
        ...(backrestConfig
          ? [
              "archive_mode = on",
              `archive_command = '${PGBACKREST} --config=${backrestConfig} --stanza=${STANZA} archive-push %p'`,
              "archive_timeout = 60",
            ]
          : []),
        "",
      ].join("\n"),
    );
    const startPg = (data: string, port: number, name: string) =>
      pgCommand(
        "pg_ctl",
        ["-D", data, "-l", path.join(logs, `${name}.log`), "-o", `-p ${port}`, "-w", "-t", "60", "start"],
        user,
        pgLog,
      );
    startPg(primaryDir, PORTS.primary, "primary");
    const primaryUrl = `postgresql://postgres@127.0.0.1:${PORTS.primary}/tashil`;
    const replicaUrl = `postgresql://postgres@127.0.0.1:${PORTS.replica}/tashil`;
    pgCommand(
      "createdb",
      ["-h", "127.0.0.1", "-p", String(PORTS.primary), "-U", "postgres", "tashil"],
      user,
      pgLog,
    );
    log("[cluster] migrations and demo data on the primary");
    await runOrFail("prisma", ["migrate", "deploy"], {
      DATABASE_URL: primaryUrl,
      MIGRATION_DATABASE_URL: primaryUrl,
    });
    await runOrFail("tsx", ["prisma/seed.ts"], {
      DATABASE_URL: primaryUrl,
      MIGRATION_DATABASE_URL: primaryUrl,
    });
    if (backrestConfig) {
      log("[cluster] pgBackRest: stanza and a first full backup");
      const backrest = (args: string[]) =>
        pgCommand(PGBACKREST, [`--config=${backrestConfig}`, `--stanza=${STANZA}`, ...args], user, pgLog);
      backrest(["stanza-create"]);
      backrest(["--type=full", "backup"]);
    }

    // 2. The replica: a base backup of the running primary that streams from it (-R).
    log(`[cluster] streaming replica on :${PORTS.replica} (pg_basebackup -R)`);
    pgCommand(
      "pg_basebackup",
      [
        "-h",
        "127.0.0.1",
        "-p",
        String(PORTS.primary),
        "-U",
        "postgres",
        "-D",
        replicaDir,
        "-R",
        "-X",
        "stream",
        "-c",
        "fast",
      ],
      user,
      pgLog,
    );
    startPg(replicaDir, PORTS.replica, "replica");

    // 3. Object storage: an S3-compatible server with the bucket.
    log(`[cluster] S3-compatible storage (s3rver) on :${PORTS.s3}, bucket ${BUCKET}`);
    launch("s3", process.execPath, [
      "node_modules/s3rver/bin/s3rver.js",
      "-d",
      path.join(dir, "s3"),
      "-a",
      "127.0.0.1",
      "-p",
      String(PORTS.s3),
      "--configure-bucket",
      BUCKET,
      "--silent",
    ]);

    // 4. The build every instance serves (one .next: same build id, same action keys).
    if (!existsSync(".next/BUILD_ID") || process.argv.includes("--build")) {
      log("[cluster] next build");
      await runOrFail("next", ["build"], { DATABASE_URL: primaryUrl });
    }

    const url = `http://127.0.0.1:${PORTS.haproxy}`;
    const metricsToken = randomBytes(24).toString("hex");
    const env: Record<string, string> = {
      NODE_ENV: "production",
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URL: replicaUrl,
      REPLICA_MAX_LAG_SECONDS: "5",
      DB_POOL_SIZE: "5",
      S3_ENDPOINT: `http://127.0.0.1:${PORTS.s3}`,
      S3_BUCKET: BUCKET,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "1",
      // The same key on every instance: a cookie signed by one is valid on all.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64"),
      AUTH_URL: url,
      APP_URL: url,
      // HAProxy appends the client's address to X-Forwarded-For: one trusted hop.
      TRUSTED_PROXIES: "1",
      // The one worker below sends the e-mails; instances still run export jobs (pg-boss).
      NOTIFICATIONS_DISABLED: "1",
      // Prometheus below reads each instance's /api/metrics with this token.
      METRICS_TOKEN: metricsToken,
    };

    await waitFor("s3rver", async () => {
      const res = await fetch(`http://127.0.0.1:${PORTS.s3}/${BUCKET}`, {
        signal: AbortSignal.timeout(2_000),
      });
      return res.status < 500;
    });

    // 5. Three app instances, each `next start` as one process, on 127.0.0.1 only: HAProxy is
    // the one way in. Supervised: an instance that dies (a crash, kill -9, out of memory) is
    // started again after a second, on the same port and build.
    let stopping = false;
    const replacing = new Set<string>();
    const startApp = (app: AppInstance) => {
      const child = launch(
        app.name,
        process.execPath,
        ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(app.port)],
        {
          ...env,
          PORT: String(app.port),
          NEXT_DIST_DIR: app.distDir,
          NODE_OPTIONS: serverNodeOptions(),
        },
      );
      app.process = child;
      app.alive = true;
      child.on("exit", (code, signal) => {
        app.alive = false;
        if (stopping || replacing.has(app.name) || app.process !== child) return;
        log(`[cluster] ${app.name} exited (${signal ?? `code ${code}`}); starting it again`);
        setTimeout(() => {
          if (stopping || app.process !== child) return;
          app.restarts++;
          startApp(app);
        }, 1_000);
      });
    };
    const apps: AppInstance[] = PORTS.apps.map((port, i) => {
      const app = { name: `app${i + 1}`, port, alive: false, restarts: 0, distDir: ".next" } as AppInstance;
      startApp(app);
      return app;
    });
    log(`[cluster] app instances on 127.0.0.1:${PORTS.apps.join(", :")}`);
    await Promise.all(apps.map((a) => waitFor(a.name, answers(`http://127.0.0.1:${a.port}/api/health`))));
    const dead = apps.find((a) => !a.alive);
    if (dead) throw new Error(`${dead.name} exited: see ${path.join(logs, `${dead.name}.log`)}`);

    // 6. One notification worker (pg-boss on the primary).
    let workerReady = false;
    listeners.push((source, line) => {
      if (source === "worker" && line.includes("worker started")) workerReady = true;
    });
    launch(
      "worker",
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      env,
    );
    await waitFor("the worker", async () => workerReady);

    // 7. HAProxy: health checks every second, a dead server out after 3 failures; a request
    // whose connection fails or gets no answer is sent again, to another server (redispatch).
    // Forms carry idempotency keys (decision 022), so a re-sent POST cannot apply twice. Each
    // request gets an id (sent on as X-Request-Id, which the instance adopts: one trusted hop)
    // and a log line with it; the stats listener also serves HAProxy's Prometheus metrics, and
    // the admin socket lets an upgrade drain one server at a time.
    const cfg = path.join(dir, "haproxy.cfg");
    const adminSocket = path.join(dir, "haproxy.sock");
    writeFileSync(
      cfg,
      `global
  maxconn 4096
  log stdout format raw local0
  stats socket ${adminSocket} mode 600 level admin

defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout http-keep-alive 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response
  option http-buffer-request

frontend web
  bind 127.0.0.1:${PORTS.haproxy}
  option forwardfor
  unique-id-format %{+X}o%Ts%rt%pid
  unique-id-header X-Request-Id
  log-format "%ci:%cp [%tr] %ID %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %tsc %ac/%fc/%bc/%sc/%rc %{+Q}r"
  http-response set-header X-Served-By %s
  default_backend apps

backend apps
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  # A check may take up to 5 s: on a loaded machine /api/health can pass 1 s, and a 1 s
  # timeout then marks live instances down (seen). A killed one refuses at once instead.
  timeout check 5s
  default-server inter 1s fastinter 500ms fall 3 rise 2 on-marked-down shutdown-sessions
${apps.map((a) => `  server ${a.name} 127.0.0.1:${a.port} check`).join("\n")}

listen stats
  bind 127.0.0.1:${PORTS.stats}
  http-request use-service prometheus-exporter if { path /metrics }
  stats enable
  stats uri /
  stats refresh 2s
`,
    );
    launch("haproxy", HAPROXY, ["-db", "-f", cfg]);
    await waitFor("haproxy", answers(`${url}/api/health`));
    log(`[cluster] HAProxy on ${url} (stats: http://127.0.0.1:${PORTS.stats}/), logs in ${logs}`);

    // 8. Metrics and alerts: exporters for both PostgreSQL servers and the machine, and
    // Prometheus scraping them, HAProxy and every instance, with ops/prometheus/alerts.yml.
    const prometheusUrl = existsSync(PROMETHEUS) ? `http://127.0.0.1:${PORTS.prometheus}` : null;
    if (prometheusUrl) {
      for (const [name, port, pgPort] of [
        ["postgres-primary", PORTS.pgExporterPrimary, PORTS.primary],
        ["postgres-replica", PORTS.pgExporterReplica, PORTS.replica],
      ] as const)
        if (existsSync(PG_EXPORTER))
          launch(name, PG_EXPORTER, [`--web.listen-address=127.0.0.1:${port}`], {
            DATA_SOURCE_NAME: `postgresql://postgres@127.0.0.1:${pgPort}/tashil?sslmode=disable`,
          });
      if (existsSync(NODE_EXPORTER))
        launch("node-exporter", NODE_EXPORTER, [`--web.listen-address=127.0.0.1:${PORTS.nodeExporter}`]);
      const tokenFile = path.join(dir, "metrics-token");
      writeFileSync(tokenFile, metricsToken, { mode: 0o600 });
      const promConfig = path.join(dir, "prometheus.yml");
      const target = (job: string, targets: string[], extra = "") =>
        `  - job_name: ${job}\n${extra}    static_configs:\n      - targets: [${targets.map((t) => `"${t}"`).join(", ")}]\n`;
      writeFileSync(
        promConfig,
        `global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\n` +
          `rule_files:\n  - ${path.resolve("ops/prometheus/alerts.yml")}\n` +
          `scrape_configs:\n` +
          target(
            "tashil",
            apps.map((a) => `127.0.0.1:${a.port}`),
            `    metrics_path: /api/metrics\n    authorization:\n      credentials_file: ${tokenFile}\n`,
          ) +
          target("haproxy", [`127.0.0.1:${PORTS.stats}`]) +
          target("postgres-primary", [`127.0.0.1:${PORTS.pgExporterPrimary}`]) +
          target("postgres-replica", [`127.0.0.1:${PORTS.pgExporterReplica}`]) +
          target("node", [`127.0.0.1:${PORTS.nodeExporter}`]),
      );
      launch("prometheus", PROMETHEUS, [
        `--config.file=${promConfig}`,
        `--storage.tsdb.path=${path.join(dir, "prometheus")}`,
        `--web.listen-address=127.0.0.1:${PORTS.prometheus}`,
      ]);
      await waitFor("prometheus", answers(`${prometheusUrl}/-/ready`));
      log(`[cluster] Prometheus on ${prometheusUrl} (alert rules: ops/prometheus/alerts.yml)`);
    } else log("[cluster] prometheus not installed: no metrics scraping or alerts");

    /**
     * One instance after another: HAProxy stops sending it new requests (drain) and waits for
     * its open ones, it stops politely (SIGTERM: Next finishes what it is answering), a new
     * one starts on the new build, and only once it answers its readiness check does HAProxy
     * send it traffic again. Two instances always serve, so no request is refused.
     */
    const upgrade = async (distDir: string, say: Log = log) => {
      for (const app of apps) {
        say(`[upgrade] ${app.name}: drain`);
        await haproxyCommand(adminSocket, `set server apps/${app.name} state drain`);
        await waitFor(
          `${app.name} to drain`,
          async () => serverSessions(await haproxyCommand(adminSocket, "show stat"), app.name) === 0,
          60_000,
        ).catch(() => say(`[upgrade] ${app.name}: still busy after 60 s; stopping it anyway`));
        replacing.add(app.name);
        const old = app.process;
        const exited = new Promise<void>((resolve) => old.once("exit", () => resolve()));
        old.kill("SIGTERM");
        await exited;
        app.distDir = distDir;
        startApp(app);
        replacing.delete(app.name);
        await waitFor(
          `${app.name} on the new build`,
          answers(`http://127.0.0.1:${app.port}/api/health/ready`, 15_000),
          300_000,
        );
        await haproxyCommand(adminSocket, `set server apps/${app.name} state ready`);
        // Until HAProxy's own check has passed twice (rise 2) it still sends nothing there.
        await waitFor(`HAProxy to take ${app.name} back`, async () =>
          (await haproxyCommand(adminSocket, "show stat"))
            .split("\n")
            .some((l) => l.startsWith(`apps,${app.name},`) && l.includes(",UP,")),
        );
        say(`[upgrade] ${app.name}: serving ${distDir}`);
      }
    };
    const stopEverything = async () => {
      stopping = true;
      await stopAll();
    };

    return {
      url,
      dir,
      primaryUrl,
      replicaUrl,
      prometheusUrl,
      backrestConfig,
      pgCommand: (cmd, args) => pgCommand(cmd, args, user, pgLog),
      apps,
      onLine: (listener) => listeners.push(listener),
      killApp(index) {
        const app = apps[index];
        if (!app) throw new Error(`no app instance ${index}`);
        app.process.kill("SIGKILL");
      },
      async crashReplica() {
        pgCommand("pg_ctl", ["-D", replicaDir, "-m", "immediate", "-w", "stop"], user, pgLog);
      },
      async startReplica() {
        startPg(replicaDir, PORTS.replica, "replica");
      },
      upgrade,
      stop: stopEverything,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** One command on HAProxy's admin socket (the runtime API), its answer as text. */
export function haproxyCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let answer = "";
    socket.on("connect", () => socket.end(`${command}\n`));
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

/** A backend server's open sessions, from `show stat` (CSV: pxname, svname, qcur, qmax, scur …). */
function serverSessions(stat: string, server: string): number {
  const row = stat.split("\n").find((l) => l.startsWith(`apps,${server},`));
  return Number(row?.split(",")[4] ?? 0);
}

/** Where a running cluster takes commands (`npm run cluster -- upgrade`) and says what it is. */
const controlSocket = (dir: string) => path.join(dir, "control.sock");
const stateFile = (dir: string) => path.join(dir, "cluster.json");

/** Listens for `upgrade <distDir>` from another terminal; streams the upgrade's lines back. */
function serveControl(cluster: Cluster): Server {
  rmSync(controlSocket(cluster.dir), { force: true });
  writeFileSync(stateFile(cluster.dir), JSON.stringify({ url: cluster.url, primaryUrl: cluster.primaryUrl }));
  let busy = false;
  const server = createServer((socket) => {
    socket.once("data", (chunk) => {
      const [command, distDir] = chunk.toString().trim().split(" ");
      if (command !== "upgrade" || !distDir) return void socket.end("unknown command\n");
      if (busy) return void socket.end("an upgrade is already running\n");
      busy = true;
      const say = (line: string) => {
        console.log(line);
        socket.write(`${line}\n`);
      };
      cluster
        .upgrade(distDir, say)
        .then(
          () => socket.end("[upgrade] done\n"),
          (err: unknown) => socket.end(`[upgrade] FAILED: ${(err as Error).message}\n`),
        )
        .finally(() => (busy = false));
    });
  });
  server.listen(controlSocket(cluster.dir));
  return server;
}

/**
 * `npm run cluster -- upgrade`: builds the checkout as it is now into a folder of its own
 * (the running instances keep theirs), applies its migrations to the primary — expand-only, so
 * the instances still on the old build keep working (docs/deploy.md "Upgrades") — and asks the
 * running cluster to replace its instances one at a time.
 */
export async function requestUpgrade(dir: string): Promise<void> {
  if (!existsSync(stateFile(dir)))
    throw new Error(`no running cluster in ${dir}: start one with npm run cluster`);
  const { primaryUrl } = JSON.parse(readFileSync(stateFile(dir), "utf8")) as { primaryUrl: string };
  const distDir = `.next-release-${new Date()
    .toISOString()
    .replace(/[^0-9]/g, "")
    .slice(0, 14)}`;
  console.log(`[upgrade] next build into ${distDir}`);
  await buildRelease(distDir, { DATABASE_URL: primaryUrl });
  console.log("[upgrade] migrations (expand-only) on the primary");
  await runOrFail("prisma", ["migrate", "deploy"], {
    DATABASE_URL: primaryUrl,
    MIGRATION_DATABASE_URL: primaryUrl,
  });
  await new Promise<void>((resolve, reject) => {
    const socket = connect(controlSocket(dir));
    socket.on("connect", () => socket.write(`upgrade ${distDir}\n`));
    socket.on("data", (chunk) => process.stdout.write(chunk));
    socket.on("end", resolve);
    socket.on("error", reject);
  });
}

// Run directly (`npm run cluster`): start, print where things are, stop on Ctrl-C.
if (path.resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "upgrade") {
    await requestUpgrade(path.resolve(process.env.CLUSTER_DIR ?? "/tmp/tashil-cluster"));
    process.exit(0);
  }
  const cluster = await startCluster();
  const control = serveControl(cluster);
  console.log(
    `\n[cluster] ready: ${cluster.url} — sign in as secretariat@tashil.demo / Tashil-demo-1404. Ctrl-C stops everything; \`npm run cluster -- upgrade\` in another terminal replaces the instances with a new build.`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log("[cluster] stopping …");
    control.close();
    void cluster.stop().then(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
}

/**
 * `next build` into a release folder of its own. Next.js adds that folder's type paths to
 * tsconfig.json's "include" on every build; a release folder is not the checkout's, so the
 * file is put back as it was (a release once slipped into a commit that way).
 */
export async function buildRelease(distDir: string, env: Record<string, string> = {}): Promise<void> {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await runOrFail("next", ["build"], { ...env, NEXT_DIST_DIR: distDir });
  } finally {
    writeFileSync("tsconfig.json", tsconfig);
  }
}
