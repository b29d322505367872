// Two database roles (issue #31, docs/decisions/170-two-database-roles.md): the role that owns
// the tables and runs the migrations (the one in DATABASE_URL for `npm start`, the scripts and
// `npm test`), and the role the web server and the worker connect as, which may read and write
// rows but owns nothing: it cannot ALTER a table, disable the audit trigger, TRUNCATE, or
// UPDATE/DELETE an audit row. Everything here is idempotent and is run after every migration,
// so tables a later migration adds are covered (default privileges cover them in between).
import { createHmac } from "node:crypto";
import pg from "pg";
import { databaseName } from "./db";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The app role of one database. Roles belong to the whole server, databases do not: a name
 * derived from the database keeps checkouts and test databases on one server apart.
 */
export function appRoleName(database: string): string {
  return `${database}_app`.slice(0, 63);
}

/** A password derived from a secret this installation already keeps (AUTH_SECRET). */
export function derivedPassword(secret: string, role: string): string {
  return createHmac("sha256", secret).update(`tashil-database-role:${role}`).digest("base64url");
}

/** SQL statements granting `app` what the app does, and nothing it must not do. */
export function appRoleGrants(database: string, app: string): string[] {
  const role = quoteIdent(app);
  return [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(database)} TO ${role}`,
    // pg-boss keeps its queue in a schema of its own that it creates and migrates when the
    // worker starts: the app role may create that schema, never touch the public one's shape.
    `GRANT CREATE ON DATABASE ${quoteIdent(database)} TO ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role}`,
    // The audit trail is append-only (decision 071): read and add, nothing else.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent" FROM ${role}, PUBLIC`,
    `GRANT SELECT, INSERT ON "AuditEvent" TO ${role}`,
    // Tables and sequences later migrations add (as the owner) are reachable at once.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`,
  ];
}

/**
 * Makes sure the app role of the database at `ownerUrl` exists with its grants; answers the URL
 * the app connects with (the owner's URL with the app role's name and password). Safe to run
 * from several processes at once: a role created meanwhile by another is taken as it is.
 */
export async function ensureAppRole(ownerUrl: string, secret: string): Promise<string> {
  const database = databaseName(ownerUrl);
  const app = appRoleName(database);
  const password = derivedPassword(secret, app);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_roles where rolname = $1", [app]);
    if (!rowCount)
      await client.query(`CREATE ROLE ${quoteIdent(app)} LOGIN`).catch((err: { code?: string }) => {
        // 42710 duplicate_object, 23505: created by a parallel start between our look and ours.
        if (err.code !== "42710" && err.code !== "23505") throw err;
      });
    await client.query(
      `ALTER ROLE ${quoteIdent(app)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quoteLiteral(password)}`,
    );
    await grantTo(client, database, app);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(app);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** The grants for an app role made by the operator (docs/deploy.md: `npm run db:grants`). */
export async function grantToAppRole(ownerUrl: string, app: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await grantTo(client, databaseName(ownerUrl), app);
  } finally {
    await client.end();
  }
}

async function grantTo(client: pg.Client, database: string, app: string): Promise<void> {
  try {
    // One transaction: grants and revokes land together.
    await client.query("begin");
    for (const statement of appRoleGrants(database, app)) await client.query(statement);
    // pg-boss's schema, made by the owner before this split (or by a test as superuser), goes
    // to the app role, which must be able to add a queue's partition to it.
    const { rows } = await client.query<{ owner: string }>(
      "select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'pgboss'",
    );
    if (rows[0] && rows[0].owner !== app) {
      await client.query(`GRANT ${quoteIdent(app)} TO CURRENT_USER`).catch(() => undefined);
      await client.query(`ALTER SCHEMA pgboss OWNER TO ${quoteIdent(app)}`);
      const { rows: objects } = await client.query<{ sql: string }>(
        `select format('ALTER %s pgboss.%I OWNER TO %I',
                    case c.relkind when 'S' then 'SEQUENCE' when 'v' then 'VIEW' else 'TABLE' end,
                    c.relname, $1::text) as sql
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'pgboss' and c.relkind in ('r', 'p', 'v')`,
        [app],
      );
      for (const { sql } of objects) await client.query(sql);
      const { rows: functions } = await client.query<{ sql: string }>(
        `select format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text) as sql
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'pgboss'`,
        [app],
      );
      for (const { sql } of functions) await client.query(sql);
    }
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  }
}
