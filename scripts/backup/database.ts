// A logical dump of the application's tables through plain SQL, so it works with any
// PostgreSQL the app can talk to: the embedded 18.4 (which ships no pg_dump), Debian's
// server, a managed one (docs/decisions/021-backup-and-restore.md).
//
// Format (database.ndjson): for each table a header line {"table","rows"} followed by that
// many lines, each one row as `to_jsonb(row)`. jsonb keeps every type PostgreSQL can cast
// back with `jsonb_populate_recordset` (timestamps, enums, arrays, json, bytea as \x…).
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import readline from "node:readline";
import type pg from "pg";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const MIGRATIONS_TABLE = "_prisma_migrations";

type Dependency = { table: string; references: string; column: string | null; refColumn: string | null };

async function tablesAndDependencies(client: pg.ClientBase) {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> $1 order by 1`,
    [MIGRATIONS_TABLE],
  );
  const { rows: deps } = await client.query<Dependency>(
    `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as references,
            case when array_length(c.conkey, 1) = 1 then a.attname end as column,
            case when array_length(c.confkey, 1) = 1 then fa.attname end as "refColumn"
       from pg_constraint c
       join pg_namespace n on n.oid = c.connamespace
       left join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       left join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  // regclass::text quotes mixed-case names ("ProgressReport"): compare unquoted.
  const unq = (s: string) => s.replace(/^"(.*)"$/, "$1").replaceAll('""', '"');
  return {
    tables: tables.map((t) => t.name),
    deps: deps.map((d) => ({ ...d, table: unq(d.table), references: unq(d.references) })),
  };
}

/** Parents before children, so rows can be inserted with every foreign key checked. */
function loadOrder(tables: string[], deps: Dependency[]): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.table === t && d.references !== t) visit(d.references);
    visiting.delete(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

async function write(out: WriteStream, line: string) {
  if (!out.write(line + "\n")) await once(out, "drain");
}

export type DumpResult = {
  migrations: string[];
  tables: Record<string, number>;
  serverVersion: string;
  attachmentKeys: string[];
};

/**
 * Writes every table of the `public` schema to `file` from one REPEATABLE READ snapshot:
 * the app may go on writing, the dump is what the database held at one instant. pg-boss's
 * own schema is left out: its schedules are registered again when the worker starts.
 */
export async function dumpDatabase(client: pg.ClientBase, file: string): Promise<DumpResult> {
  const out = createWriteStream(file);
  await client.query("begin isolation level repeatable read read only");
  try {
    const { rows: version } = await client.query<{ v: string }>("show server_version");
    const { rows: hasMigrations } = await client.query<{ ok: boolean }>(
      `select to_regclass('public.${MIGRATIONS_TABLE}') is not null as ok`,
    );
    const { rows: migrations } = hasMigrations[0]?.ok
      ? await client.query<{ migration_name: string }>(
          `select migration_name from ${quote(MIGRATIONS_TABLE)}
            where finished_at is not null and rolled_back_at is null order by started_at, migration_name`,
        )
      : { rows: [] };
    const { tables, deps } = await tablesAndDependencies(client);
    const counts: Record<string, number> = {};
    for (const table of loadOrder(tables, deps)) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${quote(table)}`);
      const n = Number(rows[0]?.n ?? 0);
      counts[table] = n;
      await write(out, JSON.stringify({ table, rows: n }));
      await client.query(
        `declare dump no scroll cursor for select to_jsonb(t)::text as j from ${quote(table)} t`,
      );
      for (;;) {
        const batch = await client.query<{ j: string }>("fetch 2000 from dump");
        for (const r of batch.rows) await write(out, r.j);
        if (batch.rows.length < 2000) break;
      }
      await client.query("close dump");
    }
    const attachmentKeys = tables.includes("Attachment")
      ? (await client.query<{ k: string }>(`select "storageKey" as k from "Attachment" order by 1`)).rows.map(
          (r) => r.k,
        )
      : [];
    await client.query("commit");
    out.end();
    await once(out, "finish");
    return {
      migrations: migrations.map((m) => m.migration_name),
      tables: counts,
      serverVersion: version[0]?.v ?? "",
      attachmentKeys,
    };
  } catch (err) {
    await client.query("rollback").catch(() => {});
    out.destroy();
    throw err;
  }
}

/** Columns an INSERT may name (generated columns are computed by the server). */
async function insertableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`,
    [quote(table)],
  );
  return rows.map((r) => r.name);
}

/**
 * Loads a dump into tables that exist and are empty, in one transaction: a failed restore
 * leaves nothing behind. Rows of a table that refers to itself (a category tree) go in
 * parents first, so this needs no superuser rights (managed databases allow none).
 */
export async function loadDatabase(client: pg.ClientBase, file: string): Promise<Record<string, number>> {
  const { deps } = await tablesAndDependencies(client);
  const loaded: Record<string, number> = {};
  await client.query("begin");
  try {
    let table = "";
    let remaining = 0;
    let batch: string[] = [];
    let columns: string[] = [];
    const selfRef = () => deps.find((d) => d.table === table && d.references === table && d.column);
    const flush = async () => {
      if (batch.length === 0) return;
      const cols = columns.map(quote).join(", ");
      const self = selfRef();
      const target = self ? `"restore_${table}"` : quote(table);
      await client.query(
        `insert into ${target} (${cols}) select ${cols} from jsonb_populate_recordset(null::${quote(table)}, $1::jsonb)`,
        [`[${batch.join(",")}]`],
      );
      loaded[table] = (loaded[table] ?? 0) + batch.length;
      batch = [];
    };
    const finishTable = async () => {
      await flush();
      const self = selfRef();
      if (!self || !self.column || !self.refColumn) return;
      const cols = columns.map(quote).join(", ");
      const staging = `"restore_${table}"`;
      // Insert the rows whose parent is already there, until none are left.
      for (;;) {
        const { rowCount } = await client.query(
          `with moved as (
             delete from ${staging} s
              where s.${quote(self.column)} is null
                 or exists (select 1 from ${quote(table)} p where p.${quote(self.refColumn)} = s.${quote(self.column)})
             returning ${cols})
           insert into ${quote(table)} (${cols}) select ${cols} from moved`,
        );
        if (!rowCount) break;
      }
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${staging}`);
      if (Number(rows[0]?.n) > 0) throw new Error(`${table}: rows refer to parents missing from the backup`);
      await client.query(`drop table ${staging}`);
    };
    // Created here, right before iterating: readline starts reading at once, and lines
    // emitted before the loop subscribes would be lost.
    const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      if (remaining === 0) {
        await finishTable();
        const header = JSON.parse(line) as { table: string; rows: number };
        table = header.table;
        remaining = header.rows;
        loaded[table] = 0;
        columns = await insertableColumns(client, table);
        if (selfRef())
          await client.query(`create temp table "restore_${table}" (like ${quote(table)}) on commit drop`);
        continue;
      }
      batch.push(line);
      remaining--;
      if (batch.length >= 1000) await flush();
    }
    await finishTable();
    // Sequences (serial columns) continue after the restored rows.
    const { rows: sequences } = await client.query<{ seq: string; tbl: string; col: string }>(
      `select s.oid::regclass::text as seq, t.oid::regclass::text as tbl, a.attname as col
         from pg_class s
         join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
         join pg_class t on t.oid = d.refobjid
         join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
         join pg_namespace n on n.oid = s.relnamespace
        where s.relkind = 'S' and n.nspname = 'public'`,
    );
    for (const s of sequences)
      await client.query(
        `select setval('${s.seq.replaceAll("'", "''")}', coalesce((select max(${quote(s.col)}) from ${s.tbl}), 0) + 1, false)`,
      );
    await client.query("commit");
    return loaded;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  }
}

/** Every table's row count in `public` (without Prisma's own bookkeeping). */
export async function tableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const { tables } = await tablesAndDependencies(client);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${quote(t)}`);
    counts[t] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
