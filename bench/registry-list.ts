// How the registry's lists and search behave at national size (decision 132: ~50,000 units).
// Fills the first province of DATABASE_URL up to 50,000 units and 100,000 obstacles with one
// SQL insert each, then times the same query functions the pages call.
//   DATABASE_URL=… node --conditions=react-server --import tsx bench/registry-list.ts
// Use a scratch database: the rows it adds are not removed.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { listUnits } from "@/lib/units/queries";
import { unitFiltersSchema } from "@/lib/units/schema";
import { listObstacles } from "@/lib/obstacles/queries";
import { obstacleFiltersSchema } from "@/lib/obstacles/schema";
import { searchRegistry } from "@/lib/search/queries";
import { measure } from "./measure";

const UNITS = 50_000;
const province = await db.province.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
const counties = await db.county.findMany({ where: { provinceId: province.id }, select: { id: true } });
const category = await db.obstacleCategory.findFirstOrThrow({ where: { parentId: null } });
const have = await db.productionUnit.count({ where: { provinceId: province.id } });
if (have < UNITS) {
  const started = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO "ProductionUnit" (id, "provinceId", "countyId", name, "nameNormalized", "nationalId", sector, status, employees, "industrialPark", "createdAt", "updatedAt")
     SELECT 'bench-u-' || g, $1, ($2::text[])[1 + g % array_length($2::text[], 1)],
            w || ' ' || g, w || ' ' || g, (80000000000 + g)::text,
            (ARRAY['INDUSTRIAL','MINING','AGRICULTURAL','SERVICES'])[1 + g % 4]::"Sector",
            (ARRAY['ACTIVE','SEMI_ACTIVE','IDLE','CLOSED','UNDER_CONSTRUCTION'])[1 + g % 5]::"OperatingStatus",
            g % 700, CASE WHEN g % 3 = 0 THEN 'شهرک صنعتی ' || (g % 40) END, now(), now()
     FROM generate_series(1, $3::int) g,
          LATERAL (SELECT (ARRAY['فولاد','کاشی و سرامیک','صنایع غذایی','پسته','سیمان','معدن مس','لبنیات','آجر','نساجی','قطعات خودرو'])[1 + g % 10] AS w) words`,
    province.id,
    counties.map((c) => c.id),
    UNITS - have,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Obstacle" (id, "provinceId", "unitId", "categoryId", description, "descriptionNormalized", status, "createdAt", "updatedAt")
     SELECT 'bench-o-' || g, $1, 'bench-u-' || (1 + g % $3::int), $2, d || ' شماره ' || g, d || ' شماره ' || g,
            (ARRAY['REGISTERED','IN_COMMITTEE','REFERRED','DECIDED','RESOLVED','WITHDRAWN'])[1 + g % 6]::"ObstacleStatus", now() - (g || ' minutes')::interval, now()
     FROM generate_series(1, $3::int * 2) g,
          LATERAL (SELECT (ARRAY['درخواست امهال اقساط تسهیلات','کمبود سهمیه گاز','توقف استعلام منابع طبیعی','بدهی حق بیمه','مالیات علی‌الرأس'])[1 + g % 5] AS d) texts`,
    province.id,
    category.id,
    UNITS - have,
  );
  await db.$executeRawUnsafe(`ANALYZE "ProductionUnit"; `);
  await db.$executeRawUnsafe(`ANALYZE "Obstacle"; `);
  console.log(
    `inserted ${UNITS - have} units and ${(UNITS - have) * 2} obstacles in ${Math.round(performance.now() - started)} ms`,
  );
}

const actor: Actor = { id: "bench", roles: ["SECRETARIAT"], agencyId: null, provinceId: province.id };
async function time(label: string, run: () => Promise<unknown>) {
  const { median, max } = await measure(run);
  console.log(`${label.padEnd(48)} median ${median.toFixed(1)} ms  (max ${max.toFixed(1)} ms)`);
}
const units = (f: Record<string, string>) => () => listUnits(actor, unitFiltersSchema.parse(f));
const obstacles = (f: Record<string, string>) => () => listObstacles(actor, obstacleFiltersSchema.parse(f));

console.log(
  `units in province: ${await db.productionUnit.count({ where: { provinceId: province.id } })}, obstacles: ${await db.obstacle.count({ where: { provinceId: province.id } })}`,
);
await time("units, page 1, by name", units({}));
await time("units, page 1000, by name", units({ page: "1000" }));
await time("units, one county + open obstacles", units({ countyId: counties[0]?.id ?? "", open: "yes" }));
await time(
  "units, sector + status, by employees desc",
  units({ sector: "MINING", status: "IDLE", sort: "employees", dir: "desc" }),
);
await time("units, search 'سرامیک 4999' (trigram)", units({ q: "سرامیک 4999" }));
await time("units, search Arabic 'كاشي' (many hits)", units({ q: "كاشي" }));
await time("units, sort by obstacle count", units({ sort: "obstacles", dir: "desc" }));
await time("obstacles, page 1", obstacles({}));
await time("obstacles, open + text 'سهمیه گاز'", obstacles({ open: "yes", q: "سهمیه گاز" }));
await time("search box 'شماره 12345'", () => searchRegistry(actor, "شماره 12345"));
await time("search box national id prefix '800000123'", () => searchRegistry(actor, "800000123"));
await db.$disconnect();
