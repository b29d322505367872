-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "body" TEXT,
ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "recipient" TEXT,
ADD COLUMN     "subject" TEXT,
ADD COLUMN     "verifyCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Notice_verifyCode_key" ON "Notice"("verifyCode");
