-- CreateIndex
CREATE INDEX "ProductionUnit_archivedAt_name_id_idx" ON "ProductionUnit"("archivedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Resolution_provinceId_deadline_id_idx" ON "Resolution"("provinceId", "deadline", "id");

-- CreateIndex
CREATE INDEX "Resolution_deadline_id_idx" ON "Resolution"("deadline", "id");

-- CreateIndex
CREATE INDEX "Resolution_provinceId_createdAt_idx" ON "Resolution"("provinceId", "createdAt");

-- CreateIndex
CREATE INDEX "Resolution_createdAt_idx" ON "Resolution"("createdAt");

-- CreateIndex
CREATE INDEX "Resolution_verifiedAt_idx" ON "Resolution"("verifiedAt");

-- The provincial unit list's index gains the id: a page's ids come off the index alone.
DROP INDEX "ProductionUnit_provinceId_archivedAt_name_idx";
CREATE INDEX "ProductionUnit_provinceId_archivedAt_name_id_idx" ON "ProductionUnit"("provinceId", "archivedAt", "name", "id");
