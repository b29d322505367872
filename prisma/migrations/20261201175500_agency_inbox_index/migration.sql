-- DropIndex
DROP INDEX "Resolution_responsibleAgencyId_status_deadline_idx";

-- CreateIndex
CREATE INDEX "Resolution_responsibleAgencyId_provinceId_status_deadline_i_idx" ON "Resolution"("responsibleAgencyId", "provinceId", "status", "deadline", "id");
