-- Issue #36: how a unit's case ended (closed by the secretariat with its outcome). Expand-only.
-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('RESOLVED_PRODUCING', 'RESOLVED_IDLE', 'NOT_POSSIBLE');

-- CreateTable
CREATE TABLE "CaseClosure" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "outcome" "CaseOutcome" NOT NULL,
    "reason" TEXT,
    "closedOn" DATE NOT NULL,
    "closedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseClosure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseClosure_unitId_createdAt_idx" ON "CaseClosure"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseClosure_provinceId_closedOn_idx" ON "CaseClosure"("provinceId", "closedOn");

-- AddForeignKey
ALTER TABLE "CaseClosure" ADD CONSTRAINT "CaseClosure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The dashboard counts the outcomes: kept figures hear of changes (docs/decisions/130).
CREATE TRIGGER figures_changed_insert AFTER INSERT ON "CaseClosure" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
CREATE TRIGGER figures_changed_update AFTER UPDATE ON "CaseClosure" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
CREATE TRIGGER figures_changed_delete AFTER DELETE ON "CaseClosure" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed('select distinct c."provinceId" from changed c');
