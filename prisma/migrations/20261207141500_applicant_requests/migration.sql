-- CreateEnum
CREATE TYPE "ApplicantPosition" AS ENUM ('OWNER', 'MANAGER', 'REPRESENTATIVE');

-- CreateEnum
CREATE TYPE "UnitRequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'DOCUMENTS_REQUESTED', 'ACCEPTED', 'REJECTED', 'DUPLICATE');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'APPLICANT';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "unitRequestId" TEXT;

-- CreateTable
CREATE TABLE "ApplicantProfile" (
    "userId" TEXT NOT NULL,
    "nationalCode" TEXT NOT NULL,
    "position" "ApplicantPosition" NOT NULL,
    "unitNationalId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicantProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "signUp" JSONB,
    "ip" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitRequest" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "status" "UnitRequestStatus" NOT NULL DEFAULT 'DRAFT',
    "trackingCode" TEXT,
    "unitName" TEXT NOT NULL DEFAULT '',
    "unitNationalId" TEXT NOT NULL,
    "countyId" TEXT,
    "sector" "Sector",
    "operatingStatus" "OperatingStatus",
    "employees" INTEGER,
    "declaredAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "resubmittedAt" TIMESTAMPTZ(3),
    "documentsMessage" TEXT,
    "documentsRequestedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "unitId" TEXT,
    "duplicateOfUnitId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UnitRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitRequestObstacle" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "categoryId" TEXT NOT NULL,
    "subCategoryId" TEXT,
    "description" TEXT NOT NULL,
    "amountRials" BIGINT,
    "agencyIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "obstacleId" TEXT,

    CONSTRAINT "UnitRequestObstacle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApplicantProfile_unitNationalId_idx" ON "ApplicantProfile"("unitNationalId");

-- CreateIndex
CREATE INDEX "OneTimeCode_email_createdAt_idx" ON "OneTimeCode"("email", "createdAt");

-- CreateIndex
CREATE INDEX "OneTimeCode_ip_createdAt_idx" ON "OneTimeCode"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "UnitRequest_trackingCode_key" ON "UnitRequest"("trackingCode");

-- CreateIndex
CREATE INDEX "UnitRequest_applicantId_createdAt_idx" ON "UnitRequest"("applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "UnitRequest_provinceId_status_submittedAt_idx" ON "UnitRequest"("provinceId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "UnitRequest_unitId_idx" ON "UnitRequest"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitRequestObstacle_obstacleId_key" ON "UnitRequestObstacle"("obstacleId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitRequestObstacle_requestId_position_key" ON "UnitRequestObstacle"("requestId", "position");

-- CreateIndex
CREATE INDEX "Attachment_unitRequestId_idx" ON "Attachment"("unitRequestId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_unitRequestId_fkey" FOREIGN KEY ("unitRequestId") REFERENCES "UnitRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicantProfile" ADD CONSTRAINT "ApplicantProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequest" ADD CONSTRAINT "UnitRequest_duplicateOfUnitId_fkey" FOREIGN KEY ("duplicateOfUnitId") REFERENCES "ProductionUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequestObstacle" ADD CONSTRAINT "UnitRequestObstacle_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "UnitRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequestObstacle" ADD CONSTRAINT "UnitRequestObstacle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ObstacleCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequestObstacle" ADD CONSTRAINT "UnitRequestObstacle_subCategoryId_fkey" FOREIGN KEY ("subCategoryId") REFERENCES "ObstacleCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRequestObstacle" ADD CONSTRAINT "UnitRequestObstacle_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

