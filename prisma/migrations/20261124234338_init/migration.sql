-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('GOVERNMENT', 'BANK', 'COMPANY', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SECRETARIAT', 'CHAIR', 'AGENCY', 'MEMBER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('fa', 'en');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('INDUSTRIAL', 'MINING', 'AGRICULTURAL', 'SERVICES');

-- CreateEnum
CREATE TYPE "OperatingStatus" AS ENUM ('ACTIVE', 'SEMI_ACTIVE', 'IDLE', 'CLOSED', 'UNDER_CONSTRUCTION');

-- CreateEnum
CREATE TYPE "ObstacleStatus" AS ENUM ('REGISTERED', 'IN_COMMITTEE', 'REFERRED', 'DECIDED', 'RESOLVED', 'UNRESOLVABLE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "BodyKind" AS ENUM ('WORKING_GROUP', 'COMMITTEE');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'MINUTES_APPROVED');

-- CreateEnum
CREATE TYPE "AgendaOutcome" AS ENUM ('SETTLED', 'REFERRED', 'MORE_DOCUMENTS', 'DECIDED');

-- CreateEnum
CREATE TYPE "AttendanceMode" AS ENUM ('HEAD', 'REPRESENTATIVE', 'ABSENT');

-- CreateEnum
CREATE TYPE "ResolutionStatus" AS ENUM ('ISSUED', 'IN_PROGRESS', 'DONE_REPORTED', 'VERIFIED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Province" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameFa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "County" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "nameFa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "County_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObstacleCategory" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "parentId" TEXT,
    "nameFa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ObstacleCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "nameFa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameNormalized" TEXT NOT NULL,
    "headName" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "agencyId" TEXT,
    "provinceId" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'fa',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductionUnit" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameNormalized" TEXT NOT NULL,
    "nationalId" TEXT,
    "sector" "Sector" NOT NULL,
    "activity" TEXT,
    "industrialPark" TEXT,
    "status" "OperatingStatus" NOT NULL,
    "employees" INTEGER,
    "capacityUsePct" INTEGER,
    "managerName" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProductionUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitStatusChange" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "fromStatus" "OperatingStatus",
    "toStatus" "OperatingStatus" NOT NULL,
    "changedOn" DATE NOT NULL,
    "reason" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Obstacle" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "subCategoryId" TEXT,
    "description" TEXT NOT NULL,
    "amountRials" BIGINT,
    "status" "ObstacleStatus" NOT NULL DEFAULT 'REGISTERED',
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Obstacle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObstacleAgency" (
    "obstacleId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "ObstacleAgency_pkey" PRIMARY KEY ("obstacleId","agencyId")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "obstacleId" TEXT,
    "progressReportId" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "kind" "BodyKind" NOT NULL,
    "nameFa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "chairName" TEXT,
    "secretaryName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyMember" (
    "bodyId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "BodyMember_pkey" PRIMARY KEY ("bodyId","agencyId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "jalaliYear" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "minutesApprovedAt" TIMESTAMPTZ(3),
    "minutesApprovedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "presenter" TEXT,
    "outcome" "AgendaOutcome",
    "notes" TEXT,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItemObstacle" (
    "agendaItemId" TEXT NOT NULL,
    "obstacleId" TEXT NOT NULL,

    CONSTRAINT "AgendaItemObstacle_pkey" PRIMARY KEY ("agendaItemId","obstacleId")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "meetingId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "mode" "AttendanceMode" NOT NULL,
    "attendeeName" TEXT,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("meetingId","agencyId")
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "text" TEXT NOT NULL,
    "responsibleAgencyId" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "ResolutionStatus" NOT NULL DEFAULT 'ISSUED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "doneReportedAt" TIMESTAMPTZ(3),
    "verifiedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Resolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResolutionObstacle" (
    "resolutionId" TEXT NOT NULL,
    "obstacleId" TEXT NOT NULL,

    CONSTRAINT "ResolutionObstacle_pkey" PRIMARY KEY ("resolutionId","obstacleId")
);

-- CreateTable
CREATE TABLE "ResolutionSupportingAgency" (
    "resolutionId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,

    CONSTRAINT "ResolutionSupportingAgency_pkey" PRIMARY KEY ("resolutionId","agencyId")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "authorId" TEXT,
    "note" TEXT NOT NULL,
    "fromStatus" "ResolutionStatus" NOT NULL,
    "toStatus" "ResolutionStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "requestedById" TEXT,
    "previousDeadline" DATE NOT NULL,
    "requestedDeadline" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "provinceId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "County_provinceId_nameFa_key" ON "County"("provinceId", "nameFa");

-- CreateIndex
CREATE UNIQUE INDEX "ObstacleCategory_code_key" ON "ObstacleCategory"("code");

-- CreateIndex
CREATE INDEX "ObstacleCategory_parentId_idx" ON "ObstacleCategory"("parentId");

-- CreateIndex
CREATE INDEX "Agency_provinceId_kind_idx" ON "Agency"("provinceId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_provinceId_nameNormalized_key" ON "Agency"("provinceId", "nameNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- CreateIndex
CREATE INDEX "User_provinceId_idx" ON "User"("provinceId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProductionUnit_nationalId_key" ON "ProductionUnit"("nationalId");

-- CreateIndex
CREATE INDEX "ProductionUnit_provinceId_archivedAt_name_idx" ON "ProductionUnit"("provinceId", "archivedAt", "name");

-- CreateIndex
CREATE INDEX "ProductionUnit_provinceId_countyId_idx" ON "ProductionUnit"("provinceId", "countyId");

-- CreateIndex
CREATE INDEX "ProductionUnit_provinceId_sector_idx" ON "ProductionUnit"("provinceId", "sector");

-- CreateIndex
CREATE INDEX "ProductionUnit_provinceId_status_idx" ON "ProductionUnit"("provinceId", "status");

-- CreateIndex
CREATE INDEX "UnitStatusChange_unitId_changedOn_idx" ON "UnitStatusChange"("unitId", "changedOn");

-- CreateIndex
CREATE INDEX "UnitStatusChange_toStatus_changedOn_idx" ON "UnitStatusChange"("toStatus", "changedOn");

-- CreateIndex
CREATE INDEX "Obstacle_unitId_status_idx" ON "Obstacle"("unitId", "status");

-- CreateIndex
CREATE INDEX "Obstacle_provinceId_status_createdAt_idx" ON "Obstacle"("provinceId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Obstacle_provinceId_categoryId_idx" ON "Obstacle"("provinceId", "categoryId");

-- CreateIndex
CREATE INDEX "ObstacleAgency_agencyId_idx" ON "ObstacleAgency"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_obstacleId_idx" ON "Attachment"("obstacleId");

-- CreateIndex
CREATE INDEX "Attachment_progressReportId_idx" ON "Attachment"("progressReportId");

-- CreateIndex
CREATE UNIQUE INDEX "Body_provinceId_kind_key" ON "Body"("provinceId", "kind");

-- CreateIndex
CREATE INDEX "Meeting_provinceId_startsAt_idx" ON "Meeting"("provinceId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_bodyId_jalaliYear_number_key" ON "Meeting"("bodyId", "jalaliYear", "number");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_unitId_idx" ON "AgendaItem"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_unitId_key" ON "AgendaItem"("meetingId", "unitId");

-- CreateIndex
CREATE INDEX "AgendaItemObstacle_obstacleId_idx" ON "AgendaItemObstacle"("obstacleId");

-- CreateIndex
CREATE INDEX "Attendance_agencyId_idx" ON "Attendance"("agencyId");

-- CreateIndex
CREATE INDEX "Resolution_responsibleAgencyId_status_deadline_idx" ON "Resolution"("responsibleAgencyId", "status", "deadline");

-- CreateIndex
CREATE INDEX "Resolution_provinceId_status_deadline_idx" ON "Resolution"("provinceId", "status", "deadline");

-- CreateIndex
CREATE INDEX "Resolution_meetingId_idx" ON "Resolution"("meetingId");

-- CreateIndex
CREATE INDEX "Resolution_unitId_idx" ON "Resolution"("unitId");

-- CreateIndex
CREATE INDEX "ResolutionObstacle_obstacleId_idx" ON "ResolutionObstacle"("obstacleId");

-- CreateIndex
CREATE INDEX "ResolutionSupportingAgency_agencyId_idx" ON "ResolutionSupportingAgency"("agencyId");

-- CreateIndex
CREATE INDEX "ProgressReport_resolutionId_createdAt_idx" ON "ProgressReport"("resolutionId", "createdAt");

-- CreateIndex
CREATE INDEX "ExtensionRequest_resolutionId_createdAt_idx" ON "ExtensionRequest"("resolutionId", "createdAt");

-- CreateIndex
CREATE INDEX "ExtensionRequest_status_idx" ON "ExtensionRequest"("status");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "County" ADD CONSTRAINT "County_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObstacleCategory" ADD CONSTRAINT "ObstacleCategory_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ObstacleCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionUnit" ADD CONSTRAINT "ProductionUnit_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionUnit" ADD CONSTRAINT "ProductionUnit_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStatusChange" ADD CONSTRAINT "UnitStatusChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStatusChange" ADD CONSTRAINT "UnitStatusChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ObstacleCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_subCategoryId_fkey" FOREIGN KEY ("subCategoryId") REFERENCES "ObstacleCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObstacleAgency" ADD CONSTRAINT "ObstacleAgency_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObstacleAgency" ADD CONSTRAINT "ObstacleAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_progressReportId_fkey" FOREIGN KEY ("progressReportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_minutesApprovedById_fkey" FOREIGN KEY ("minutesApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemObstacle" ADD CONSTRAINT "AgendaItemObstacle_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemObstacle" ADD CONSTRAINT "AgendaItemObstacle_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ProductionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_responsibleAgencyId_fkey" FOREIGN KEY ("responsibleAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionObstacle" ADD CONSTRAINT "ResolutionObstacle_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionObstacle" ADD CONSTRAINT "ResolutionObstacle_obstacleId_fkey" FOREIGN KEY ("obstacleId") REFERENCES "Obstacle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionSupportingAgency" ADD CONSTRAINT "ResolutionSupportingAgency_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionSupportingAgency" ADD CONSTRAINT "ResolutionSupportingAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
