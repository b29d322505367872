-- CreateEnum
CREATE TYPE "SmsStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "headMobile" TEXT,
ADD COLUMN     "headTitle" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mobile" TEXT,
ADD COLUMN     "mobileVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "smsOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "toMobile" TEXT NOT NULL,
    "userId" TEXT,
    "provinceId" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "status" "SmsStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMPTZ(3),
    "provider" TEXT,
    "providerMessageId" TEXT,
    "costUnits" INTEGER,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobileVerification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MobileVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "resolutionId" TEXT,
    "meetingId" TEXT,
    "jalaliYear" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "verifyCode" TEXT NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SmsMessage_status_nextAttemptAt_idx" ON "SmsMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SmsMessage_provinceId_sentAt_idx" ON "SmsMessage"("provinceId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "SmsMessage_eventKey_toMobile_key" ON "SmsMessage"("eventKey", "toMobile");

-- CreateIndex
CREATE INDEX "MobileVerification_userId_createdAt_idx" ON "MobileVerification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_verifyCode_key" ON "Letter"("verifyCode");

-- CreateIndex
CREATE INDEX "Letter_agencyId_issuedAt_idx" ON "Letter"("agencyId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_provinceId_scopeKey_key" ON "Letter"("provinceId", "scopeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_provinceId_jalaliYear_number_key" ON "Letter"("provinceId", "jalaliYear", "number");

-- AddForeignKey
ALTER TABLE "MobileVerification" ADD CONSTRAINT "MobileVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

