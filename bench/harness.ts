// What the benchmarks share (bench/pages.ts, bench/lighthouse.ts): their databases, a
// production server started as deployed, and signing in through the real login.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import pg from "pg";
import { createDatabaseIfMissing, ensureDatabaseServer, withDatabaseName } from "../scripts/db";
import { runOrFail } from "../scripts/process";
import { largeSizes, seedLarge } from "../scripts/seed-large";
import { serverNodeOptions } from "../scripts/server-options";

export const PASSWORD = "Tashil-demo-1404";
/** The servers' AUTH_SECRET: the applicant's one-time code is keyed with it. */
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";

/**
 * demo: migrations + demo seed; large: + `db:seed:large` (today's national size); tenyear:
 * + `db:seed:large -- --years 10` (issue #34: 250,000 units, 1,000,000 resolutions).
 */
export type Size = "demo" | "large" | "tenyear";

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

export async function prepareDatabase(prefix: string, size: Size): Promise<string> {
  // BENCH_DB_TENYEAR=<name> (or _DEMO, _LARGE): a database of that size made another way.
  const name = process.env[`BENCH_DB_${size.toUpperCase()}`] ?? `${prefix}_${size}`;
  const url = withDatabaseName(server.serverUrl, name);
  await createDatabaseIfMissing(server.serverUrl, name);
  await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
  const [users] = await query<{ n: number }>(url, `select count(*)::int as n from "User"`);
  if (!users?.n) await runOrFail("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
  if (size !== "demo") {
    const [big] = await query<{ n: number }>(
      url,
      `select count(*)::int as n from "Province" where id = 'lgp0'`,
    );
    if (!big?.n) await seedLarge(url, largeSizes(size === "tenyear" ? 10 : undefined));
  } else await demoApplicant(url);
  return url;
}

/**
 * The demo seed has no applicant: bench-applicant@tashil.demo, with a request the
 * secretariat accepted for the demo province's busiest unit and one still submitted, as the
 * large seed gives bench-applicant@tashil.bench. Made once.
 */
async function demoApplicant(url: string) {
  await query(
    url,
    `with u as (
       select r."unitId" as id, r."provinceId" as p from "Resolution" r
       where r."provinceId" = (select "provinceId" from "User" where email = 'secretariat@tashil.demo')
       group by 1, 2 order by count(*) desc, 1 limit 1
     ), usr as (
       insert into "User" (id, email, name, "passwordHash", roles, "provinceId", "updatedAt")
       select 'bench-applicant', 'bench-applicant@tashil.demo', 'Bench applicant', 'no-password',
         array['APPLICANT']::"Role"[], p, now() from u
       on conflict (email) do nothing returning id
     ), prof as (
       insert into "ApplicantProfile" ("userId", "nationalCode", position, "unitNationalId")
       select usr.id, '0000000000', 'OWNER'::"ApplicantPosition", coalesce(pu."nationalId", '0') from usr, u join "ProductionUnit" pu on pu.id = u.id
     )
     insert into "UnitRequest" (id, "provinceId", "applicantId", status, "trackingCode", "unitName", "unitNationalId", "submittedAt", "decidedAt", "unitId", "updatedAt")
     select 'bench-request-' || k, u.p, usr.id, s::"UnitRequestStatus", 'BENCH0000' || k, pu.name, coalesce(pu."nationalId", '0'),
       now() - interval '30 days', case when k = 1 then now() - interval '20 days' end, case when k = 1 then u.id end, now()
     from usr, u join "ProductionUnit" pu on pu.id = u.id, (values (1, 'ACCEPTED'), (2, 'SUBMITTED')) v(k, s)`,
  );
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
      AUTH_SECRET,
      // /verify/<code> is throttled per client address: the bench gives each lookup its own.
      TRUSTED_PROXIES: "1",
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

/**
 * Signs in through Auth.js' credentials callback, as the login form does; returns the cookie
 * header. An applicant (`url` given) signs in with a one-time code, as on /apply: the code the
 * e-mail would carry is written into OneTimeCode here, keyed as lib/applicants/codes.ts keys it.
 */
export async function signIn(base: string, email: string, applicantDatabase?: string): Promise<string> {
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
  let form: Record<string, string> = { email, password: PASSWORD };
  if (applicantDatabase) {
    const code = String(100000 + Math.floor(Math.random() * 900000));
    const hash = createHmac("sha256", AUTH_SECRET).update(`${email}\n${code}`).digest("hex");
    await query(
      applicantDatabase,
      `insert into "OneTimeCode" (id, email, "codeHash", "expiresAt") values ($1, $2, $3, now() + interval '10 minutes')`,
      [`bench-code-${Date.now()}`, email, hash],
    );
    form = { address: email, code };
  }
  const r = await fetch(`${base}/api/auth/callback/${applicantDatabase ? "applicant-code" : "credentials"}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ ...form, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`signing in as ${email} failed (${r.status} ${r.headers.get("location") ?? ""})`);
  return cookie();
}

/** Stops the embedded PostgreSQL, if the benchmark started one. */
export const stopDatabaseServer = () => server.stop();
