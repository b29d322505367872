// `npm run bench:import`: a 5,000-row sheet through the import, step by step, in a fresh
// database with the demo data (Kerman). Prints the time of each step and how long the event
// loop was held (the longest stall another request on this instance would wait), plus the
// worst latency of a small query run every 50 ms meanwhile (a stand-in for other users).
// Needs a PostgreSQL server: BENCH_DATABASE_URL, DATABASE_URL, or the embedded one.
// Run with: tsx --conditions=react-server bench/import.ts [rows]
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { ensureDatabaseServer, recreateDatabase, withDatabaseName } from "../scripts/db";
import { runOrFail } from "../scripts/process";

const ROWS = Number(process.argv[2] ?? 5000);
const server = await ensureDatabaseServer(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL);
const name = `${process.env.TEST_DB_PREFIX ?? "tashil"}_bench_import`;
const url = withDatabaseName(server.serverUrl, name);
await recreateDatabase(server.serverUrl, name);
await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
await runOrFail("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
process.env.DATABASE_URL = url;
const { db } = await import("../lib/db");
const { uploadImport, checkImport, importNextChunk } = await import("../lib/units/import");
const { translator } = await import("../lib/i18n/messages");
const t = translator("fa");

const user = await db.user.findUniqueOrThrow({ where: { email: "secretariat@tashil.demo" } });
const actor = { id: user.id, roles: user.roles, agencyId: null, provinceId: user.provinceId };
const province = await db.province.findUniqueOrThrow({ where: { code: "KRM" }, include: { counties: true } });
const categories = await db.obstacleCategory.findMany({ where: { parentId: null } });
const agencies = await db.agency.findMany({ where: { provinceId: province.id }, take: 5 });

// The sheet: 80% of units once, the rest twice (a second obstacle), 3% of rows with an error,
// Persian digits and separators, amounts in digits and in «میلیون».
const fa = (s: string | number) => String(s).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet("واحدها");
ws.addRow([
  "نام شرکت",
  "شناسه ملی",
  "شهرستان",
  "وضعیت",
  "بخش",
  "کارکنان",
  "نوع مشکل",
  "شرح مشکل",
  "مبلغ",
  "دستگاه مرتبط",
]);
const statuses = ["فعال", "نیمه فعال", "راکد", "تعطیل", "در حال ساخت"];
const sectors = ["صنعتی", "معدنی", "کشاورزی", "خدماتی"];
for (let i = 0; i < ROWS; i++) {
  const unit = i < ROWS * 0.8 ? i : i - Math.floor(ROWS * 0.8);
  const bad = i % 33 === 7;
  ws.addRow([
    `واحد آزمایشی ${fa(unit)}`,
    fa(70_000_000_000 + unit),
    bad ? "شهر خیالی" : (province.counties[unit % province.counties.length]?.nameFa ?? ""),
    statuses[unit % statuses.length],
    sectors[unit % sectors.length],
    fa(10 + (unit % 300)),
    categories[i % categories.length]?.nameFa ?? "",
    `شرح مانع شماره ${fa(i)} برای واحد ${fa(unit)}`,
    i % 2
      ? `${fa(100 + (i % 900))} میلیون`
      : fa((1_000_000 * (i + 1)).toLocaleString("en")).replace(/,/g, "٬"),
    agencies[i % agencies.length]?.nameFa ?? "",
  ]);
}
const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
const file = new File([bytes], "bench.xlsx");
console.log(`sheet: ${ROWS} rows, ${(bytes.byteLength / 1024).toFixed(0)} KB`);

/** Runs `work` while sampling event-loop delay and a small query's latency every 50 ms. */
async function observed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let worstQuery = 0;
  let stop = false;
  const prober = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await db.productionUnit.count({ where: { provinceId: province.id, status: "ACTIVE" } });
      worstQuery = Math.max(worstQuery, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  loop.enable();
  const t0 = performance.now();
  const result = await work();
  const elapsed = performance.now() - t0;
  loop.disable();
  stop = true;
  await prober;
  console.log(
    `${label.padEnd(34)} ${(elapsed / 1000).toFixed(2).padStart(6)} s   event loop held ≤ ${(loop.max / 1e6).toFixed(0)} ms (p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms)   other query worst ${worstQuery.toFixed(0)} ms`,
  );
  return result;
}

async function runOnce(label: string) {
  const upload = await observed(`${label}: read + store`, () => uploadImport(actor, file, t));
  if (!upload.ok || !upload.batchId) throw new Error(upload.message);
  const mapping = (upload.columns ?? []).map((c) => c.proposed ?? "");
  const check = await observed(`${label}: check (preview)`, () =>
    checkImport(actor, { batchId: upload.batchId ?? "", mapping, remember: true }, t),
  );
  if (!check.ok) throw new Error(check.message);
  let chunks = 0;
  let slowest = 0;
  const done = await observed(`${label}: import`, async () => {
    for (;;) {
      const t0 = performance.now();
      const p = await importNextChunk(actor, upload.batchId ?? "", t);
      slowest = Math.max(slowest, performance.now() - t0);
      chunks++;
      if (!p.ok) throw new Error(p.message);
      if (p.finished) return p;
    }
  });
  console.log(`  ${chunks} requests, slowest ${slowest.toFixed(0)} ms; ${done.message}`);
}

try {
  await runOnce("first import");
  await runOnce("same sheet again");
} finally {
  await db.$disconnect();
  await server.stop();
}
