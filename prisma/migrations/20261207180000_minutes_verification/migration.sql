-- Approved minutes prove themselves like letters and notices (issue #37 §5). Expand-only:
-- sessions approved before get their code and fingerprint on first print
-- (lib/meetings/minutes-proof.ts), computed by the same code as at approval.

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "minutesHash" TEXT,
ADD COLUMN     "minutesVerifyCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_minutesVerifyCode_key" ON "Meeting"("minutesVerifyCode");
