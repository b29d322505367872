-- CreateIndex
CREATE INDEX "Obstacle_provinceId_createdAt_id_idx" ON "Obstacle"("provinceId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Obstacle_createdAt_id_idx" ON "Obstacle"("createdAt" DESC, "id");
