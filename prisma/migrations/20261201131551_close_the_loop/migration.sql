-- CreateEnum
CREATE TYPE "MailFrequency" AS ENUM ('IMMEDIATE', 'DAILY');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('SESSION', 'REASSIGNMENT');

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('PENDING', 'REASSIGNED', 'REJECTED');

-- CreateEnum
CREATE TYPE "FollowUpDecision" AS ENUM ('NEW_DEADLINE', 'REASSIGN', 'ESCALATE', 'NOTE');

-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN     "lastRemindedOn" DATE;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailFrequency" "MailFrequency" NOT NULL DEFAULT 'IMMEDIATE';

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provinceId" TEXT,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "mailedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL DEFAULT 'SESSION',
    "meetingId" TEXT,
    "jalaliYear" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" TEXT,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeItem" (
    "noticeId" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "followUp" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NoticeItem_pkey" PRIMARY KEY ("noticeId","resolutionId")
);

-- CreateTable
CREATE TABLE "ResolutionReturn" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "fromAgencyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "status" "ReturnStatus" NOT NULL DEFAULT 'PENDING',
    "toAgencyId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "disputeDays" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResolutionReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "daysLate" INTEGER NOT NULL DEFAULT 0,
    "agencyId" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "decision" "FollowUpDecision",
    "newDeadline" DATE,
    "newAgencyId" TEXT,
    "note" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_mailedAt_createdAt_idx" ON "Notification"("mailedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventKey_userId_key" ON "Notification"("eventKey", "userId");

-- CreateIndex
CREATE INDEX "Notice_agencyId_issuedAt_idx" ON "Notice"("agencyId", "issuedAt");

-- CreateIndex
CREATE INDEX "Notice_provinceId_acknowledgedAt_issuedAt_idx" ON "Notice"("provinceId", "acknowledgedAt", "issuedAt");

-- CreateIndex
CREATE INDEX "Notice_meetingId_idx" ON "Notice"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_provinceId_jalaliYear_number_key" ON "Notice"("provinceId", "jalaliYear", "number");

-- CreateIndex
CREATE INDEX "NoticeItem_resolutionId_idx" ON "NoticeItem"("resolutionId");

-- CreateIndex
CREATE INDEX "ResolutionReturn_resolutionId_createdAt_idx" ON "ResolutionReturn"("resolutionId", "createdAt");

-- CreateIndex
CREATE INDEX "ResolutionReturn_status_idx" ON "ResolutionReturn"("status");

-- CreateIndex
CREATE INDEX "FollowUpItem_resolutionId_idx" ON "FollowUpItem"("resolutionId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpItem_meetingId_resolutionId_key" ON "FollowUpItem"("meetingId", "resolutionId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeItem" ADD CONSTRAINT "NoticeItem_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeItem" ADD CONSTRAINT "NoticeItem_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionReturn" ADD CONSTRAINT "ResolutionReturn_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionReturn" ADD CONSTRAINT "ResolutionReturn_fromAgencyId_fkey" FOREIGN KEY ("fromAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionReturn" ADD CONSTRAINT "ResolutionReturn_toAgencyId_fkey" FOREIGN KEY ("toAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionReturn" ADD CONSTRAINT "ResolutionReturn_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionReturn" ADD CONSTRAINT "ResolutionReturn_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_newAgencyId_fkey" FOREIGN KEY ("newAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
