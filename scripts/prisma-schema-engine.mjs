#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the Prisma 7 CLI downloads from a CDN
// this network cannot reach (docs/decisions/003). It runs the wasm build of the same engine over
// @prisma/adapter-pg (PostgreSQL only) and speaks the binary's protocol as the CLI uses it
// (see `SchemaEngine` and `cli can-connect-to-database` in node_modules/prisma/build/cli.js):
//   --version                                   one line on stdout
//   --datasource JSON cli can-connect-to-database|create-database|drop-database
//                                               exit status; JSON log lines on stderr
//   [--datamodels FILE]... [--datasource JSON]  JSON-RPC 2.0, one message per line on stdin and
//                                               stdout; JSON log lines on stderr
import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

// stdout carries only JSON-RPC and stderr only JSON lines shaped like the native engine's logs
// (the CLI parses each stderr line of `cli` commands as JSON and reads `fields`).
function log(level, message, fields = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...fields },
    target: "schema_engine::logger",
  };
  try {
    process.stderr.write(JSON.stringify(line) + "\n");
  } catch {
    /* the CLI is gone */
  }
}
for (const k of ["log", "info", "debug", "warn", "error"]) console[k] = (...a) => log("WARN", a.join(" "));
process.emitWarning = (w) => log("WARN", String(w?.message ?? w)); // e.g. pg's sslmode notice

const opts = { datamodels: [], datasource: {} };
let cliCommand, printVersion;
for (let args = process.argv.slice(2), i = 0; i < args.length; i++) {
  if (args[i] === "--datamodels") opts.datamodels.push(args[++i]);
  else if (args[i] === "--datasource") opts.datasource = JSON.parse(args[++i]);
  else if (args[i] === "--version") printVersion = true;
  else if (args[i] === "cli") cliCommand = args[++i];
  else if (args[i].startsWith("--")) i++; // --enabled-preview-features, --extension-types: unused
}
const url = opts.datasource.url || undefined; // {url, shadowDatabaseUrl?} from prisma.config.ts
const wasmUrl = new URL(
  "schema_engine_bg.wasm",
  import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
);

// ---------------------------------------------------------------------------------------------
// Plain pg, for the `cli` subcommands and the shadow database.
const ident = (name) => `"${name.replaceAll('"', '""')}"`;
function dbInfo(connectionString) {
  const u = new URL(connectionString);
  const user = decodeURIComponent(u.username);
  return {
    database: decodeURIComponent(u.pathname.slice(1)) || user,
    user,
    at: `${u.hostname}:${u.port || 5432}`,
  };
}
function withDatabase(connectionString, database) {
  const u = new URL(connectionString);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}
async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  client.on("error", () => {}); // a lost connection surfaces as the failing query's error
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
// CREATE/DROP DATABASE run from another database, as the native engine does.
async function withMaintenanceClient(connectionString, fn) {
  try {
    return await withClient(withDatabase(connectionString, "postgres"), fn);
  } catch (e) {
    if (e.code !== "3D000") throw e;
    return withClient(withDatabase(connectionString, "template1"), fn);
  }
}
// The CLI acts on the native error codes: P1003 from can-connect makes `migrate dev`, `migrate
// deploy` and `db push` create the database; any other code aborts with the message.
function describePgError(e, { database, user, at }) {
  switch (e.code) {
    case "3D000":
      return {
        error_code: "P1003",
        message: `Database \`${database}\` does not exist on the database server at \`${at}\`.`,
      };
    case "42P04":
      return {
        error_code: "P1009",
        message: `Database \`${database}\` already exists on the database server at \`${at}\``,
      };
    case "28P01":
    case "28000":
      return {
        error_code: "P1000",
        message: `Authentication failed against database server at \`${at}\`, the provided database credentials for \`${user}\` are not valid.`,
      };
    case "42501":
      return {
        error_code: "P1010",
        message: `User \`${user}\` was denied access on the database \`${database}\``,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return {
        error_code: "P1001",
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    default:
      return { message: e.message };
  }
}

async function runCliCommand(command) {
  log("INFO", `Starting schema engine CLI: ${command}`); // the CLI skips the first stderr line
  if (!url) throw new Error("No datasource URL was given (--datasource).");
  const info = dbInfo(url);
  const sql = { "create-database": "CREATE DATABASE", "drop-database": "DROP DATABASE" }[command];
  try {
    if (command === "can-connect-to-database") await withClient(url, (c) => c.query("SELECT 1"));
    else if (sql) await withMaintenanceClient(url, (c) => c.query(`${sql} ${ident(info.database)}`));
    else throw new Error(`Unknown cli command: ${command}`);
    process.stdout.write(`${command}: ok\n`);
  } catch (e) {
    const { message, ...fields } = describePgError(e, info);
    log("ERROR", message, fields);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// The driver adapter handed to the engine: adapter-pg with fixes.
const liveAdapters = new Set(); // ended at exit
const CHAR_OID = 18; // PostgreSQL's one-byte "char" (pg_class.relkind, ...)

function fixQueryable(q) {
  // adapter-pg throws UnsupportedNativeDataType on "char" columns, which the engine's catalog
  // queries return. Let adapter-pg see text (pg already yields a string for OID 18), then report
  // Character to the engine. Object.create makes a per-call view, safe for concurrent queries.
  const queryRaw = q.queryRaw;
  q.queryRaw = async function (query) {
    const charColumns = [];
    const performIO = async (query) => {
      const res = await this.performIO(query);
      res.fields = res.fields.map((f, i) =>
        f.dataTypeID === CHAR_OID ? (charColumns.push(i), { ...f, dataTypeID: pg.types.builtins.TEXT }) : f,
      );
      return res;
    };
    const result = await queryRaw.call(Object.create(this, { performIO: { value: performIO } }), query);
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return q;
}

async function connect(connectionString) {
  if (!connectionString) throw new Error("No datasource URL: set DATABASE_URL (prisma.config.ts reads it).");
  // One connection for the engine's lifetime, like the native engine: its migration lock is a
  // session-level pg_advisory_lock taken by each command and never released, so on a second
  // pooled connection the engine would wait on itself (and an idle timeout would drop the lock).
  const config = { connectionString, max: 1, idleTimeoutMillis: 0 };
  // `?schema=` selects the schema; the engine's SQL is unqualified, so set search_path too.
  const schema = new URL(connectionString).searchParams.get("schema") ?? undefined;
  if (schema) config.options = `-c search_path=${ident(schema)}`;
  const adapter = fixQueryable(await new PrismaPg(config, { schema }).connect());
  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async function (...a) {
    return fixQueryable(await startTransaction.apply(this, a));
  };
  // adapter-pg's executeScript splits on every ";", breaking semicolons in strings, comments and
  // function bodies. Send scripts whole, as the native engine does (one implicit transaction).
  adapter.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (e) {
      this.onError(e);
    }
  };
  const dispose = adapter.dispose;
  let disposed; // at most once: the engine may dispose, and we do at exit
  adapter.dispose = function () {
    liveAdapters.delete(adapter);
    return (disposed ??= dispose.call(this));
  };
  liveAdapters.add(adapter);
  return adapter;
}

// adapter-pg's own connectToShadowDb sets `database` beside a connectionString, which pg ignores:
// its "shadow" is the main database, which `migrate dev` would then wipe. Create a throw-away
// database instead, prove we are connected to it, and drop it when the engine is done with it.
const shadowDatabases = new Map(); // name -> dispose; dropped after each request at the latest
async function connectToShadowDb() {
  if (opts.datasource.shadowDatabaseUrl)
    return connectToConfiguredShadowDb(opts.datasource.shadowDatabaseUrl);
  if (!url) throw new Error("No datasource URL: set DATABASE_URL (prisma.config.ts reads it).");
  const name = `${dbInfo(url).database.slice(0, 40)}_shadow_${crypto.randomBytes(4).toString("hex")}`;
  await withClient(url, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
  let adapter;
  try {
    adapter = await connect(withDatabase(url, name));
    const { rows } = await adapter.client.query("SELECT current_database() AS db");
    if (rows[0].db !== name)
      throw new Error(`Refusing to use "${rows[0].db}" as the shadow database (expected "${name}").`);
  } catch (e) {
    await adapter?.dispose();
    await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)}`));
    throw e;
  }
  shadowDatabases.set(name, adapter.dispose.bind(adapter));
  adapter.dispose = () => dropShadowDatabase(name);
  log("INFO", `Created shadow database ${name}`);
  return adapter;
}
async function dropShadowDatabase(name) {
  const dispose = shadowDatabases.get(name);
  if (!shadowDatabases.delete(name)) return;
  await dispose().catch((e) => log("WARN", `Closing shadow database ${name}: ${e.message}`)); // else DROP fails
  await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)}`));
  log("INFO", `Dropped shadow database ${name}`);
}
const dropShadowDatabases = () =>
  Promise.all([...shadowDatabases.keys()].map(dropShadowDatabase)).catch((e) =>
    log("ERROR", `Dropping shadow database: ${e.message}`),
  );

// A configured shadowDatabaseUrl is, as with the native engine, a database we may wipe; but never
// the main database.
async function connectToConfiguredShadowDb(shadowUrl) {
  const adapter = await connect(shadowUrl);
  const whoami =
    "SELECT current_database() AS db, inet_server_addr()::text AS addr, inet_server_port() AS port";
  const shadow = (await adapter.client.query(whoami)).rows[0];
  const main = url && (await withClient(url, (c) => c.query(whoami))).rows[0];
  if (main && JSON.stringify(main) === JSON.stringify(shadow)) {
    await adapter.dispose();
    throw new Error("The shadow database you configured appears to be the same as the main database.");
  }
  const { rows } = await adapter.client.query(
    "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'",
  );
  await adapter.client.query(
    rows.map((r) => `DROP SCHEMA ${ident(r.nspname)} CASCADE;`).join("") + "CREATE SCHEMA public;",
  );
  return adapter;
}

// ---------------------------------------------------------------------------------------------
// The engine and the JSON-RPC server.
let factory;
// An exception thrown in the adapter reaches us as "External error id#N": find the original.
function originalError(e) {
  const external = /External error id#(\d+)/.exec(e?.message ?? "");
  return (external && factory?.errorRegistry.consumeError(Number(external[1]))?.error) || e;
}

async function startEngine() {
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmUrl), {
    "./schema_engine_bg.js": wasmGlue,
  });
  wasmGlue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    connectToShadowDb,
  });
  const datamodels = opts.datamodels.length
    ? opts.datamodels.map((f) => [f, fs.readFileSync(f, "utf8")])
    : undefined;
  const engineLog = (line) => {
    // the engine logs JSON lines already
    line = String(line).trim();
    if (line)
      process.stderr.write(
        (line.startsWith("{") ? line : JSON.stringify({ level: "INFO", fields: { message: line } })) + "\n",
      );
  };
  return wasmGlue.SchemaEngine.new({ datamodels }, engineLog, factory); // connects right away
}

function runRpcServer() {
  // Without a panic registry the wasm engine dies silently (exit status 0) on a Rust panic.
  let panicMessage;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => (panicMessage = m) };
  // Never exit on an engine failure: once this process has exited, the CLI's stop() waits for an
  // "exit" event that already happened and Node quits with status 0 (`migrate diff --exit-code`
  // would report no drift). Like the native engine, answer each request with the error instead.
  let broken, crash;
  const crashed = new Promise((_, reject) => (crash = reject));
  crashed.catch(() => {});
  process.on("uncaughtException", (e) => {
    broken ??= e;
    crash(e);
    log("ERROR", originalError(e).message ?? String(e));
  });
  const enginePromise = startEngine();
  enginePromise.catch(() => {}); // reported to each request

  const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...msg }) + "\n");
  // The native engine prints `diff` output through the CLI: a "print" request.
  const printWaiters = new Map();
  let printId = 0;
  const print = (content) =>
    new Promise((resolve) => {
      const id = `print-${++printId}`;
      printWaiters.set(id, resolve);
      send({ id, method: "print", params: { content } });
    });

  // evaluateDataLoss/createMigration read the schema of the migration history from a cache that
  // only devDiagnostic fills (it is given the shadow database), keyed by the migrations applied
  // at that moment; on a miss they fail ("shadow DB must be provided through an external
  // factory"). The CLI's devDiagnostic runs before `migrate dev` applies pending ones: refresh.
  let warmFor;
  const warmCache = async (engine, { migrationsList, filters }) => {
    const key = JSON.stringify(migrationsList.migrationDirectories);
    if (warmFor !== key) await engine.devDiagnostic({ migrationsList, filters });
    warmFor = key;
  };
  const methods = {
    getDatabaseVersion: (engine, p) => engine.version(p),
    evaluateDataLoss: async (engine, p) => {
      await warmCache(engine, p);
      return engine.evaluateDataLoss(p);
    },
    createMigration: async (engine, p) => {
      await warmCache(engine, p);
      return engine.createMigration(p);
    },
    diff: async (engine, p) => {
      const { stdout, exitCode } = await engine.diff(p);
      if (stdout) await print(stdout.replace(/\n$/, "")); // the CLI adds the newline
      return { exitCode };
    },
  };
  for (const m of [
    "applyMigrations",
    "dbExecute",
    "debugPanic",
    "devDiagnostic",
    "diagnoseMigrationHistory",
    "ensureConnectionValidity",
    "introspect",
    "introspectSql",
    "markMigrationApplied",
    "markMigrationRolledBack",
    "reset",
    "schemaPush",
  ]) {
    methods[m] = (engine, p) => engine[m](p);
  }

  // Errors in the shape the CLI's SchemaEngine.runCommand reads.
  const toRpcError = (e) => {
    e = originalError(e);
    const panicked = panicMessage || e instanceof WebAssembly.RuntimeError;
    if (panicked) broken ??= e; // "no method is safe to call after a panic" (engine.rs)
    const data = panicked
      ? { is_panic: true, message: panicMessage ?? e.message, backtrace: e.stack }
      : {
          is_panic: false,
          message: e.message ?? String(e),
          ...(e.code && { error_code: e.code }),
          ...(e.meta && { meta: e.meta }),
        };
    panicMessage = undefined;
    return { code: 4466, message: data.message, data }; // the CLI shows `message` for panics
  };

  // The engine's methods take `&mut self`: a call while another runs fails with "recursive use
  // of an object detected". Run requests one at a time, in order.
  let queue = Promise.resolve();
  const handle = async ({ id, method, params }) => {
    let response;
    try {
      if (!Object.hasOwn(methods, method)) throw new Error(`Unknown method: ${method}`);
      const engine = await enginePromise;
      if (broken) throw broken;
      response = { id, result: (await Promise.race([methods[method](engine, params), crashed])) ?? {} };
    } catch (e) {
      response = { id, error: toRpcError(e) };
      log("ERROR", response.error.message);
    }
    // Drop leftover shadow databases before answering: after its last answer the CLI closes
    // stdin and kills this process at once.
    await dropShadowDatabases();
    send(response);
  };

  let closing;
  const shutdown = () =>
    (closing ??= (async () => {
      await queue;
      await dropShadowDatabases();
      await Promise.allSettled([...liveAdapters].map((a) => a.dispose())); // end the pg pools
      if (!broken) (await enginePromise.catch(() => undefined))?.free();
      // The engine leaves timers behind (its 10 s advisory-lock timeout); the CLI waits for exit.
      process.exit(0);
    })());
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  readline
    .createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on("line", (line) => {
      if (!line.trim()) return;
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return send({ id: null, error: { code: -32700, message: "Parse error" } });
      }
      if (msg.method === undefined) {
        printWaiters.get(msg.id)?.();
        printWaiters.delete(msg.id);
        return;
      } // reply to "print"
      queue = queue.then(() => handle(msg));
    })
    .on("close", shutdown);
}

// ---------------------------------------------------------------------------------------------
if (printVersion) {
  const pkg = JSON.parse(fs.readFileSync(new URL("package.json", wasmUrl), "utf8"));
  process.stdout.write(
    `schema-engine-cli ${pkg.version.split(".").pop()} (wasm stand-in, @prisma/schema-engine-wasm ${pkg.version})\n`,
  );
} else if (cliCommand) {
  await runCliCommand(cliCommand).catch((e) => {
    log("ERROR", e.message);
    process.exitCode = 1;
  });
} else {
  runRpcServer();
}
