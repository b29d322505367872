// Read routing with DATABASE_REPLICA_URL (lib/db-read.ts). The "replica" here is a second,
// migrated but empty database on the same server: it never receives the primary's writes, so
// it behaves like a replica that lags forever, and where a read was served shows in what it
// returns. What this proves: which server each query reaches, and the fallbacks. What it does
// not: streaming replication itself (a real primary + pg_basebackup replica runs in
// `npm run cluster` and the fault check, bench/fault.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeText } from "@/lib/i18n/normalize";
import { recreateDatabase, withDatabaseName } from "@/scripts/db";
import { createActor, createProvince, t } from "../support/fixtures";

const serverUrl = withDatabaseName(process.env.DATABASE_URL ?? "", "postgres");
const replicaName = `${process.env.TEST_DB_PREFIX ?? "tashil"}_replica`;
const replicaUrl = withDatabaseName(serverUrl, replicaName);
// Nothing listens on port 1: a replica that is down.
const deadUrl = withDatabaseName("postgresql://postgres@127.0.0.1:1/x", replicaName);

// Set before lib/db-read is first imported: the query modules then use the configured dbRead.
process.env.DATABASE_REPLICA_URL = replicaUrl;
const { ReplicaGate, createReadClient, dbRead } = await import("@/lib/db-read");
const { listUnits } = await import("@/lib/units/queries");
const { createUnit } = await import("@/lib/units/mutations");
const { unitFiltersSchema } = await import("@/lib/units/schema");

let replica: PrismaClient;
let dead: PrismaClient;
let provinceId: string;
let unitName: string;
let secretariat: Awaited<ReturnType<typeof createActor>>;
const opened: PrismaClient[] = [];

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["node_modules/prisma/build/index.js", "migrate", "deploy"],
      { env: { ...process.env, DATABASE_URL: url } },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(output))));
  });
}

/** The province as each server sees it: is the primary's row on the one that answered? */
const provinceSeenBy = async (client: PrismaClient) =>
  (await client.province.findUnique({ where: { id: provinceId }, select: { id: true } })) !== null;
const rawSeenBy = async (client: PrismaClient) =>
  (
    await client.$queryRaw<
      { n: number }[]
    >`select count(*)::int as n from "Province" where id = ${provinceId}`
  )[0]?.n === 1;

beforeAll(async () => {
  await recreateDatabase(serverUrl, replicaName);
  await migrate(replicaUrl);
  replica = createPrismaClient(replicaUrl);
  dead = createPrismaClient(deadUrl, 500);
  opened.push(replica, dead);
  provinceId = (await createProvince()).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
  const county = await db.county.create({ data: { provinceId, nameFa: "رفسنجان", nameEn: "Rafsanjan" } });
  unitName = "پسته رفسنجان";
  await db.productionUnit.create({
    data: {
      provinceId,
      countyId: county.id,
      name: unitName,
      nameNormalized: normalizeText(unitName),
      sector: "AGRICULTURAL",
      status: "ACTIVE",
    },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((c) => c.$disconnect()));
  await dbRead.$disconnect();
  const admin = createPrismaClient(serverUrl);
  await admin.$executeRawUnsafe(`drop database if exists "${replicaName}" with (force)`);
  await admin.$disconnect();
});

describe("reads through dbRead", () => {
  it("serves a register from the replica and keeps mutations, checks included, on the primary", async () => {
    const filters = unitFiltersSchema.parse({});
    // The register (lib/units/queries.ts) reads the replica, which has not got the unit.
    expect((await listUnits(secretariat, filters)).total).toBe(0);
    expect(await provinceSeenBy(db)).toBe(true);
    // A mutation reads what it checks (the county, duplicates) and writes on the primary:
    // with a stale replica it still finds the county and stores the unit where it belongs.
    const county = await db.county.findFirstOrThrow({ where: { provinceId } });
    const created = await createUnit(
      secretariat,
      { name: "کارخانه قند", countyId: county.id, sector: "INDUSTRIAL", status: "ACTIVE" },
      t,
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(await db.productionUnit.count({ where: { provinceId } })).toBe(2);
    expect(await replica.productionUnit.count({ where: { provinceId } })).toBe(0);
  });

  it("sends a user's reads to the primary right after their own write", async () => {
    let ownWrite = false;
    const gate = new ReplicaGate(replica, 10, async () => 0, 0);
    const reads = createReadClient({ primary: db, replica, gate, preferPrimary: async () => ownWrite });
    expect(await provinceSeenBy(reads)).toBe(false);
    expect(await rawSeenBy(reads)).toBe(false);
    ownWrite = true; // the cookie the actions set (lib/action.ts → markOwnWrite)
    expect(await provinceSeenBy(reads)).toBe(true);
    expect(await rawSeenBy(reads)).toBe(true);
  });

  it("writes and transactions through dbRead still go to the primary", async () => {
    const gate = new ReplicaGate(replica, 10, async () => 0, 0);
    const reads = createReadClient({ primary: db, replica, gate });
    const agency = await reads.agency.create({
      data: { provinceId, kind: "GOVERNMENT", nameFa: "بانک", nameEn: "Bank", nameNormalized: "بانک" },
    });
    expect(await db.agency.findUnique({ where: { id: agency.id } })).not.toBeNull();
    // Inside a transaction every read stays with the transaction, on the primary.
    expect(await reads.$transaction(async (tx) => tx.agency.count({ where: { id: agency.id } }))).toBe(1);
  });

  it("falls back to the primary while the replica lags beyond the bound, and returns after", async () => {
    let lag: number | null = 30;
    const gate = new ReplicaGate(replica, 10, async () => lag, 0);
    const reads = createReadClient({ primary: db, replica, gate });
    expect(await provinceSeenBy(reads)).toBe(true);
    expect(await rawSeenBy(reads)).toBe(true);
    lag = null; // a replica that has replayed nothing yet
    expect(await provinceSeenBy(reads)).toBe(true);
    lag = 2;
    expect(await provinceSeenBy(reads)).toBe(false);
    expect(await rawSeenBy(reads)).toBe(false);
  });

  it("measures the lag of a server that is not in recovery as none", async () => {
    const gate = new ReplicaGate(replica, 10, undefined, 0);
    expect(await gate.usable()).toBe(true);
  });

  it("falls back to the primary when the replica is down, found by the check or by a failing query", async () => {
    const checked = createReadClient({ primary: db, replica: dead, gate: new ReplicaGate(dead, 10) });
    expect(await provinceSeenBy(checked)).toBe(true);
    expect(await rawSeenBy(checked)).toBe(true);
    // A gate that still believes the replica is fine: the query fails and is re-run on the primary.
    const stale = createReadClient({
      primary: db,
      replica: dead,
      gate: new ReplicaGate(dead, 10, async () => 0, 60_000),
    });
    expect(await provinceSeenBy(stale)).toBe(true);
    expect(await rawSeenBy(stale)).toBe(true);
  });
});
