-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "supersededAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "DigestRun" (
    "kind" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "recipients" INTEGER NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("kind","provinceId","day")
);

-- CreateIndex
CREATE INDEX "Notification_userId_kind_link_idx" ON "Notification"("userId", "kind", "link");
