-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "calendar" TEXT,
ADD COLUMN     "claimedAt" TIMESTAMPTZ(3);
