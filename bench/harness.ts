// What the benchmarks share (bench/pages.ts, bench/lighthouse.ts): their databases, a
// production server started as deployed, and signing in through the real login.
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { createDatabaseIfMissing, ensureDatabaseServer, withDatabaseName } from "../scripts/db";
import { runOrFail } from "../scripts/process";
import { seedLarge } from "../scripts/seed-large";
import { serverNodeOptions } from "../scripts/server-options";

export const PASSWORD = "Tashil-demo-1404";

const server = await ensureDatabaseServer(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL);

/**
 * `<prefix>_demo` (migrations + demo seed) or `<prefix>_large` (+ `db:seed:large`), each made
 * and seeded only when missing, so the heavy one is made once and reused.
 */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export async function prepareDatabase(prefix: string, size: "demo" | "large"): Promise<string> {
  const name = `${prefix}_${size}`;
  const url = withDatabaseName(server.serverUrl, name);
  await createDatabaseIfMissing(server.serverUrl, name);
  await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
  const [users] = await query<{ n: number }>(url, `select count(*)::int as n from "User"`);
  if (!users?.n) await runOrFail("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
  if (size === "large") {
    const [big] = await query<{ n: number }>(
      url,
      `select count(*)::int as n from "Province" where id = 'lgp0'`,
    );
    if (!big?.n) await seedLarge(url);
  }
  return url;
}

// ---------------------------------------------------------------- the server

/** `next start` on the production build, with the deployed Node.js options. */
export function startServer(url: string, port: number): ChildProcess {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NODE_OPTIONS: serverNodeOptions(),
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      AUTH_URL: `http://127.0.0.1:${port}`,
      NOTIFICATIONS_DISABLED: "1",
      EXPORT_WORKER_DISABLED: "1",
    },
  });
  return child;
}

/** Resolves once `base + path` answers. */
export async function waitUp(base: string, probe: string) {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${base}${probe}`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${base} did not start`);
}

export /** Signs in through Auth.js' credentials callback, as the login form does; returns the cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`signing in as ${email} failed (${r.status} ${r.headers.get("location") ?? ""})`);
  return cookie();
}

/** Stops the embedded PostgreSQL, if the benchmark started one. */
export const stopDatabaseServer = () => server.stop();
