-- Trigram search on normalised text (lib/i18n/normalize.ts). pg_trgm ships with PostgreSQL's contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'OUTBOX');

-- DropIndex
DROP INDEX "ProductionUnit_provinceId_countyId_idx";

-- AlterTable
ALTER TABLE "Obstacle" ADD COLUMN     "descriptionNormalized" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "userId" TEXT,
    "provinceId" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "EmailMessage_userId_createdAt_idx" ON "EmailMessage"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_eventKey_toEmail_key" ON "EmailMessage"("eventKey", "toEmail");

-- CreateIndex
CREATE INDEX "Agency_nameNormalized_idx" ON "Agency" USING GIN ("nameNormalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Obstacle_descriptionNormalized_idx" ON "Obstacle" USING GIN ("descriptionNormalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ProductionUnit_provinceId_countyId_nameNormalized_idx" ON "ProductionUnit"("provinceId", "countyId", "nameNormalized");

-- CreateIndex
CREATE INDEX "ProductionUnit_nameNormalized_idx" ON "ProductionUnit" USING GIN ("nameNormalized" gin_trgm_ops);
