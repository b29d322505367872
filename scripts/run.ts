// `npm start` / `npm run dev`: brings Tashil up on one command. Starts the embedded
// PostgreSQL when DATABASE_URL is unset, applies migrations, seeds the demo data into an
// empty database, builds when the build is missing or older than the sources, then serves.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { appUrl } from "@/lib/app-url";
import { ensureAppDatabase } from "./app-database";
import { ensureAppRole, grantToAppRole } from "./database-roles";
import { buildIsCurrent } from "./build-freshness";
import { orExplain } from "./db";
import { run, runOrFail } from "./process";
import { checkRuntime } from "./runtime";
import { serverNodeOptions } from "./server-options";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // Demo convenience: a secret made once per checkout, so sign-ins survive restarts.
  const file = path.resolve(process.env.AUTH_SECRET_FILE ?? ".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from "Province"');
    return rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

/**
 * The URL the server connects with. With MIGRATION_DATABASE_URL set the operator made the
 * app's role: DATABASE_URL is it, and gets its grants. Otherwise the role this start makes
 * (or finds) for the database. An owner without the right to create roles (some managed
 * databases) keeps serving as the owner, and is told so in one line.
 */
async function appRole(ownerUrl: string, secret: string): Promise<string> {
  const operatorMade = process.env.MIGRATION_DATABASE_URL && process.env.DATABASE_URL;
  try {
    if (operatorMade) {
      await grantToAppRole(ownerUrl, decodeURIComponent(new URL(operatorMade).username));
      return operatorMade;
    }
    return await ensureAppRole(ownerUrl, secret);
  } catch (err) {
    console.warn(
      `[start] the app's own database role could not be made (${(err as Error).message}): serving as the owner role; see docs/deploy.md to create it.`,
    );
    return ownerUrl;
  }
}

checkRuntime(mode);
const db = await orExplain(ensureAppDatabase());
const env = {
  DATABASE_URL: db.url,
  AUTH_SECRET: authSecret(),
  AUTH_TRUST_HOST: "true",
  // Links in e-mails point at the port this server really listens on (lib/app-url.ts).
  APP_URL: appUrl({ ...process.env, PORT: port }),
};
let code = 1;
try {
  await runOrFail("prisma", ["migrate", "deploy"], env);
  if (await isEmpty(db.url)) {
    console.log("[start] empty database: loading the demo data …");
    await runOrFail("tsx", ["prisma/seed.ts"], env);
  }
  if (mode === "start" && !buildIsCurrent()) await runOrFail("next", ["build"], env);
  // Migrations and the seed ran as the owner; the server connects as the app's own role,
  // which cannot change the schema or rewrite the audit trail (scripts/database-roles.ts).
  const appDatabaseUrl = await appRole(db.url, env.AUTH_SECRET);
  console.log(`[start] Tashil on http://localhost:${port}`);
  // The production server runs with the deployed heap limit (scripts/server-options.ts).
  const serverEnv = {
    ...env,
    DATABASE_URL: appDatabaseUrl,
    ...(mode === "start" ? { NODE_OPTIONS: serverNodeOptions() } : {}),
  };
  code = await run(process.execPath, ["node_modules/next/dist/bin/next", mode, "-p", port], serverEnv);
} catch (err) {
  console.error(`[start] ${(err as Error).message}`);
} finally {
  await db.stop();
}
process.exit(code);
