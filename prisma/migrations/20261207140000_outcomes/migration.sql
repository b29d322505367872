-- Issue #36: what the working group achieved. Milestones and stated progress per resolution,
-- money asked, approved and moved by banks, what caused each status change, and employees
-- at registration beside the current number. Expand-only: new nullable columns, a new table.
-- CreateEnum
CREATE TYPE "StatusChangeCause" AS ENUM ('SECRETARIAT', 'IMPORT', 'APPLICANT', 'BANK_REPORT');

-- CreateEnum
CREATE TYPE "ObstacleMoneyKind" AS ENUM ('RESCHEDULING', 'NEW_FACILITY', 'GUARANTEE', 'ARREARS_SETTLEMENT');

-- CreateEnum
CREATE TYPE "MoneyMovement" AS ENUM ('RESCHEDULED', 'RELEASED', 'GUARANTEED');

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "html" TEXT;

-- AlterTable
ALTER TABLE "Obstacle" ADD COLUMN     "moneyKind" "ObstacleMoneyKind";

-- AlterTable
ALTER TABLE "ProductionUnit" ADD COLUMN     "employeesAtRegistration" INTEGER;

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "amountRials" BIGINT,
ADD COLUMN     "moneyMovement" "MoneyMovement",
ADD COLUMN     "moneyOn" DATE,
ADD COLUMN     "progressPct" INTEGER;

-- AlterTable
ALTER TABLE "Resolution" ADD COLUMN     "approvedAmountRials" BIGINT;

-- AlterTable
ALTER TABLE "UnitStatusChange" ADD COLUMN     "cause" "StatusChangeCause";

-- CreateTable
CREATE TABLE "ResolutionMilestone" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "doneReportId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResolutionMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResolutionMilestone_resolutionId_position_key" ON "ResolutionMilestone"("resolutionId", "position");

-- CreateIndex
CREATE INDEX "ProgressReport_money_moneyOn_idx" ON "ProgressReport"("moneyOn") WHERE ("moneyMovement" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "ResolutionMilestone" ADD CONSTRAINT "ResolutionMilestone_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "Resolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResolutionMilestone" ADD CONSTRAINT "ResolutionMilestone_doneReportId_fkey" FOREIGN KEY ("doneReportId") REFERENCES "ProgressReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A report moves money with all three facts or none: an amount without a date cannot be put
-- in a month, a date without an amount says nothing.
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_money_complete"
  CHECK (("moneyMovement" IS NULL) = ("amountRials" IS NULL) AND ("moneyMovement" IS NULL) = ("moneyOn" IS NULL));
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_progressPct_range"
  CHECK ("progressPct" IS NULL OR "progressPct" BETWEEN 0 AND 100);

-- The units registered before this change: their number of employees then is the best
-- record of "at registration" there is.
UPDATE "ProductionUnit" SET "employeesAtRegistration" = "employees" WHERE "employeesAtRegistration" IS NULL;

-- Kept dashboard figures (docs/decisions/130) now read milestones and reports too.
DO $$
DECLARE
  spec record;
  event text;
  rows text;
BEGIN
  FOR spec IN SELECT * FROM (VALUES
    ('ResolutionMilestone', 'select distinct r."provinceId" from changed c join "Resolution" r on r.id = c."resolutionId"'),
    ('ProgressReport', 'select distinct r."provinceId" from changed c join "Resolution" r on r.id = c."resolutionId"')
  ) AS s(tbl, query) LOOP
    FOREACH event IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      rows := CASE event WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END;
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tashil_figures_changed(%L)',
        'figures_changed_' || lower(event), event, spec.tbl, rows, spec.query
      );
    END LOOP;
  END LOOP;
END
$$;
