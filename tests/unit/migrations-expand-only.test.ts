// Upgrades replace instances one at a time (docs/deploy.md "Upgrades without downtime"): while
// they run, the old release still reads the database the new release's migrations changed. So
// a migration may only add (expand); dropping or renaming what a release reads (contract)
// comes one release later, in a migration that says so with a `-- contract:` line naming the
// release that stopped reading it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractSteps } from "@/scripts/migration-check";

const DIR = "prisma/migrations";
const migrations = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("migrations are expand-only", () => {
  it.each(migrations)(
    "%s drops or renames nothing a running release reads, or says it is a contract step",
    (name) => {
      const sql = readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
      expect(contractSteps(name, sql)).toEqual([]);
    },
  );

  it("the check finds a dropped column, a renamed table, a changed type and a dropped table", () => {
    const found = contractSteps(
      "20990101000000_example",
      `ALTER TABLE "Unit" DROP COLUMN "phone";
ALTER TABLE "Unit" RENAME TO "ProductionUnit";
ALTER TABLE "Unit" RENAME COLUMN "a" TO "b";
ALTER TABLE "Unit" ALTER COLUMN "employees" SET DATA TYPE BIGINT;
DROP TABLE "Old";
DROP TYPE "Kind";
ALTER TYPE "Kind" RENAME VALUE 'A' TO 'B';
ALTER TABLE "Unit" ADD COLUMN "kind" TEXT NOT NULL;`,
    );
    expect(found).toHaveLength(8);
  });

  it("lets through an index drop, a table made and dropped in the same migration, and a marked contract step", () => {
    expect(contractSteps("x", `DROP INDEX "a_idx";\nCREATE INDEX "b_idx" ON "T"("c");`)).toEqual([]);
    expect(contractSteps("x", `ALTER TABLE "Unit" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'A';`)).toEqual([]);
    expect(contractSteps("x", `ALTER TABLE "Unit" ADD COLUMN "kind" TEXT DEFAULT 'A' NOT NULL;`)).toEqual([]);
    expect(contractSteps("x", `CREATE TEMP TABLE "_tmp" AS SELECT 1;\nDROP TABLE "_tmp";`)).toEqual([]);
    expect(
      contractSteps(
        "x",
        `-- contract: release 2027-01 no longer reads "Unit"."phone"\nALTER TABLE "Unit" DROP COLUMN "phone";`,
      ),
    ).toEqual([]);
  });
});
