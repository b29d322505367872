// Issue #31: the audit trail could be rewritten by the app's own database role — it owned the
// tables, so `ALTER TABLE … DISABLE TRIGGER` and an UPDATE (or a TRUNCATE) rewrote history in
// two statements. The app now connects as a role that owns nothing. Connected as that role,
// exactly as the server is: it reads and writes the app's rows and adds audit events, and
// cannot disable the trigger, truncate, update or delete audit rows, or change any table.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoleName, ensureAppRole } from "@/scripts/database-roles";
import { databaseName, recreateDatabase, withDatabaseName } from "@/scripts/db";

// A database of its own: grants, default privileges and pg-boss's schema are database-wide,
// and other files' tests must not meet them half-changed (decision 009).
const serverUrl = withDatabaseName(process.env.DATABASE_URL ?? "", "postgres");
const name = `${process.env.TEST_DB_PREFIX ?? "tashil"}_roles`;
const ownerUrl = withDatabaseName(serverUrl, name);
let app: pg.Client;
let owner: pg.Client;
let eventId: string;

beforeAll(async () => {
  await recreateDatabase(serverUrl, name);
  const migrate = spawnSync(
    path.resolve("node_modules/.bin/node"),
    ["node_modules/prisma/build/index.js", "migrate", "deploy"],
    { env: { ...process.env, DATABASE_URL: ownerUrl }, encoding: "utf8" },
  );
  if (migrate.status !== 0) throw new Error(migrate.stderr || migrate.stdout);
  // A job queue made by the owner before the roles were split (an existing installation).
  const setup = new pg.Client({ connectionString: ownerUrl });
  await setup.connect();
  await setup.query("create schema pgboss; create table pgboss.job (id int primary key)");
  await setup.end();
  // Twice, as two starts would: the second finds the role and changes nothing.
  await ensureAppRole(ownerUrl, "database-roles-test-secret");
  const appUrl = await ensureAppRole(ownerUrl, "database-roles-test-secret");
  expect(decodeURIComponent(new URL(appUrl).username)).toBe(appRoleName(databaseName(ownerUrl)));
  app = new pg.Client({ connectionString: appUrl });
  owner = new pg.Client({ connectionString: ownerUrl });
  await Promise.all([app.connect(), owner.connect()]);
  eventId = randomUUID();
  // What the app does with the trail: add to it.
  await app.query(
    `insert into "AuditEvent" (id, action, "entityType", "entityId") values ($1, 'test.roles', 'Test', 'x')`,
    [eventId],
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
});

/** The SQLSTATE a statement fails with as the app role (42501: insufficient privilege). */
async function refusal(sql: string): Promise<string | undefined> {
  try {
    await app.query(sql);
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe("the app's database role", () => {
  it("is not the owner, a superuser, or able to create roles or databases", async () => {
    const { rows } = await app.query<{
      user: string;
      superuser: boolean;
      createrole: boolean;
      createdb: boolean;
    }>(
      `select current_user as user, rolsuper as superuser, rolcreaterole as createrole, rolcreatedb as createdb
         from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({ superuser: false, createrole: false, createdb: false });
    const owners = await app.query<{ owner: string }>(
      `select distinct pg_get_userbyid(relowner) as owner from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r','p')`,
    );
    expect(owners.rows.map((r) => r.owner)).not.toContain(rows[0]?.user);
  });

  it("cannot disable the audit trigger, truncate the trail, or update or delete an audit row", async () => {
    expect(await refusal(`alter table "AuditEvent" disable trigger "AuditEvent_append_only"`)).toBe("42501");
    expect(await refusal(`alter table "AuditEvent" disable trigger all`)).toBe("42501");
    expect(await refusal(`truncate "AuditEvent"`)).toBe("42501");
    expect(await refusal(`update "AuditEvent" set action = 'forged' where id = '${eventId}'`)).toBe("42501");
    expect(await refusal(`delete from "AuditEvent" where id = '${eventId}'`)).toBe("42501");
    expect(await refusal(`drop trigger "AuditEvent_append_only" on "AuditEvent"`)).toBe("42501");
    expect(
      await refusal(
        `create or replace function audit_event_append_only() returns trigger language plpgsql as $$ begin return new; end $$`,
      ),
    ).toBe("42501");
    // The row is there, unchanged, as the owner sees it.
    const { rows } = await owner.query(`select action from "AuditEvent" where id = $1`, [eventId]);
    expect(rows).toEqual([{ action: "test.roles" }]);
  });

  it("cannot change the schema: no DDL on the app's tables, no new table in public", async () => {
    expect(await refusal(`alter table "User" add column forged text`)).toBe("42501");
    expect(await refusal(`drop table "LoginAttempt"`)).toBe("42501");
    expect(await refusal(`truncate "LoginAttempt"`)).toBe("42501");
    expect(await refusal(`create table public.forged (id int)`)).toBe("42501");
    expect(await refusal(`alter table "AuditEvent" owner to current_user`)).toBe("42501");
  });

  it("does the app's work: reads and writes ordinary rows", async () => {
    const email = `roles-${randomUUID()}@tashil.test`;
    await app.query(`insert into "LoginAttempt" (id, email, success) values ($1, $2, false)`, [
      randomUUID(),
      email,
    ]);
    await app.query(`update "LoginAttempt" set success = true where email = $1`, [email]);
    const { rows } = await app.query(`select success from "LoginAttempt" where email = $1`, [email]);
    expect(rows).toEqual([{ success: true }]);
    await app.query(`delete from "LoginAttempt" where email = $1`, [email]);
  });

  it("owns pg-boss's queue schema, handed over from the owner, and may add to it", async () => {
    await app.query("insert into pgboss.job values (1)");
    await app.query("create table pgboss.job_partition (id int)");
    const { rows } = await app.query<{ owner: string }>(
      "select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'pgboss'",
    );
    expect(rows[0]?.owner).toBe(appRoleName(name));
  });

  it("reaches a table a later migration adds, through the default privileges", async () => {
    const table = `later_${randomUUID().slice(0, 8)}`;
    await owner.query(`create table public.${table} (id int primary key)`);
    try {
      await app.query(`insert into public.${table} values (1)`);
      expect((await app.query(`select id from public.${table}`)).rows).toEqual([{ id: 1 }]);
    } finally {
      await owner.query(`drop table public.${table}`);
    }
  });
});
