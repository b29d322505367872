// `npm run bench`: server time of the dashboard's queries at 5,000 and 50,000 units
// (a national deployment, decision 132). For each size: a fresh database, the demo
// seed, the large generator, then each dashboard load timed 5 times; the median is printed
// for a provincial secretariat (one province, ~1/31 of the rows) and a national viewer.
// Needs a PostgreSQL server: BENCH_DATABASE_URL, DATABASE_URL, or the embedded one.
// Run with: tsx --conditions=react-server bench/dashboard.ts [sizes…]
import { ensureDatabaseServer, recreateDatabase, withDatabaseName } from "../scripts/db";
import { runOrFail } from "../scripts/process";
import { seedLarge } from "../scripts/seed-large";
import { measure } from "./measure";

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const server = await ensureDatabaseServer(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL);
const results: string[] = [];
try {
  for (const units of sizes.length ? sizes : [5_000, 50_000]) {
    const name = `tashil_bench_${units}`;
    const url = withDatabaseName(server.serverUrl, name);
    await recreateDatabase(server.serverUrl, name);
    await runOrFail("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
    await runOrFail("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
    await seedLarge(url, { units, resolutions: units * 4, reports: units * 20 });

    // The app's modules read DATABASE_URL when first imported; load them per database.
    process.env.DATABASE_URL = url;
    const { loadDashboard } = await import(`../lib/dashboard/queries.ts?db=${name}`);
    const { db } = await import("../lib/db");
    const time = async (label: string, run: () => Promise<unknown>) => {
      const { median, min, max } = await measure(run);
      const line = `${units.toLocaleString("en")} units · ${label}: median ${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
      console.log(line);
      results.push(line);
    };
    const provincial = { id: "bench", roles: ["SECRETARIAT"] as const, agencyId: null, provinceId: "lgp0" };
    const national = { ...provincial, provinceId: null };
    await time("dashboard, one province", () => loadDashboard(provincial, {}, "onTime"));
    await time("dashboard, one province, filtered by sector", () =>
      loadDashboard(provincial, { sector: "INDUSTRIAL" }, "onTime"),
    );
    await time("dashboard, national", () => loadDashboard(national, {}, "onTime"));
    await db.$disconnect();
  }
} finally {
  await server.stop();
}
console.log(`\n${results.join("\n")}`);
