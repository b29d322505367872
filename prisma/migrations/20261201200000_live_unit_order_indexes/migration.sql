-- The unit list's name order on live units only (issue #15). With "archivedAt" as an index
-- column, PostgreSQL did not treat `"archivedAt" IS NULL` as fixing it, so no first page walked
-- the index: every request sorted all 50,000 units (32 ms nationally). Partial indexes on the
-- live units give the order directly, first page or last.

-- DropIndex
DROP INDEX "ProductionUnit_archivedAt_name_id_idx";

-- DropIndex
DROP INDEX "ProductionUnit_provinceId_archivedAt_name_id_idx";

-- CreateIndex
CREATE INDEX "ProductionUnit_live_provinceId_name_id_idx" ON "ProductionUnit"("provinceId", "name", "id") WHERE ("archivedAt" IS NULL);

-- CreateIndex
CREATE INDEX "ProductionUnit_live_name_id_idx" ON "ProductionUnit"("name", "id") WHERE ("archivedAt" IS NULL);
