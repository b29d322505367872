// `npm run bench:oversight`: server time of the national view, the audit trail and the API at
// national size (decision 132): a fresh database, the demo seed, the large generator (31
// provinces, 50,000 units, 200,000 resolutions, 1,000,000 progress reports) and 1,000,000
// audit events; each read timed 5 times after a warm-up, the median printed.
// Needs a PostgreSQL server: BENCH_DATABASE_URL, DATABASE_URL, or the embedded one.
// Run with: tsx --conditions=react-server bench/oversight.ts [units]
import pg from "pg";
import { ensureDatabaseServer, recreateDatabase, withDatabaseName } from "../scripts/db";
import { runOrFail } from "../scripts/process";
import { seedLarge } from "../scripts/seed-large";
import { measure } from "./measure";

const units = Number(process.argv[2]) || 50_000;
const AUDIT_EVENTS = units * 20;
const server = await ensureDatabaseServer(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL);
const results: string[] = [];
try {
  const name = `tashil_bench_oversight_${units}`;
  const url = withDatabaseName(server.serverUrl, name);
  await recreateDatabase(server.serverUrl, name);
  await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
  await runOrFail("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
  await seedLarge(url, { units, resolutions: units * 4, reports: units * 20 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = Date.now();
  // Ten years of edits: spread over provinces, record types and actions.
  await client.query(`
    insert into "AuditEvent" (id, "actorId", "provinceId", action, "entityType", "entityId", before, after, "createdAt")
    select 'lgae' || i, null, 'lgp' || (i % 31),
      (array['unit.update','resolution.report','meeting.held','agency.update'])[1 + i % 4],
      (array['ProductionUnit','Resolution','Meeting','Agency'])[1 + i % 4],
      'lgu' || (i % ${units}),
      jsonb_build_object('employees', i % 300), jsonb_build_object('employees', (i + 7) % 300),
      now() - (i * interval '5 minutes')
    from generate_series(1, ${AUDIT_EVENTS}) i;
    analyze "AuditEvent";`);
  console.log(`[bench] ${AUDIT_EVENTS.toLocaleString("en")} audit events (${Date.now() - t0} ms)`);
  await client.end();

  process.env.DATABASE_URL = url;
  const { compareProvinces } = await import("../lib/provinces/queries");
  const { listAuditEvents } = await import("../lib/audit/queries");
  const { apiResolutions, apiUnits } = await import("../lib/api/resources");
  const { translator } = await import("../lib/i18n/messages");
  const { db } = await import("../lib/db");
  const t = translator("en");
  const time = async (label: string, run: () => Promise<unknown>) => {
    const { median, min, max } = await measure(run);
    const line = `${units.toLocaleString("en")} units · ${label}: median ${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
    console.log(line);
    results.push(line);
  };
  const national = { id: "bench", roles: ["SECRETARIAT"] as const, agencyId: null, provinceId: null };
  const provincial = { ...national, provinceId: "lgp0" };
  const reader = {
    id: "bench",
    roles: ["MEMBER"] as const,
    agencyId: null,
    provinceId: "lgp0",
    readOnly: true,
  };
  await time("province comparison, all time", () =>
    compareProvinces(national, { sort: "overdue", dir: "desc" }),
  );
  await time("province comparison, one year", () =>
    compareProvinces(national, { from: "2024-03-20", to: "2025-03-20", sort: "onTime", dir: "asc" }),
  );
  await time("audit trail, national, first page", () => listAuditEvents(national, {}));
  await time("audit trail, one province, record type", () =>
    listAuditEvents(provincial, { entityType: "ProductionUnit" }),
  );
  await time("audit trail, one record", () => listAuditEvents(national, { entityId: "lgu42" }));
  const page1 = await listAuditEvents(national, {});
  await time("audit trail, national, next page by cursor", () =>
    listAuditEvents(national, { cursor: page1.nextCursor ?? undefined }),
  );
  await time("API resolutions, one province, 50 overdue", () =>
    apiResolutions(reader, { overdue: "true", limit: 50 }, t),
  );
  await time("API units, one province, 200", () => apiUnits(reader, { limit: 200 }, t));
  await db.$disconnect();
} finally {
  await server.stop();
}
console.log(`\n${results.join("\n")}`);
